using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cocreo.Budgeting;
using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Explanations;
using Cocreo.Budgeting.Pabulib;
using Cocreo.Budgeting.Rules;
using Cocreo.Budgeting.TieBreaking;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The counting rule of a budget, as the engine and the <c>cocreo pb run</c> command take it.</summary>
public sealed record CountingSettings(CountingRule Rule, EqualSharesCompletionChoice Completion, bool CompareWithGreedy, TieBreak TieBreak, BallotForm Form)
{
    public static CountingSettings Of(Budget budget) => new(budget.Rule, budget.Completion, budget.CompareWithGreedy, budget.TieBreak, budget.Form);

    public IBudgetingRule EngineRule() => Rule == CountingRule.Greedy ? new GreedyRule(GreedyVariant.Skip) : new EqualSharesRule();

    public RuleOptions EngineOptions() => RuleOptions.Default with
    {
        TieBreaking = TieBreak == TieBreak.ProjectNumber ? TieBreakings.ProjectId : TieBreakings.CostThenVotes,
        Completion = Rule == CountingRule.Greedy ? EqualSharesCompletion.None : Completion switch
        {
            EqualSharesCompletionChoice.Add1 => EqualSharesCompletion.Add1,
            EqualSharesCompletionChoice.Add1ThenGreedy => EqualSharesCompletion.Add1ThenUtilitarian,
            EqualSharesCompletionChoice.Greedy => EqualSharesCompletion.Utilitarian,
            _ => EqualSharesCompletion.None,
        },
        Comparison = Rule == CountingRule.EqualShares && CompareWithGreedy,
    };

    public VoteType VoteType => Form switch
    {
        BallotForm.Cumulative => VoteType.Cumulative,
        BallotForm.Ranked => VoteType.Ordinal,
        _ => VoteType.Approval,
    };

    /// <summary>The options of <c>cocreo pb run</c> that count an exported election the same way.</summary>
    public IReadOnlyList<string> CommandLine()
    {
        var options = EngineOptions();
        var arguments = new List<string> { "--rule", Rule == CountingRule.Greedy ? "greedy" : "mes" };
        if (options.Completion != EqualSharesCompletion.None)
        {
            arguments.AddRange(["--completion", options.Completion switch
            {
                EqualSharesCompletion.Add1 => "add1",
                EqualSharesCompletion.Add1ThenUtilitarian => "add1-utilitarian",
                _ => "utilitarian",
            }]);
        }
        arguments.AddRange(["--tie-break", options.TieBreaking.Name]);
        if (options.Comparison)
        {
            arguments.Add("--comparison");
        }
        return arguments;
    }

    /// <summary>The pabulib META <c>rule</c> name (the exact options are in the file's comment).</summary>
    public string PabulibRule => Rule == CountingRule.Greedy ? "greedy" : Completion switch
    {
        EqualSharesCompletionChoice.Add1 => CompareWithGreedy ? "equalshares/add1-comparison" : "equalshares/add1",
        EqualSharesCompletionChoice.Add1ThenGreedy => "equalshares/add1-utilitarian",
        EqualSharesCompletionChoice.Greedy => "equalshares/utilitarian",
        _ => "equalshares",
    };
}

/// <summary>The published results: every project funded or not with its votes, cost and reason, and the comparison with greedy.</summary>
public sealed record ResultsDocument(
    CountingRule Rule,
    EqualSharesCompletionChoice Completion,
    bool CompareWithGreedy,
    BallotForm Form,
    decimal Amount,
    string Currency,
    int Ballots,
    int PaperBallots,
    decimal Spent,
    IReadOnlyList<ProjectResult> Projects,
    decimal? PerVoterBudget,
    int Add1Increments,
    bool SwitchedToGreedy,
    GreedyContrast? Contrast,
    JsonElement EngineExplanation);

/// <summary>
/// One project's result. <see cref="SelectedAs"/> is its place in the order the rule funded projects. As published,
/// <see cref="Title"/> is the original from the ballot and the last two are absent; shown to a reader
/// (<see cref="BallotTitles.LocalizeAsync"/>), the title is in the reader's language when translated,
/// <see cref="Language"/> says which and <see cref="OriginalTitle"/> keeps the ballot's.
/// </summary>
public sealed record ProjectResult(int Number, string Title, string Category, decimal Cost, long Votes, long Points, bool Funded, int? SelectedAs, ProjectReason Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OriginalTitle = null);

/// <summary>Why a project was or was not funded, as values a sentence is made of (see <see cref="ResultsText"/>).</summary>
public sealed record ProjectReason(ReasonKind Kind, int? Round = null, long? Supporters = null, decimal? Amount = null, decimal? Needed = null);

public enum ReasonKind
{
    /// <summary>Bought by the Method of Equal Shares in a round; Amount is the most any supporter paid.</summary>
    EqualSharesRound,

    /// <summary>Costs nothing and has supporters.</summary>
    Free,

    /// <summary>Added by the completion from the money left, in order of votes.</summary>
    Completion,

    /// <summary>Its supporters had Amount left together; it needed Needed.</summary>
    SupportersCannotAfford,

    /// <summary>Its supporters did not have enough left (the amount is not known for this ballot form).</summary>
    SupportersCannotAffordUnknown,

    NoSupport,

    /// <summary>Greedy: ranked Round by votes; Amount was left when its turn came.</summary>
    GreedyFunded,

    /// <summary>Greedy: ranked Round by votes; only Amount was left and it needed Needed.</summary>
    GreedyDoesNotFit,
}

/// <summary>How many voters got at least one project they voted for, under the rule and under greedy counting.</summary>
public sealed record GreedyContrast(long Voters, long SatisfiedByRule, long SatisfiedByGreedy, IReadOnlyList<int> GreedySelection);

/// <summary>Counts a budget's ballots with the engine and explains the outcome project by project.</summary>
public static class Counting
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Id(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The engine's election of a budget. The engine's <see cref="Project"/> takes its extra columns (name, category)
    /// only from a .pb file, so the projects are read from a small one written here.
    /// </summary>
    public static Instance Instance(BallotPaper paper, CountingSettings settings, IEnumerable<KeyValuePair<string, string>> meta)
    {
        var text = new StringBuilder("META\nkey;value\n");
        foreach (var (key, value) in meta)
        {
            Row(text, key, value);
        }
        Row(text, "budget", MoneyInput.Format(paper.Amount));
        Row(text, "vote_type", settings.VoteType.ToPabulibName());
        text.Append("PROJECTS\n");
        Row(text, "project_id", "cost", "name", "category", "location");
        foreach (var project in paper.Projects)
        {
            Row(text, Id(project.Number), MoneyInput.Format(project.Cost), project.Title, project.Category, project.Location);
        }
        text.Append("VOTES\n");
        Row(text, settings.VoteType.HasPoints() ? ["voter_id", "vote", "points"] : ["voter_id", "vote"]);
        return PabulibReader.Read(new StringReader(text.ToString()), "budget").Instance;
    }

    /// <summary>The ballots as the engine's profile; voter ids are 1, 2, ... in the order given (never the stored ids).</summary>
    public static Profile Profile(Instance instance, CountingSettings settings, IReadOnlyList<BudgetBallot> ballots, IReadOnlyList<string>? extraColumns = null, Func<BudgetBallot, IReadOnlyList<string>>? extraValues = null) =>
        Profile(instance, settings, ballots, Choices(instance, settings, ballots), extraColumns, extraValues);

    private static Profile Profile(Instance instance, CountingSettings settings, IReadOnlyList<BudgetBallot> ballots, Dictionary<(string, string?), Choice> choices, IReadOnlyList<string>? extraColumns = null, Func<BudgetBallot, IReadOnlyList<string>>? extraValues = null)
    {
        var result = new Ballot[ballots.Count];
        for (var i = 0; i < ballots.Count; i++)
        {
            var choice = choices[(ballots[i].Projects, ballots[i].Points)];
            result[i] = new Ballot(Id(i + 1), choice.Projects, choice.Points, extraValues?.Invoke(ballots[i]));
        }
        return new Profile(settings.VoteType, result, extraColumns);
    }

    /// <summary>The distinct choices on the ballots, each read once, with how many ballots made it (most voters share a choice with others).</summary>
    private static Dictionary<(string, string?), Choice> Choices(Instance instance, CountingSettings settings, IReadOnlyList<BudgetBallot> ballots)
    {
        var choices = new Dictionary<(string, string?), Choice>();
        foreach (var ballot in ballots)
        {
            if (!choices.TryGetValue((ballot.Projects, ballot.Points), out var choice))
            {
                var decoded = BallotChoice.Decode(ballot.Projects, ballot.Points, "");
                choice = new Choice(decoded.Projects.Select(n => instance[Id(n)]).ToArray(), settings.VoteType.HasPoints() ? decoded.Points?.ToArray() : null);
                choices[(ballot.Projects, ballot.Points)] = choice;
            }
            choice.Ballots++;
        }
        return choices;
    }

    private sealed class Choice(Project[] projects, int[]? points)
    {
        public Project[] Projects { get; } = projects;
        public int[]? Points { get; } = points;
        public long Ballots { get; set; }
    }

    public static ResultsDocument Count(BallotPaper paper, CountingSettings settings, IReadOnlyList<BudgetBallot> ballots)
    {
        var instance = Instance(paper, settings, []);
        var choices = Choices(instance, settings, ballots);
        var profile = Profile(instance, settings, ballots, choices);
        var options = settings.EngineOptions();
        var outcome = settings.EngineRule().Compute(instance, profile, options);
        var greedy = settings.Rule == CountingRule.Greedy
            ? outcome
            : new GreedyRule(GreedyVariant.Skip).Compute(instance, profile, options with { Completion = EqualSharesCompletion.None, Comparison = false });

        var votes = new long[instance.Projects.Count];
        var points = new long[instance.Projects.Count];
        foreach (var choice in choices.Values)
        {
            for (var i = 0; i < choice.Projects.Length; i++)
            {
                votes[choice.Projects[i].Index] += choice.Ballots;
                points[choice.Projects[i].Index] += (choice.Points?[i] ?? 0) * choice.Ballots;
            }
        }

        var reasons = outcome.Explanation is EqualSharesExplanation mes && !(mes.Comparison?.SwitchedToGreedy ?? false)
            ? EqualSharesReasons(instance, choices.Values, mes, settings)
            : GreedyReasons((GreedyExplanation)greedy.Explanation);
        var order = outcome.Selected.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i + 1);
        var projects = instance.Projects
            .Select(p =>
            {
                var project = paper.Project(int.Parse(p.Id, CultureInfo.InvariantCulture))!;
                var funded = order.TryGetValue(p.Id, out var place);
                var reason = votes[p.Index] == 0 && !funded ? new ProjectReason(ReasonKind.NoSupport) : reasons[p.Id];
                return new ProjectResult(project.Number, project.Title, project.Category, project.Cost, votes[p.Index], points[p.Index], funded, funded ? place : null, reason);
            })
            .OrderByDescending(p => settings.Form == BallotForm.Cumulative ? p.Points : p.Votes)
            .ThenBy(p => p.Number)
            .ToList();

        GreedyContrast? contrast = null;
        if (settings.Rule == CountingRule.EqualShares)
        {
            var byRule = outcome.Selected.ToHashSet();
            var byGreedy = greedy.Selected.ToHashSet();
            contrast = new GreedyContrast(
                profile.VoterCount,
                choices.Values.Where(c => c.Projects.Any(byRule.Contains)).Sum(c => c.Ballots),
                choices.Values.Where(c => c.Projects.Any(byGreedy.Contains)).Sum(c => c.Ballots),
                greedy.Selected.Select(p => int.Parse(p.Id, CultureInfo.InvariantCulture)).ToList());
        }
        var equalShares = outcome.Explanation as EqualSharesExplanation;
        return new ResultsDocument(
            settings.Rule, settings.Completion, settings.CompareWithGreedy, settings.Form, paper.Amount, paper.Currency,
            ballots.Count, ballots.Count(b => b.IsPaper), outcome.TotalCost, projects,
            equalShares?.PerVoterBudget.ToDecimal(), equalShares?.Increments ?? 0, equalShares?.Comparison?.SwitchedToGreedy ?? false,
            contrast, JsonSerializer.SerializeToElement(outcome.Explanation, Json));
    }

    private static Dictionary<string, ProjectReason> GreedyReasons(GreedyExplanation explanation)
    {
        var reasons = new Dictionary<string, ProjectReason>(StringComparer.Ordinal);
        for (var i = 0; i < explanation.Steps.Count; i++)
        {
            var step = explanation.Steps[i];
            reasons[step.ProjectId] = step.Decision == GreedyDecision.Selected
                ? new ProjectReason(ReasonKind.GreedyFunded, i + 1, step.Score, step.BudgetLeft)
                : new ProjectReason(ReasonKind.GreedyDoesNotFit, i + 1, step.Score, step.BudgetLeft, step.Cost);
        }
        return reasons;
    }

    private static Dictionary<string, ProjectReason> EqualSharesReasons(Instance instance, IEnumerable<Choice> choices, EqualSharesExplanation explanation, CountingSettings settings)
    {
        var reasons = new Dictionary<string, ProjectReason>(StringComparer.Ordinal);
        foreach (var project in explanation.FreeProjects)
        {
            reasons[project] = new ProjectReason(ReasonKind.Free);
        }
        for (var r = 0; r < explanation.Rounds.Count; r++)
        {
            var round = explanation.Rounds[r];
            reasons[round.ProjectId] = new ProjectReason(ReasonKind.EqualSharesRound, r + 1, round.Payments.Sum(p => p.Voters), RoundUp(round.LargestPayment));
            foreach (var runnerUp in round.RunnersUp.Where(x => x.Reason == RunnerUpReason.CannotAfford && x.MoneyBehind is not null))
            {
                reasons.TryAdd(runnerUp.ProjectId, new ProjectReason(ReasonKind.SupportersCannotAfford, Amount: RoundDown(runnerUp.MoneyBehind!.Value), Needed: instance[runnerUp.ProjectId].Cost));
            }
        }
        foreach (var project in explanation.AddedByCompletion)
        {
            reasons[project] = new ProjectReason(ReasonKind.Completion);
        }
        // The engine names the money behind a project only in the round it became unaffordable, and not at all for
        // projects that became unaffordable after the last purchase. On approval ballots (everyone gains the cost of
        // a project they voted for) each supporter paid min(money left, the round's largest payment), so the money
        // left at the end is replayed exactly; other forms get the sentence without the amount.
        var uniform = settings.VoteType == VoteType.Approval;
        var left = uniform ? MoneyLeftAtTheEnd(instance, choices, explanation) : null;
        foreach (var project in instance.Projects.Where(p => !reasons.ContainsKey(p.Id)))
        {
            reasons[project.Id] = left is null
                ? new ProjectReason(ReasonKind.SupportersCannotAffordUnknown, Needed: project.Cost)
                : new ProjectReason(ReasonKind.SupportersCannotAfford, Amount: RoundDown(left[project.Index]), Needed: project.Cost);
        }
        return reasons;
    }

    /// <summary>For each project, what its supporters had left together when the Method of Equal Shares stopped (approval ballots).</summary>
    private static Rational[] MoneyLeftAtTheEnd(Instance instance, IEnumerable<Choice> choices, EqualSharesExplanation explanation)
    {
        // What a voter has left depends only on which of the bought projects are on their ballot: one amount per
        // such set (few), and for each project how many of its supporters are in each set (whole numbers).
        var round = explanation.Rounds.Select((r, i) => (instance[r.ProjectId].Index, i)).ToDictionary(x => x.Index, x => x.i);
        var supportersBySet = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var choice in choices)
        {
            var set = string.Join(',', choice.Projects.Where(p => round.ContainsKey(p.Index)).Select(p => round[p.Index]).Order());
            if (!supportersBySet.TryGetValue(set, out var supporters))
            {
                supportersBySet[set] = supporters = new long[instance.Projects.Count];
            }
            foreach (var project in choice.Projects)
            {
                supporters[project.Index] += choice.Ballots;
            }
        }
        var behind = new Rational[instance.Projects.Count];
        foreach (var (set, supporters) in supportersBySet)
        {
            var left = explanation.PerVoterBudget;
            foreach (var paidIn in set.Length == 0 ? [] : set.Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)))
            {
                left -= Rational.Min(left, explanation.Rounds[paidIn].LargestPayment);
            }
            for (var p = 0; p < supporters.Length; p++)
            {
                if (supporters[p] > 0)
                {
                    behind[p] += left * supporters[p];
                }
            }
        }
        return behind;
    }

    // "Paid at most" stays true when the amount is rounded up to the cent; "had left" when rounded down.
    private static decimal RoundUp(Rational amount) => -RoundDown(-amount);

    private static decimal RoundDown(Rational amount) => (decimal)(amount * 100).Floor() / 100m;

    private static void Row(StringBuilder text, params string[] fields)
    {
        // Every field quoted, so names with ';' or quotes survive.
        text.AppendJoin(';', fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append('\n');
    }
}
