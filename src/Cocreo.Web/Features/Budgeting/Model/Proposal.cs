using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A resident's proposal in a process: one model for both kinds. With a budget (<see cref="BudgetId"/>) it is a
/// budget project: staff review it (feasible or not, with a public reason and the final cost); feasible proposals are
/// the projects on the ballot; funded ones carry their implementation progress. Without one it is a proposal of the
/// process (Features/Proposals): supported up to the process's limit, answered by the organisation (evaluating,
/// accepted, rejected, with a public reason), merged with its duplicates.
/// </summary>
public sealed class Proposal
{
    public int Id { get; private set; }

    /// <summary>The process it belongs to (for a budget project, its budget's process).</summary>
    public int ProcessId { get; private set; }

    /// <summary>The budget it is a project of; null for a proposal of the process.</summary>
    public int? BudgetId { get; private set; }

    /// <summary>A budget project (numbered, costed, reviewed for feasibility, on a ballot), not a proposal of the process.</summary>
    public bool IsBudgetProject => BudgetId is not null;

    /// <summary>The project's number within its budget: its identifier on the ballot and in the pabulib export.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Markdown.</summary>
    public string Description { get; private set; } = "";

    /// <summary>Where it would be, in words (a street, a park).</summary>
    public string Location { get; private set; } = "";

    /// <summary>Where it would be on a map (WGS 84 degrees, rounded to 5 decimals, about a metre): both or neither (<see cref="Proposals.ProposalRules.Coordinates"/>).</summary>
    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public string Category { get; private set; } = "";
    public decimal EstimatedCost { get; private set; }
    public string AuthorUserId { get; private set; } = "";
    public DateTime SubmittedAt { get; private set; }

    public ProposalStatus Status { get; private set; }

    /// <summary>The public reason of the review (why it is or is not feasible).</summary>
    public string ReviewReason { get; private set; } = "";

    /// <summary>The cost staff set in the review; what the project costs on the ballot.</summary>
    public decimal? FinalCost { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    /// <summary>The proposal this duplicate was merged into.</summary>
    public int? MergedIntoId { get; private set; }

    /// <summary>Set when voting opens: the project is on the ballot.</summary>
    public bool OnBallot { get; private set; }

    /// <summary>Set when the results are published.</summary>
    public bool Funded { get; private set; }

    public ImplementationStatus Implementation { get; private set; }

    /// <summary>Per cent done, as staff last reported.</summary>
    public int Progress { get; private set; }

    public List<ProgressUpdate> Updates { get; private set; } = [];

    /// <summary>When its author last changed its title or description (the page says "edited"; the moderators keep what it replaced).</summary>
    public DateTime? EditedAt { get; private set; }

    /// <summary>When its author withdrew it: it stays readable, but is supported, reviewed and put on a ballot no more.</summary>
    public DateTime? WithdrawnAt { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>Pictures of the project; never loaded with the proposal (they are large), only added through it.</summary>
    public List<ProposalImage> Images { get; private set; } = [];

    /// <summary>
    /// How many support it, kept with every change of its supports (support, withdrawal, merge, a supporter's account
    /// deleted) so that "most supported" pages on an index instead of counting every proposal's supports. Only the
    /// order uses it; the numbers shown are counted from the supports themselves.
    /// </summary>
    public int SupportCount { get; private set; }

    /// <summary>
    /// Where the proposal stands in the shuffle that the random order turns, drawn when it is made, in [0,
    /// <see cref="ShuffleRange"/>). A reader's seed only chooses where the turn starts (the proposals with a key from
    /// <c>ShuffleRange − seed</c> up come first, then the rest, each part by key), so a random page reads the key's
    /// index like any other order, and every proposal is equally likely to be first. Proposals older than the key
    /// have <c>(Id mod ShuffleRange) · 7919 mod ShuffleRange</c>, the order they had before.
    /// </summary>
    public int ShuffleKey { get; private set; } = Random.Shared.Next(ShuffleRange);

    /// <summary>A prime: the number of places in the shuffle.</summary>
    public const int ShuffleRange = 100_003;

    /// <summary>One more (+1) or one fewer (−1) support, or the supports carried over from a merged duplicate.</summary>
    public void CountSupports(int change) => SupportCount = Math.Max(0, SupportCount + change);

    private Proposal()
    {
    }

    /// <summary>The language its author wrote it in; translations (by the author or the team) carry the others.</summary>
    public string Language { get; private set; } = "en";

    public List<ProposalTranslation> Translations { get; private set; } = [];

    public Written LocalTitle(string reader) => Platform.Localization.Translations.Pick(Title, Language, Translations, reader, t => t.Title);

    public Written LocalDescription(string reader) => Platform.Localization.Translations.Pick(Description, Language, Translations, reader, t => t.Description);

    /// <summary>The review's public answer in the reader's language; the team writes it in the budget's language.</summary>
    public Written LocalReviewReason(string reader, string budgetLanguage) => Platform.Localization.Translations.Pick(ReviewReason, budgetLanguage, Translations, reader, t => t.ReviewReason);

    public Written LocalLocation(string reader) => Platform.Localization.Translations.Pick(Location, Language, Translations, reader, t => t.Location);

    /// <summary>Adds or replaces the translation into <paramref name="language"/>, saying who made it.</summary>
    public void Translate(string language, ProposalTranslationContent content, ProposalTranslator by, DateTime now)
    {
        if (language == Language)
        {
            throw new BudgetRuleException("TranslationSameLanguage", "Language");
        }
        var translation = Translations.FirstOrDefault(t => t.Language == language);
        if (translation is null)
        {
            translation = new ProposalTranslation { Language = language };
            Translations.Add(translation);
        }
        translation.Title = content.Title.Trim();
        translation.Description = content.Description.Trim();
        translation.Location = content.Location.Trim();
        if (content.ReviewReason is { } reason)
        {
            translation.ReviewReason = reason.Trim();
        }
        foreach (var update in Updates)
        {
            if (content.Updates is not null && content.Updates.TryGetValue(update.Id, out var text))
            {
                update.Translate(language, text, now);
            }
        }
        translation.TranslatedBy = by;
        translation.TranslatedAt = now;
    }

    public static Proposal Submit(Budget budget, ProposalContent content, string authorUserId, DateTime now)
    {
        if (budget.Phase != BudgetPhase.Proposals)
        {
            throw new BudgetRuleException("NotCollectingProposals");
        }
        if (content.EstimatedCost < 0)
        {
            throw new BudgetRuleException("CostNegative");
        }
        return new Proposal
        {
            ProcessId = budget.ProcessId,
            BudgetId = budget.Id,
            Number = budget.TakeProposalNumber(),
            Title = content.Title.Trim(),
            Description = content.Description.Trim(),
            Location = content.Location.Trim(),
            Category = content.Category.Trim(),
            EstimatedCost = content.EstimatedCost,
            AuthorUserId = authorUserId,
            SubmittedAt = now,
            Status = ProposalStatus.Submitted,
            Language = content.Language ?? budget.Language,
        };
    }

    /// <summary>The cost that counts: the reviewed one when there is one.</summary>
    public decimal Cost => FinalCost ?? EstimatedCost;

    public bool IsOpen => Status is not ProposalStatus.Merged && WithdrawnAt is null;

    public void Review(Budget budget, bool feasible, string reason, decimal? finalCost, DateTime now)
    {
        if (budget.IsLocked)
        {
            throw new BudgetRuleException("ReviewClosed");
        }
        if (Status == ProposalStatus.Merged)
        {
            throw new BudgetRuleException("ProposalMerged");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BudgetRuleException("ReasonMissing");
        }
        if (feasible && finalCost is null or < 0)
        {
            throw new BudgetRuleException("FinalCostMissing");
        }
        if (feasible && finalCost > budget.Amount)
        {
            throw new BudgetRuleException("FinalCostOverBudget");
        }
        Status = feasible ? ProposalStatus.Feasible : ProposalStatus.Unfeasible;
        ReviewReason = reason.Trim();
        FinalCost = feasible ? finalCost : null;
        ReviewedAt = now;
    }

    /// <summary>Marks this proposal as a duplicate of another; its supports are carried over by the caller.</summary>
    public void MergeInto(Proposal original, Budget budget)
    {
        if (budget.IsLocked)
        {
            throw new BudgetRuleException("ReviewClosed");
        }
        if (original.Id == Id || BudgetId is null || original.BudgetId != BudgetId || !original.IsOpen || !IsOpen)
        {
            throw new BudgetRuleException("CannotMerge");
        }
        Status = ProposalStatus.Merged;
        MergedIntoId = original.Id;
        OnBallot = false;
    }

    /// <summary>
    /// When voting opens: a feasible proposal goes on the ballot, unless its author withdrew it or the moderators hide
    /// it (<paramref name="hidden"/>) at that moment.
    /// </summary>
    internal void PutOnBallot(bool hidden = false) => OnBallot = Status == ProposalStatus.Feasible && WithdrawnAt is null && !hidden;

    /// <summary>
    /// Its author changes the title and description while the budget collects proposals and before it is reviewed.
    /// Returns the text it replaced (title and description), or null when nothing changed.
    /// </summary>
    public string? Edit(Budget budget, string title, string description, DateTime now)
    {
        if (budget.Phase != BudgetPhase.Proposals)
        {
            throw new BudgetRuleException("NotCollectingProposals");
        }
        if (!IsOpen || ReviewedAt is not null)
        {
            throw new BudgetRuleException("ProposalNotEditable");
        }
        var newTitle = (title ?? "").Trim();
        var newDescription = (description ?? "").Trim();
        if (newTitle.Length == 0 || newDescription.Length == 0)
        {
            throw new BudgetRuleException("ProposalTextMissing");
        }
        if (newTitle == Title && newDescription == Description)
        {
            return null;
        }
        var before = Title + "\n\n" + Description;
        Title = newTitle;
        Description = newDescription;
        EditedAt = now;
        return before;
    }

    /// <summary>Its author withdraws it before voting opens; withdrawing it again changes nothing (returns false).</summary>
    public bool Withdraw(Budget budget, DateTime now)
    {
        if (WithdrawnAt is not null)
        {
            return false;
        }
        if (budget.Phase is not (BudgetPhase.Proposals or BudgetPhase.Review) || budget.IsLocked)
        {
            throw new BudgetRuleException("ProposalWithdrawClosed");
        }
        if (Status == ProposalStatus.Merged)
        {
            throw new BudgetRuleException("ProposalMerged");
        }
        WithdrawnAt = now;
        return true;
    }

    /// <summary>A resident puts forward a proposal of a process (no budget) while the process takes new ones.</summary>
    public static Proposal PutForward(int processId, Proposals.ProposalSettings settings, Proposals.ProcessProposalContent content, string authorUserId, DateTime now)
    {
        if (!settings.Open)
        {
            throw new Proposals.ProposalRuleException("ProposalsClosed");
        }
        var (title, body) = Proposals.ProposalRules.Text(content.Title, content.Body);
        var category = Proposals.ProposalRules.Short(content.Category, "Input.Category");
        if (category.Length > 0 && !settings.CategoryNames.Contains(category))
        {
            throw new Proposals.ProposalRuleException("UnknownCategory", "Input.Category");
        }
        var (latitude, longitude) = Proposals.ProposalRules.Coordinates(content.Latitude, content.Longitude);
        return new Proposal
        {
            Latitude = latitude,
            Longitude = longitude,
            ProcessId = processId,
            Title = title,
            Description = body,
            Location = Proposals.ProposalRules.Short(content.Location, "Input.Location"),
            Category = category,
            AuthorUserId = authorUserId,
            SubmittedAt = now,
            Status = ProposalStatus.Submitted,
            Language = content.Language ?? "en",
        };
    }

    /// <summary>
    /// The organisation answers a proposal of the process publicly: evaluating, accepted or rejected, with its reason.
    /// Returns false when the answer is the one it already has.
    /// </summary>
    public bool Answer(ProposalStatus status, string reason, DateTime now)
    {
        if (IsBudgetProject)
        {
            throw new Proposals.ProposalRuleException("BudgetProject");
        }
        if (status is not (ProposalStatus.Evaluating or ProposalStatus.Accepted or ProposalStatus.Rejected))
        {
            throw new Proposals.ProposalRuleException("AnswerStatus", "status");
        }
        if (!IsOpen)
        {
            throw new Proposals.ProposalRuleException(Status == ProposalStatus.Merged ? "ProposalMerged" : "ProposalWithdrawn");
        }
        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            throw new Proposals.ProposalRuleException("ReasonMissing", "reason");
        }
        if (text.Length > BudgetLimits.LongText)
        {
            throw new Proposals.ProposalRuleException("ReasonTooLong", "reason", BudgetLimits.LongText);
        }
        if (Status == status && ReviewReason == text)
        {
            return false;
        }
        Status = status;
        ReviewReason = text;
        ReviewedAt = now;
        return true;
    }

    /// <summary>Its author withdraws a proposal of the process (not once accepted or rejected); again changes nothing.</summary>
    public bool WithdrawFromProcess(DateTime now)
    {
        if (WithdrawnAt is not null)
        {
            return false;
        }
        if (Status == ProposalStatus.Merged)
        {
            throw new Proposals.ProposalRuleException("ProposalMerged");
        }
        if (Status is ProposalStatus.Accepted or ProposalStatus.Rejected)
        {
            throw new Proposals.ProposalRuleException("ProposalAnswered");
        }
        WithdrawnAt = now;
        return true;
    }

    /// <summary>
    /// Its author or a co-author changes a proposal of the process until it is accepted, rejected, merged or withdrawn.
    /// Returns the text it replaced (kept for the moderators), or null when nothing changed.
    /// </summary>
    public string? EditInProcess(string title, string body, DateTime now)
    {
        if (IsBudgetProject)
        {
            throw new Proposals.ProposalRuleException("BudgetProject");
        }
        if (!IsOpen || Status is ProposalStatus.Accepted or ProposalStatus.Rejected)
        {
            throw new Proposals.ProposalRuleException("ProposalNotEditable");
        }
        var (newTitle, newBody) = Proposals.ProposalRules.Text(title, body);
        if (newTitle == Title && newBody == Description)
        {
            return null;
        }
        var before = Title + "\n\n" + Description;
        (Title, Description, EditedAt) = (newTitle, newBody, now);
        return before;
    }

    /// <summary>
    /// Its author or a co-author sets, changes or removes (both null) the place of a proposal of the process on the map,
    /// under the rules of a new proposal (<see cref="Proposals.ProposalRules.Coordinates"/>), while it can be edited.
    /// Returns false when it is already there.
    /// </summary>
    public bool PlaceInProcess(double? latitude, double? longitude)
    {
        if (IsBudgetProject)
        {
            throw new Proposals.ProposalRuleException("BudgetProject");
        }
        if (!IsOpen || Status is ProposalStatus.Accepted or ProposalStatus.Rejected)
        {
            throw new Proposals.ProposalRuleException("ProposalNotEditable");
        }
        var (lat, lon) = Proposals.ProposalRules.Coordinates(latitude, longitude);
        if (lat == Latitude && lon == Longitude)
        {
            return false;
        }
        (Latitude, Longitude) = (lat, lon);
        return true;
    }

    /// <summary>Marks this proposal of the process as a duplicate of another of the same process; the caller carries the supports over.</summary>
    public void MergeIntoProposal(Proposal original)
    {
        if (original.Id == Id || IsBudgetProject || original.IsBudgetProject || original.ProcessId != ProcessId || !original.IsOpen || !IsOpen)
        {
            throw new Proposals.ProposalRuleException("CannotMerge", "into");
        }
        Status = ProposalStatus.Merged;
        MergedIntoId = original.Id;
    }

    internal void RecordOutcome(bool funded)
    {
        Funded = funded;
        Implementation = funded ? ImplementationStatus.Planned : ImplementationStatus.NotFunded;
    }

    public ProgressUpdate ReportProgress(Budget budget, ImplementationStatus status, int progress, string text, string authorName, DateTime now)
    {
        if (!Funded || !budget.ResultsArePublished)
        {
            throw new BudgetRuleException("NotFunded");
        }
        if (status == ImplementationStatus.NotFunded || progress is < 0 or > 100)
        {
            throw new BudgetRuleException("ProgressRange");
        }
        Implementation = status;
        Progress = status == ImplementationStatus.Completed ? 100 : progress;
        var update = new ProgressUpdate { Status = status, Progress = Progress, Text = text.Trim(), AuthorName = authorName, PostedAt = now };
        Updates.Add(update);
        return update;
    }
}

public sealed record ProposalContent(string Title, string Description, string Location, string Category, decimal EstimatedCost, string? Language = null);

/// <summary>A translation's text; <see cref="ReviewReason"/> null keeps the review answer's translation as it was (only the team sends it).</summary>
/// <summary><see cref="Updates"/> (progress update id to its translated text) likewise: null keeps them, only the team sends it.</summary>
public sealed record ProposalTranslationContent(string Title, string Description, string Location, string? ReviewReason = null, IReadOnlyDictionary<int, string>? Updates = null);

/// <summary>Who translated a proposal: its author, or the budget's team (never a name: the page says which).</summary>
public enum ProposalTranslator
{
    Author,
    Team,
}

/// <summary>A proposal in one more language.</summary>
public sealed class ProposalTranslation : ITranslation
{
    public int Id { get; private set; }
    public int ProposalId { get; private set; }
    public string Language { get; init; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Location { get; set; } = "";

    /// <summary>The team's public review answer in this language (only the team translates it); empty: not translated.</summary>
    public string ReviewReason { get; set; } = "";
    public ProposalTranslator TranslatedBy { get; set; }
    public DateTime TranslatedAt { get; set; }
}

public enum ProposalStatus
{
    /// <summary>Waiting for review.</summary>
    Submitted,
    Feasible,
    Unfeasible,

    /// <summary>A duplicate, merged into another proposal.</summary>
    Merged,

    /// <summary>A proposal of a process the organisation is looking into (with a public note).</summary>
    Evaluating,

    /// <summary>A proposal of a process the organisation accepted, with its public reason.</summary>
    Accepted,

    /// <summary>A proposal of a process the organisation rejected, with its public reason.</summary>
    Rejected,
}

public enum ImplementationStatus
{
    NotFunded,
    Planned,
    InProgress,
    Completed,
    Cancelled,
}

/// <summary>A resident's support for a proposal (one per person and proposal).</summary>
public sealed class ProposalSupport
{
    public int Id { get; private set; }
    public int ProposalId { get; set; }
    public string UserId { get; init; } = "";
}

/// <summary>What staff report about a funded project as it is built.</summary>
public sealed class ProgressUpdate
{
    public int Id { get; private set; }
    public int ProposalId { get; private set; }
    public ImplementationStatus Status { get; init; }
    public int Progress { get; init; }

    /// <summary>Markdown.</summary>
    public string Text { get; init; } = "";

    public string AuthorName { get; init; } = "";
    public DateTime PostedAt { get; init; }

    /// <summary>The text in other languages, translated by the budget's team.</summary>
    public List<ProgressUpdateTranslation> Translations { get; private set; } = [];

    /// <summary>The text in the reader's language; the team writes it in the budget's language.</summary>
    public Written LocalText(string reader, string budgetLanguage) => Platform.Localization.Translations.Pick(Text, budgetLanguage, Translations, reader, t => t.Text);

    /// <summary>Adds or replaces the translation of the text into <paramref name="language"/> (empty: the original is shown).</summary>
    public void Translate(string language, string text, DateTime now)
    {
        var translation = Translations.FirstOrDefault(t => t.Language == language);
        if (translation is null)
        {
            translation = new ProgressUpdateTranslation { Language = language };
            Translations.Add(translation);
        }
        translation.Text = text.Trim();
        translation.TranslatedAt = now;
    }
}

/// <summary>A progress update's text in one more language (the team's words, like the update's).</summary>
public sealed class ProgressUpdateTranslation : ITranslation
{
    public int Id { get; private set; }
    public int ProgressUpdateId { get; private set; }
    public string Language { get; init; } = "";
    public string Text { get; set; } = "";
    public DateTime TranslatedAt { get; set; }
}
