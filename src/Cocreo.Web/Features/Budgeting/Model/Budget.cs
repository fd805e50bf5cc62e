using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// One participatory budget of a process (city-wide, or one district's): the money, the ballot form, who may vote and
/// the counting rule, all published before voting opens and locked from then on. It goes through its own phases:
/// proposals, review, voting, results, implementation.
/// </summary>
public sealed class Budget
{
    public int Id { get; private set; }
    public int ProcessId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The district the budget belongs to; empty for a city-wide budget.</summary>
    public string District { get; private set; } = "";

    /// <summary>Markdown.</summary>
    public string Description { get; private set; } = "";

    public decimal Amount { get; private set; }

    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public string Currency { get; private set; } = "EUR";

    public List<string> Categories { get; private set; } = [];

    public BudgetPhase Phase { get; private set; }
    public List<BudgetPhasePlan> Phases { get; private set; } = [];

    public CountingRule Rule { get; private set; }
    public EqualSharesCompletionChoice Completion { get; private set; }

    /// <summary>Method of Equal Shares only: take the greedy outcome instead when more voters prefer it.</summary>
    public bool CompareWithGreedy { get; private set; }

    public TieBreak TieBreak { get; private set; }

    public BallotForm Form { get; private set; }

    /// <summary>Approval: the fewest projects a ballot must hold. Knapsack and ranked ballots also respect it.</summary>
    public int MinProjects { get; private set; }

    /// <summary>Approval: the most projects a ballot may hold.</summary>
    public int MaxProjects { get; private set; }

    /// <summary>Cumulative: the points each voter spreads.</summary>
    public int PointsToSpend { get; private set; }

    /// <summary>Cumulative: the most points one project may get from a voter.</summary>
    public int MaxPointsPerProject { get; private set; }

    /// <summary>Ranked: how many projects a voter ranks at most (top k).</summary>
    public int RankDepth { get; private set; }

    public Eligibility Eligibility { get; private set; }

    /// <summary>Whether a voter may change their ballot, with their receipt, until voting closes.</summary>
    public bool AllowBallotChanges { get; private set; }

    /// <summary>How many people may vote (the organisation's figure), for turnout; the census size when there is a census.</summary>
    public int? Population { get; private set; }

    public List<DemographicQuestion> Questions { get; private set; } = [];

    public int NextProposalNumber { get; private set; } = 1;
    public DateTime CreatedAt { get; private set; }
    public DateTime? ResultsPublishedAt { get; private set; }
    public bool IsDemo { get; private set; }

    /// <summary>
    /// A check value of the election key voting opened with (<see cref="ElectionKeys.CheckOf"/>): it tells nothing of
    /// the key, but lets every instance make sure it seals with that key and no other.
    /// </summary>
    public string? ElectionKeyCheck { get; set; }

    /// <summary>Changes with every change, so two staff members cannot overwrite each other unnoticed.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    private Budget()
    {
    }

    /// <summary>The language the team writes the budget in (its process's when it was created); translations carry the others.</summary>
    public string Language { get; private set; } = "en";

    public List<BudgetTranslation> Translations { get; private set; } = [];

    public static Budget Create(int processId, BudgetSettings settings, DateTime now, bool isDemo = false, string language = "en")
    {
        var budget = new Budget { ProcessId = processId, Phase = BudgetPhase.Proposals, CreatedAt = now, IsDemo = isDemo, Language = language };
        foreach (var phase in Enum.GetValues<BudgetPhase>())
        {
            budget.Phases.Add(new BudgetPhasePlan(phase));
        }
        budget.Phases[0].StartedAt = now;
        budget.Configure(settings);
        return budget;
    }

    public bool IsLocked => Phase >= BudgetPhase.Voting;

    /// <summary>
    /// Adds or replaces the translation into <paramref name="language"/>: the words only (title, district,
    /// description, the categories' names in their order), so it may change in any phase, the vote included.
    /// </summary>
    public void Translate(string language, BudgetTranslationContent content)
    {
        if (language == Language)
        {
            throw new BudgetRuleException("TranslationSameLanguage", "Language");
        }
        var categories = content.Categories.Select(c => c.Trim()).ToList();
        if (categories.Count > Categories.Count)
        {
            throw new BudgetRuleException("TranslationCategories", "Input.Categories", Categories.Count);
        }
        if (categories.Any(c => c.Length > BudgetLimits.Title))
        {
            throw new BudgetRuleException("TranslationCategoryTooLong", "Input.Categories", BudgetLimits.Title);
        }
        var translation = Translations.FirstOrDefault(t => t.Language == language);
        if (translation is null)
        {
            translation = new BudgetTranslation { Language = language };
            Translations.Add(translation);
        }
        translation.Title = content.Title.Trim();
        translation.District = content.District.Trim();
        translation.Description = content.Description.Trim();
        translation.Categories = categories;
        translation.Questions = QuestionWords(content.Questions ?? []);
    }

    /// <summary>
    /// A translation's words for the ballot's optional questions, in the budget's order: each question's text and its
    /// answers' (an empty one shows the original). More questions or answers than the budget has are refused.
    /// </summary>
    private List<string> QuestionWords(IReadOnlyList<TranslatedQuestion> questions)
    {
        var ordered = Questions.OrderBy(q => q.Position).ToList();
        if (questions.Count > ordered.Count)
        {
            throw new BudgetRuleException("TranslationQuestions", "Input.Questions", ordered.Count);
        }
        var words = new List<string>();
        for (var i = 0; i < questions.Count; i++)
        {
            var lines = new List<string> { Line(questions[i].Text) };
            if (questions[i].Options.Count > ordered[i].Options.Count)
            {
                throw new BudgetRuleException("TranslationQuestions", "Input.Questions", ordered.Count);
            }
            lines.AddRange(questions[i].Options.Select(Line));
            while (lines.Count > 1 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }
            words.Add(string.Join('\n', lines));
        }
        while (words.Count > 0 && words[^1].Length == 0)
        {
            words.RemoveAt(words.Count - 1);
        }
        return words;

        static string Line(string? text)
        {
            var line = (text ?? "").ReplaceLineEndings(" ").Trim();
            return line.Length > BudgetLimits.Title ? throw new BudgetRuleException("TranslationTooLong", "Input.Questions", BudgetLimits.Title) : line;
        }
    }

    /// <summary>
    /// The ballot's optional questions in the reader's language, in the budget's order: each question and each answer
    /// from the reader's translation where it has them, else as written, each with its language.
    /// </summary>
    public IReadOnlyList<LocalQuestion> LocalQuestions(string reader)
    {
        var translation = reader == Language ? null : Translations.FirstOrDefault(t => t.Language == reader);
        return Questions.OrderBy(q => q.Position).Select((question, i) =>
        {
            var words = translation is not null && i < translation.Questions.Count ? translation.Questions[i].Split('\n') : [];
            Written Pick(string original, int line) =>
                line < words.Length && words[line].Length > 0 ? new Written(words[line], reader) : new Written(original, Language);
            return new LocalQuestion(Pick(question.Text, 0), question.Options.Select((option, k) => Pick(option, k + 1)).ToList());
        }).ToList();
    }

    public Written LocalTitle(string reader) => Platform.Localization.Translations.Pick(Title, Language, Translations, reader, t => t.Title);

    public Written LocalDistrict(string reader) => Platform.Localization.Translations.Pick(District, Language, Translations, reader, t => t.District);

    public Written LocalDescription(string reader) => Platform.Localization.Translations.Pick(Description, Language, Translations, reader, t => t.Description);

    /// <summary>A category's name in the reader's language (translations list the names in the budget's order).</summary>
    public Written LocalCategory(string category, string reader)
    {
        var index = Categories.IndexOf(category);
        return Platform.Localization.Translations.Pick(category, Language, Translations, reader,
            t => index >= 0 && index < t.Categories.Count ? t.Categories[index] : null);
    }

    public bool ResultsArePublished => ResultsPublishedAt is not null;

    /// <summary>Sets everything that is published before voting; refused once voting has opened.</summary>
    public void Configure(BudgetSettings settings)
    {
        if (IsLocked)
        {
            throw new BudgetRuleException("SettingsLocked");
        }
        var problem = settings.Problem();
        if (problem is not null)
        {
            throw new BudgetRuleException(problem);
        }
        Title = settings.Title.Trim();
        District = settings.District.Trim();
        Description = settings.Description.Trim();
        Amount = settings.Amount;
        Currency = settings.Currency.Trim().ToUpperInvariant();
        Categories = settings.Categories.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        Rule = settings.Rule;
        Completion = settings.Completion;
        CompareWithGreedy = settings.Rule == CountingRule.EqualShares && settings.CompareWithGreedy;
        TieBreak = settings.TieBreak;
        Form = settings.Form;
        MinProjects = settings.MinProjects;
        MaxProjects = settings.MaxProjects;
        PointsToSpend = settings.PointsToSpend;
        MaxPointsPerProject = settings.MaxPointsPerProject;
        RankDepth = settings.RankDepth;
        Eligibility = settings.Eligibility;
        AllowBallotChanges = settings.AllowBallotChanges;
        Population = settings.Population;
        Touch();
    }

    public void SetQuestions(IEnumerable<DemographicQuestion> questions)
    {
        if (IsLocked)
        {
            throw new BudgetRuleException("SettingsLocked");
        }
        Questions.Clear();
        var position = 0;
        foreach (var question in questions)
        {
            question.Position = position++;
            Questions.Add(question);
        }
        Touch();
    }

    public void PlanPhase(BudgetPhase phase, DateOnly? plannedStart, DateOnly? plannedEnd)
    {
        if (plannedStart is not null && plannedEnd is not null && plannedEnd < plannedStart)
        {
            throw new BudgetRuleException("PhaseEndBeforeStart");
        }
        var plan = Phases.Single(p => p.Phase == phase);
        plan.PlannedStart = plannedStart;
        plan.PlannedEnd = plannedEnd;
        Touch();
    }

    /// <summary>The phases a schedule can start: closing proposals (review), opening the vote and closing it (results).</summary>
    public static bool CanMoveBySchedule(BudgetPhase phase) => phase is BudgetPhase.Review or BudgetPhase.Voting or BudgetPhase.Results;

    /// <summary>
    /// Sets (or clears) the instant the budget moves into <paramref name="phase"/> by itself. Only a phase not yet
    /// reached can be scheduled, at a time still to come; <see cref="ScheduleOutOfOrder"/> checks the order of the whole plan.
    /// </summary>
    public void ScheduleMove(BudgetPhase phase, DateTime? at, DateTime now)
    {
        var plan = Phases.Single(p => p.Phase == phase);
        if (plan.MovesAt == at)
        {
            return;
        }
        if (at is not null)
        {
            if (!CanMoveBySchedule(phase))
            {
                throw new BudgetRuleException("ScheduleNotForPhase");
            }
            if (phase <= Phase)
            {
                throw new BudgetRuleException("ScheduleReached");
            }
            if (at <= now)
            {
                throw new BudgetRuleException("ScheduleInPast");
            }
        }
        plan.MovesAt = at;
        plan.ScheduleProblem = null;
        Touch();
    }

    /// <summary>The first phase whose scheduled move is not after every move scheduled before it, or null when the plan is in order.</summary>
    public BudgetPhase? ScheduleOutOfOrder()
    {
        DateTime? last = null;
        foreach (var plan in Phases.Where(p => p.Phase > Phase && p.MovesAt is not null).OrderBy(p => p.Phase))
        {
            if (last is not null && plan.MovesAt <= last)
            {
                return plan.Phase;
            }
            last = plan.MovesAt;
        }
        return null;
    }

    /// <summary>The next move the schedule will make, if any: the phase after this one, when it has a time.</summary>
    public BudgetPhasePlan? NextScheduledMove =>
        Phase == BudgetPhase.Implementation ? null : Phases.SingleOrDefault(p => p.Phase == Phase + 1 && p.MovesAt is not null);

    /// <summary>Moves to the next phase. What must be true first (reviews done, results published) is checked by <see cref="BudgetPhases"/>.</summary>
    public BudgetPhase Advance(DateTime now)
    {
        if (Phase == BudgetPhase.Implementation)
        {
            throw new BudgetRuleException("LastPhase");
        }
        if (Phase == BudgetPhase.Results && !ResultsArePublished)
        {
            throw new BudgetRuleException("ResultsNotPublished");
        }
        Phases.Single(p => p.Phase == Phase).CompletedAt = now;
        Phase += 1;
        Phases.Single(p => p.Phase == Phase).StartedAt = now;
        Touch();
        return Phase;
    }

    /// <summary>
    /// Takes back the move to the review (to collect proposals again) while no proposal was reviewed or merged;
    /// voting and later phases cannot be taken back.
    /// </summary>
    public BudgetPhase RevertToProposals(bool anyReviewed)
    {
        if (Phase != BudgetPhase.Review)
        {
            throw new BudgetRuleException(Phase == BudgetPhase.Proposals ? "NothingToRevert" : "VotingOpenedCannotRevert");
        }
        if (anyReviewed)
        {
            throw new BudgetRuleException("ReviewStartedCannotRevert");
        }
        Phases.Single(p => p.Phase == BudgetPhase.Review).StartedAt = null;
        Phase = BudgetPhase.Proposals;
        Phases.Single(p => p.Phase == BudgetPhase.Proposals).CompletedAt = null;
        Touch();
        return Phase;
    }

    /// <summary>Refuses to delete the budget once voting opened, or while it holds residents' proposals.</summary>
    public void CheckDeletable(int proposals)
    {
        if (IsLocked)
        {
            throw new BudgetRuleException("VotingOpenedCannotDelete");
        }
        if (proposals > 0)
        {
            throw new BudgetRuleException("ProposalsCannotDelete");
        }
    }

    public int TakeProposalNumber()
    {
        Touch();
        return NextProposalNumber++;
    }

    public void RecordPublication(DateTime now)
    {
        if (Phase != BudgetPhase.Results || ResultsArePublished)
        {
            throw new BudgetRuleException("NotCounting");
        }
        ResultsPublishedAt = now;
        Touch();
    }

    /// <summary>A paper ballot is counted: touches the budget, so publishing the results at the same moment conflicts and one of the two is retried.</summary>
    public void RecordPaperBallot()
    {
        if (!(Phase == BudgetPhase.Voting || (Phase == BudgetPhase.Results && !ResultsArePublished)))
        {
            throw new BudgetRuleException("PaperBallotsClosed");
        }
        Touch();
    }

    public BudgetSettings Settings() => new(
        Title, District, Description, Amount, Currency, Categories, Rule, Completion, CompareWithGreedy, TieBreak,
        Form, MinProjects, MaxProjects, PointsToSpend, MaxPointsPerProject, RankDepth, Eligibility, AllowBallotChanges, Population);

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>What staff set for a budget before voting; checked as a whole so that no ballot form is impossible to fill.</summary>
public sealed record BudgetSettings(
    string Title,
    string District,
    string Description,
    decimal Amount,
    string Currency,
    IReadOnlyList<string> Categories,
    CountingRule Rule,
    EqualSharesCompletionChoice Completion,
    bool CompareWithGreedy,
    TieBreak TieBreak,
    BallotForm Form,
    int MinProjects,
    int MaxProjects,
    int PointsToSpend,
    int MaxPointsPerProject,
    int RankDepth,
    Eligibility Eligibility,
    bool AllowBallotChanges,
    int? Population)
{
    /// <summary>The code of the first rule the settings break (see <see cref="BudgetRules"/>), or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            return "TitleMissing";
        }
        if (Amount <= 0)
        {
            return "AmountNotPositive";
        }
        if (Currency.Trim().Length != 3 || !Currency.Trim().All(char.IsAsciiLetter))
        {
            return "CurrencyCode";
        }
        if (MinProjects < 0 || (Form == BallotForm.Approval && (MaxProjects < 1 || MaxProjects < MinProjects)))
        {
            return "ProjectCountRange";
        }
        if (Form == BallotForm.Cumulative && (PointsToSpend < 1 || MaxPointsPerProject < 1 || MaxPointsPerProject > PointsToSpend))
        {
            return "PointsRange";
        }
        if (Form == BallotForm.Ranked && (RankDepth < 1 || RankDepth < MinProjects))
        {
            return "RankDepthRange";
        }
        if (Population is < 1)
        {
            return "PopulationNotPositive";
        }
        return null;
    }
}

/// <summary>The phases of a participatory budget, in order.</summary>
public enum BudgetPhase
{
    Proposals,
    Review,
    Voting,
    Results,
    Implementation,
}

public sealed class BudgetPhasePlan
{
    public int Id { get; private set; }
    public int BudgetId { get; private set; }
    public BudgetPhase Phase { get; private set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>When the budget moves into this phase by itself (UTC), or null when the team moves it.</summary>
    public DateTime? MovesAt { get; set; }

    /// <summary>Why the scheduled move could not be made when it was due (<see cref="ScheduleProblems"/>), until it is made or re-planned.</summary>
    public string? ScheduleProblem { get; set; }

    private BudgetPhasePlan()
    {
    }

    public BudgetPhasePlan(BudgetPhase phase) => Phase = phase;
}

/// <summary>How the ballots are counted.</summary>
public enum CountingRule
{
    /// <summary>Fund the most-voted projects in order, skipping those that no longer fit.</summary>
    Greedy,

    /// <summary>The Method of Equal Shares: every voter controls an equal part of the budget.</summary>
    EqualShares,
}

/// <summary>What the Method of Equal Shares does with the money it leaves unspent.</summary>
public enum EqualSharesCompletionChoice
{
    None,
    Add1,
    Add1ThenGreedy,
    Greedy,
}

/// <summary>How an exact tie between two projects is decided.</summary>
public enum TieBreak
{
    /// <summary>The cheaper project, then the one with more supporters, then the smaller number.</summary>
    CostThenVotes,

    /// <summary>The smaller project number (compared as text, as pabulib tools do).</summary>
    ProjectNumber,
}

/// <summary>What a voter fills in.</summary>
public enum BallotForm
{
    /// <summary>Tick between a minimum and a maximum number of projects.</summary>
    Approval,

    /// <summary>Tick projects whose costs add up to at most the budget.</summary>
    Knapsack,

    /// <summary>Spread a number of points over projects.</summary>
    Cumulative,

    /// <summary>Rank up to k projects, best first.</summary>
    Ranked,
}

/// <summary>Who may vote.</summary>
public enum Eligibility
{
    /// <summary>Anyone with an account whose email address is confirmed.</summary>
    VerifiedAccount,

    /// <summary>The people on the census list the organisation uploaded: with their account (same email) or a one-time voting code.</summary>
    Census,
}

/// <summary>An optional question on the ballot (age group, district ...) with the population share of each answer, for representativeness.</summary>
public sealed class DemographicQuestion
{
    public int Id { get; private set; }
    public int BudgetId { get; private set; }
    public int Position { get; set; }
    public string Text { get; private set; } = "";
    public List<string> Options { get; private set; } = [];

    /// <summary>The share of the population (per cent) each option has, in the order of <see cref="Options"/>; null where unknown.</summary>
    public List<decimal?> PopulationShares { get; private set; } = [];

    private DemographicQuestion()
    {
    }

    public DemographicQuestion(string text, IEnumerable<(string Option, decimal? Share)> options)
    {
        Text = text.Trim();
        foreach (var (option, share) in options)
        {
            Options.Add(option.Trim());
            PopulationShares.Add(share);
        }
    }
}

/// <summary>A rule of a budget was broken; the code names a localised message (see <see cref="BudgetRules"/>).</summary>
public sealed class BudgetRuleException(string code, string? formField = null, params object[] arguments) : Platform.Changes.RuleException(code)
{
    public override string Text => BudgetRules.Message(Code);

    public override string? Field => formField;

    public override object[] Arguments => arguments;
}

/// <summary>A budget's words in one more language.</summary>
public sealed class BudgetTranslation : ITranslation
{
    public int Id { get; private set; }
    public int BudgetId { get; private set; }
    public string Language { get; init; } = "";
    public string Title { get; set; } = "";
    public string District { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The names of the budget's categories, in the budget's order; an empty name shows the original.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>
    /// The ballot's optional questions, in the budget's order: for each, the question and then its answers, one a
    /// line; an empty line shows the original.
    /// </summary>
    public List<string> Questions { get; set; } = [];
}

/// <summary>A demographic question in another language: its text and its answers, in order (empty ones show the original).</summary>
public sealed record TranslatedQuestion(string? Text, IReadOnlyList<string?> Options);

/// <summary>A demographic question and its answers in the reader's language, each with the language it is in.</summary>
public sealed record LocalQuestion(Written Text, IReadOnlyList<Written> Options);

public sealed record BudgetTranslationContent(string Title, string District, string Description, IReadOnlyList<string> Categories,
    IReadOnlyList<TranslatedQuestion>? Questions = null);
