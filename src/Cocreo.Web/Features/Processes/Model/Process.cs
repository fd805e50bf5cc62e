namespace Cocreo.Web.Features.Processes;

/// <summary>
/// A co-creation process of one organisation: the spine every capability attaches to. Its state changes are
/// appended to its public log (<see cref="Platform.Log.ProcessLog"/>) in the same transaction as the change.
/// </summary>
public sealed class Process
{
    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The problem the process addresses, in Markdown.</summary>
    public string ProblemStatement { get; private set; } = "";

    /// <summary>What the process is for and what it will produce, in Markdown.</summary>
    public string Purpose { get; private set; } = "";

    /// <summary>The language the content is written in (ISO 639-1); translations carry the others.</summary>
    public string Language { get; private set; } = "en";

    /// <summary>What participants can influence: one item per entry.</summary>
    public List<string> CanInfluence { get; private set; } = [];

    /// <summary>What participants cannot influence, stated up front so nobody is misled.</summary>
    public List<string> CannotInfluence { get; private set; } = [];

    public string SponsorName { get; private set; } = "";

    /// <summary>The sponsor's mandate: what they can commit the organisation to, in Markdown.</summary>
    public string SponsorMandate { get; private set; } = "";

    /// <summary>The statement of political backing, in Markdown.</summary>
    public string PoliticalBacking { get; private set; } = "";

    public ProcessVisibility Visibility { get; private set; }
    public PolicyPhase CurrentPhase { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public bool IsDemo { get; private set; }

    /// <summary>Changes with every change to the process, so two concurrent changes cannot both save on stale data.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public List<ProcessPhase> Phases { get; private set; } = [];
    public List<ProcessMember> Members { get; private set; } = [];
    public List<ProcessTranslation> Translations { get; private set; } = [];

    private Process()
    {
    }

    public static Process Start(int organisationId, ProcessContent content, ProcessVisibility visibility, DateTime now, bool isDemo = false)
    {
        var process = new Process
        {
            OrganisationId = organisationId,
            Visibility = visibility,
            CurrentPhase = PolicyPhase.ProblemDefinition,
            CreatedAt = now,
            IsDemo = isDemo,
        };
        process.Describe(content);
        foreach (var phase in Enum.GetValues<PolicyPhase>())
        {
            process.Phases.Add(new ProcessPhase(phase));
        }
        process.Phases[0].StartedAt = now;
        return process;
    }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>When the process was archived: read-only everywhere, still public with its log.</summary>
    public DateTime? ArchivedAt { get; private set; }

    public bool IsArchived => ArchivedAt is not null;

    /// <summary>Archives the process (false when it was archived already).</summary>
    public bool Archive(DateTime now)
    {
        if (IsArchived)
        {
            return false;
        }
        ArchivedAt = now;
        Touch();
        return true;
    }

    /// <summary>Takes the process out of the archive (false when it was not archived).</summary>
    public bool Unarchive()
    {
        if (!IsArchived)
        {
            return false;
        }
        ArchivedAt = null;
        Touch();
        return true;
    }

    /// <summary>
    /// When its owner deleted the process (while nobody had taken part in it): a tombstone. It leaves every list,
    /// search and follow (a query filter of the model), its pages answer 410 Gone, and its public log stays whole.
    /// </summary>
    public DateTime? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>Marks the process deleted (false when it was deleted already).</summary>
    public bool Delete(DateTime now)
    {
        if (IsDeleted)
        {
            return false;
        }
        DeletedAt = now;
        Touch();
        return true;
    }

    public void Describe(ProcessContent content)
    {
        Title = content.Title.Trim();
        ProblemStatement = content.ProblemStatement.Trim();
        Purpose = content.Purpose.Trim();
        Language = content.Language;
        SponsorName = content.SponsorName.Trim();
        SponsorMandate = content.SponsorMandate.Trim();
        PoliticalBacking = content.PoliticalBacking.Trim();
        Touch();
    }

    public void SetScope(IEnumerable<string> canInfluence, IEnumerable<string> cannotInfluence)
    {
        CanInfluence = Clean(canInfluence);
        CannotInfluence = Clean(cannotInfluence);
        Touch();
    }

    public void ChangeVisibility(ProcessVisibility visibility)
    {
        Visibility = visibility;
        Touch();
    }

    public void PlanPhase(PolicyPhase phase, DateOnly? plannedStart, DateOnly? plannedEnd)
    {
        if (plannedStart is not null && plannedEnd is not null && plannedEnd < plannedStart)
        {
            throw new ProcessRuleException("PhaseEndBeforeStart");
        }
        var entry = Phases.Single(p => p.Phase == phase);
        entry.PlannedStart = plannedStart;
        entry.PlannedEnd = plannedEnd;
        Touch();
    }

    /// <summary>Moves back to the phase before (a move made by mistake); closing is not reverted.</summary>
    public PolicyPhase RevertPhase()
    {
        if (IsClosed)
        {
            throw new ProcessRuleException("ProcessClosed");
        }
        if (CurrentPhase == PolicyPhase.ProblemDefinition)
        {
            throw new ProcessRuleException("NothingToRevert");
        }
        Phases.Single(p => p.Phase == CurrentPhase).StartedAt = null;
        CurrentPhase -= 1;
        Phases.Single(p => p.Phase == CurrentPhase).CompletedAt = null;
        Touch();
        return CurrentPhase;
    }

    /// <summary>Moves to the next phase of the policy cycle; after evaluation the process closes.</summary>
    public PolicyPhase? AdvancePhase(DateTime now)
    {
        if (IsClosed)
        {
            throw new ProcessRuleException("ProcessClosed");
        }
        Phases.Single(p => p.Phase == CurrentPhase).CompletedAt = now;
        if (CurrentPhase == PolicyPhase.Evaluation)
        {
            ClosedAt = now;
            Touch();
            return null;
        }
        CurrentPhase += 1;
        Phases.Single(p => p.Phase == CurrentPhase).StartedAt = now;
        Touch();
        return CurrentPhase;
    }

    public ProcessMember? MemberFor(string? userId) =>
        userId is null ? null : Members.FirstOrDefault(m => m.UserId == userId);

    public ProcessMember Join(string userId, ProcessRole role, DateTime now)
    {
        if (IsClosed)
        {
            throw new ProcessRuleException("ProcessClosed");
        }
        if (MemberFor(userId) is { } existing)
        {
            return existing;
        }
        var member = new ProcessMember { UserId = userId, Role = role, JoinedAt = now };
        Members.Add(member);
        Touch();
        return member;
    }

    public void Leave(string userId)
    {
        var member = MemberFor(userId) ?? throw new ProcessRuleException("NotAMember");
        if (member.Role == ProcessRole.Owner && Members.Count(m => m.Role == ProcessRole.Owner) == 1)
        {
            throw new ProcessRuleException("LastOwnerCannotLeave");
        }
        Members.Remove(member);
        Touch();
    }

    public void AssignRole(string userId, ProcessRole role)
    {
        var member = MemberFor(userId) ?? throw new ProcessRuleException("NotAMember");
        if (member.Role == ProcessRole.Owner && role != ProcessRole.Owner && Members.Count(m => m.Role == ProcessRole.Owner) == 1)
        {
            throw new ProcessRuleException("LastOwnerCannotLeave");
        }
        member.Role = role;
        Touch();
    }

    public ProcessTranslation? TranslationFor(string language) =>
        Translations.FirstOrDefault(t => t.Language == language);

    public void Translate(string language, ProcessTranslationContent content)
    {
        if (language == Language)
        {
            throw new ProcessRuleException("TranslationSameLanguage");
        }
        var translation = TranslationFor(language);
        if (translation is null)
        {
            translation = new ProcessTranslation { Language = language };
            Translations.Add(translation);
        }
        translation.Title = content.Title.Trim();
        translation.ProblemStatement = content.ProblemStatement.Trim();
        translation.Purpose = content.Purpose.Trim();
        translation.CanInfluence = Clean(content.CanInfluence);
        translation.CannotInfluence = Clean(content.CannotInfluence);
        translation.SponsorName = content.SponsorName.Trim();
        translation.SponsorMandate = content.SponsorMandate.Trim();
        translation.PoliticalBacking = content.PoliticalBacking.Trim();
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();

    private static List<string> Clean(IEnumerable<string> items) =>
        items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
}

public sealed record ProcessContent(
    string Title,
    string ProblemStatement,
    string Purpose,
    string Language,
    string SponsorName,
    string SponsorMandate,
    string PoliticalBacking);

public sealed record ProcessTranslationContent(
    string Title,
    string ProblemStatement,
    string Purpose,
    IReadOnlyList<string> CanInfluence,
    IReadOnlyList<string> CannotInfluence,
    string SponsorName = "",
    string SponsorMandate = "",
    string PoliticalBacking = "");

/// <summary>Who can see a process.</summary>
public enum ProcessVisibility
{
    /// <summary>Listed on the platform and readable by anyone.</summary>
    Public,

    /// <summary>Readable by anyone with the link, not listed.</summary>
    Unlisted,

    /// <summary>Only the organisation's staff and the process's members.</summary>
    Private,
}

/// <summary>The phases of the policy cycle a co-creation process goes through, in order.</summary>
public enum PolicyPhase
{
    ProblemDefinition,
    SolutionDesign,
    Implementation,
    Evaluation,
}

public sealed class ProcessPhase
{
    public int Id { get; private set; }
    public int ProcessId { get; private set; }
    public PolicyPhase Phase { get; private set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    private ProcessPhase()
    {
    }

    public ProcessPhase(PolicyPhase phase) => Phase = phase;
}

/// <summary>A person's role in one process.</summary>
public enum ProcessRole
{
    Observer,
    Participant,
    Facilitator,

    /// <summary>The owner, who sponsors the process and answers for it.</summary>
    Owner,
}

public sealed class ProcessMember
{
    public int Id { get; private set; }
    public int ProcessId { get; private set; }
    public string UserId { get; init; } = "";
    public ProcessRole Role { get; set; }
    public DateTime JoinedAt { get; init; }
}

public sealed class ProcessTranslation : Platform.Localization.ITranslation
{
    public int Id { get; private set; }
    public int ProcessId { get; private set; }
    public string Language { get; init; } = "";
    public string Title { get; set; } = "";
    public string ProblemStatement { get; set; } = "";
    public string Purpose { get; set; } = "";
    public List<string> CanInfluence { get; set; } = [];
    public List<string> CannotInfluence { get; set; } = [];

    /// <summary>The sponsor as the translation names them (a title such as "Mayor" translates); empty: as written.</summary>
    public string SponsorName { get; set; } = "";

    public string SponsorMandate { get; set; } = "";
    public string PoliticalBacking { get; set; } = "";
}

/// <summary>A news item the process's owners and facilitators send to its participants.</summary>
public sealed class Announcement
{
    public int Id { get; private set; }
    public int ProcessId { get; init; }
    public string Title { get; init; } = "";

    /// <summary>Markdown, sanitised when shown.</summary>
    public string Body { get; init; } = "";

    /// <summary>The language it was written in (the process's when it was published); translations carry the others.</summary>
    public string Language { get; init; } = "en";

    public List<AnnouncementTranslation> Translations { get; private set; } = [];

    /// <summary>The title in the reader's language, or as written.</summary>
    public Platform.Localization.Written LocalTitle(string reader) => Platform.Localization.Translations.Pick(Title, Language, Translations, reader, t => t.Title);

    /// <summary>The body in the reader's language, or as written.</summary>
    public Platform.Localization.Written LocalBody(string reader) => Platform.Localization.Translations.Pick(Body, Language, Translations, reader, t => t.Body);

    /// <summary>Adds or replaces the translation into <paramref name="language"/>.</summary>
    public void Translate(string language, string title, string body)
    {
        if (language == Language)
        {
            throw new ProcessRuleException("TranslationSameLanguage");
        }
        var translation = Translations.FirstOrDefault(t => t.Language == language);
        if (translation is null)
        {
            translation = new AnnouncementTranslation { Language = language };
            Translations.Add(translation);
        }
        translation.Title = title.Trim();
        translation.Body = body.Trim();
    }

    public string AuthorUserId { get; init; } = "";
    public DateTime PublishedAt { get; init; }
}

/// <summary>An announcement in one more language.</summary>
public sealed class AnnouncementTranslation : Platform.Localization.ITranslation
{
    public int Id { get; private set; }
    public int AnnouncementId { get; private set; }
    public string Language { get; init; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>A rule of the process was broken; the code names a localised message.</summary>
public sealed class ProcessRuleException(string code) : Platform.Changes.RuleException(code)
{
    public override string Text => ProcessRules.Message(Code);

    public override string? Field => Code switch
    {
        "DeleteConfirmTitle" => "Confirm",
        "UnknownLanguage" or "TranslationSameLanguage" => "Language",
        _ => null,
    };
}
