using System.Globalization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>A project on the ballot: a feasible proposal at its final cost.</summary>
public sealed record BallotProject(int Number, int ProposalId, string Title, decimal Cost, string Category, string Location);

/// <summary>A demographic question as the ballot asks it.</summary>
public sealed record BallotQuestion(string Text, IReadOnlyList<string> Options);

/// <summary>
/// The ballot of a budget as published when voting opened: the projects and the form's limits. It checks a voter's
/// choice and says precisely what to change; it never changes during voting, so it can be cached.
/// </summary>
public sealed record BallotPaper(
    int BudgetId,
    int ProcessId,
    BudgetPhase Phase,
    BallotForm Form,
    decimal Amount,
    string Currency,
    int MinProjects,
    int MaxProjects,
    int PointsToSpend,
    int MaxPointsPerProject,
    int RankDepth,
    Eligibility Eligibility,
    bool AllowBallotChanges,
    IReadOnlyList<BallotProject> Projects,
    IReadOnlyList<BallotQuestion> Questions)
{
    public bool HasPoints => Form == BallotForm.Cumulative;

    public BallotProject? Project(int number) => Projects.FirstOrDefault(p => p.Number == number);

    /// <summary>Every rule of the form the choice breaks, each with the values its message needs.</summary>
    public IReadOnlyList<BallotProblem> Check(BallotChoice choice, Func<decimal, string> money)
    {
        var problems = new List<BallotProblem>();
        var seen = new HashSet<int>();
        foreach (var number in choice.Projects)
        {
            if (Project(number) is null)
            {
                problems.Add(new(BallotProblemKind.UnknownProject, number));
            }
            else if (!seen.Add(number))
            {
                problems.Add(new(BallotProblemKind.Twice, Project(number)!.Title));
            }
        }
        if (choice.Answers.Count > Questions.Count)
        {
            problems.Add(new(BallotProblemKind.TooManyAnswers, Questions.Count, choice.Answers.Count));
        }
        if (!HasPoints && choice.Points is not null)
        {
            problems.Add(new(BallotProblemKind.PointsNotAsked));
        }
        for (var q = 0; q < Math.Min(choice.Answers.Count, Questions.Count); q++)
        {
            if (choice.Answers[q] is { } answer && (answer < 0 || answer >= Questions[q].Options.Count))
            {
                problems.Add(new(BallotProblemKind.UnknownAnswer, Questions[q].Text));
            }
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var count = choice.Projects.Count;
        if (count == 0)
        {
            problems.Add(new(BallotProblemKind.Empty));
            return problems;
        }
        if (count < MinProjects)
        {
            problems.Add(new(BallotProblemKind.TooFew, MinProjects, count));
        }
        switch (Form)
        {
            case BallotForm.Approval when count > MaxProjects:
                problems.Add(new(BallotProblemKind.TooMany, MaxProjects, count, count - MaxProjects));
                break;
            case BallotForm.Knapsack:
                var total = choice.Projects.Sum(n => Project(n)!.Cost);
                if (total > Amount)
                {
                    problems.Add(new(BallotProblemKind.OverBudget, money(total), money(total - Amount), money(Amount)));
                }
                break;
            case BallotForm.Ranked when count > RankDepth:
                problems.Add(new(BallotProblemKind.TooManyRanks, RankDepth, count));
                break;
            case BallotForm.Cumulative:
                var points = choice.Points ?? [];
                if (points.Count != count)
                {
                    problems.Add(new(BallotProblemKind.PointsCount, count, points.Count));
                    break;
                }
                if (points.Any(p => p < 1))
                {
                    problems.Add(new(BallotProblemKind.PointsNotPositive));
                    break;
                }
                // Added as long: points near int.MaxValue must be refused, not overflow.
                var given = points.Sum(p => (long)p);
                if (given > PointsToSpend)
                {
                    problems.Add(new(BallotProblemKind.PointsTotal, given, PointsToSpend, given - PointsToSpend));
                }
                for (var i = 0; i < count; i++)
                {
                    if (points[i] > MaxPointsPerProject)
                    {
                        problems.Add(new(BallotProblemKind.PointsPerProject, MaxPointsPerProject, Project(choice.Projects[i])!.Title, points[i]));
                    }
                }
                break;
        }
        return problems;
    }
}

/// <summary>What a voter chose: project numbers (best first on a ranked ballot), points (cumulative) and answers.</summary>
public sealed record BallotChoice(IReadOnlyList<int> Projects, IReadOnlyList<int>? Points, IReadOnlyList<int?> Answers)
{
    public string ProjectsText => string.Join(',', Projects.Select(p => p.ToString(CultureInfo.InvariantCulture)));

    public string? PointsText => Points is null ? null : string.Join(',', Points.Select(p => p.ToString(CultureInfo.InvariantCulture)));

    public string AnswersText => string.Join(',', Answers.Select(a => a?.ToString(CultureInfo.InvariantCulture) ?? ""));

    /// <summary>Reads what <see cref="ProjectsText"/>, <see cref="PointsText"/> and <see cref="AnswersText"/> wrote.</summary>
    public static BallotChoice Decode(string projects, string? points, string answers) => new(
        Numbers(projects),
        points is null ? null : Numbers(points),
        answers.Length == 0 ? [] : answers.Split(',').Select(a => a.Length == 0 ? (int?)null : int.Parse(a, CultureInfo.InvariantCulture)).ToArray());

    /// <summary>The same choice, the same way written: two paper entries agree when this is equal.</summary>
    public bool SameAs(BallotChoice other) => ProjectsText == other.ProjectsText && PointsText == other.PointsText;

    private static int[] Numbers(string text) =>
        text.Length == 0 ? [] : text.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
}

public enum BallotProblemKind
{
    Empty,
    TooFew,
    TooMany,
    OverBudget,
    UnknownProject,
    Twice,
    PointsTotal,
    PointsPerProject,
    PointsNotPositive,
    TooManyRanks,
    UnknownAnswer,
    TooManyAnswers,
    PointsCount,
    PointsNotAsked,
}

/// <summary>A rule of the form a ballot breaks, with the values for its message (<see cref="BudgetRules.BallotMessage"/>).</summary>
public sealed record BallotProblem(BallotProblemKind Kind, params object[] Values);

/// <summary>What the ballot's choice fields show: the paper and what was chosen so far (kept when a ballot is refused).</summary>
public sealed record BallotChoicesView(BallotPaper Paper, List<int> Selected, Dictionary<int, int?> Points, List<int?> Ranks, bool ShowLinks,
    IReadOnlyDictionary<int, Platform.Localization.Written>? Titles = null, Func<string, Platform.Localization.Written>? Categories = null)
{
    /// <summary>A category's name in the reader's language (the budget's translation) with its language; null where not known (then shown as the ballot has it).</summary>
    public Platform.Localization.Written? LocalCategory(string category) => category.Length > 0 && Categories is not null ? Categories(category) : null;

    /// <summary>The project's title in the reader's language (see <see cref="BallotTitles"/>), else the ballot's original, whose language is then not known here.</summary>
    public Platform.Localization.Written? LocalTitle(int number) => Titles is not null && Titles.TryGetValue(number, out var title) ? title : null;

    public int RankCount => Math.Min(Paper.RankDepth, Paper.Projects.Count);

    public decimal SelectedCost => Paper.Projects.Where(p => Selected.Contains(p.Number)).Sum(p => p.Cost);

    public bool IsSelected(int number) => Paper.Form switch
    {
        BallotForm.Cumulative => Points.GetValueOrDefault(number) is > 0,
        BallotForm.Ranked => Ranks.Contains(number),
        _ => Selected.Contains(number),
    };

    /// <summary>The choice these fields make, in the form's terms: ranks in order, points by project, ticks by number.</summary>
    public BallotChoice Choice(IReadOnlyList<int?> answers) => Paper.Form switch
    {
        BallotForm.Cumulative => new BallotChoice(
            Points.Where(p => p.Value is not null and not 0).OrderBy(p => p.Key).Select(p => p.Key).ToList(),
            Points.Where(p => p.Value is not null and not 0).OrderBy(p => p.Key).Select(p => p.Value!.Value).ToList(),
            answers),
        BallotForm.Ranked => new BallotChoice(Ranks.Where(r => r is not null).Select(r => r!.Value).ToList(), null, answers),
        _ => new BallotChoice(Selected.Order().ToList(), null, answers),
    };
}
