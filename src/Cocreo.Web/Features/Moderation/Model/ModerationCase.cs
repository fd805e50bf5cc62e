using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Moderation;

/// <summary>Whether a piece of content is shown.</summary>
public enum ModerationState
{
    Visible,

    /// <summary>Hidden automatically after enough reports from different people, until the moderators decide.</summary>
    AwaitingReview,

    /// <summary>Hidden by the moderators, with a public reason shown in its place.</summary>
    Hidden,

    /// <summary>New in a pre-moderated process: only its author and the moderators see it until a moderator publishes (keeps) it.</summary>
    AwaitingApproval,
}

/// <summary>Why someone reports content.</summary>
public enum ReportReason
{
    Spam,
    Offensive,
    OffTopic,
    Other,
}

/// <summary>
/// The moderation of one piece of content of any capability, keyed by its kind (<c>budgeting/comment</c>) and its id
/// there: its reports and whether it is shown. Made when it is first reported or hidden; content without one is shown.
/// </summary>
public sealed class ModerationCase
{
    public int Id { get; private set; }

    /// <summary>Which capability's content, and what kind (<see cref="IModeratedContent.Kind"/>).</summary>
    public string Kind { get; private set; } = "";

    public int ItemId { get; private set; }

    /// <summary>The process the content belongs to (whose team moderates it and whose log records it).</summary>
    public int ProcessId { get; private set; }

    public ModerationState State { get; private set; }

    /// <summary>Reports not yet answered by the moderators (the automatic hiding counts these).</summary>
    public int OpenReports { get; private set; }

    /// <summary>The public reason, shown in the content's place.</summary>
    public string? HiddenReason { get; private set; }

    public DateTime? HiddenAt { get; private set; }
    public DateTime? LastReportedAt { get; private set; }
    public DateTime? ReviewedAt { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public List<ModerationReport> Reports { get; private set; } = [];

    private ModerationCase()
    {
    }

    /// <summary>The reason content that keeps its own hidden flag stores while reports hide it (pages show the localised notice).</summary>
    public const string HiddenByReportsReason = "Hidden after reports from several people, until the moderators look at it.";

    /// <summary>The reason content that keeps its own hidden flag stores while it waits for pre-moderation.</summary>
    public const string AwaitingApprovalReason = "Waiting for moderation: the public sees it once a moderator lets it through.";

    public static ModerationCase Open(string kind, int itemId, int processId) => new() { Kind = kind, ItemId = itemId, ProcessId = processId };

    /// <summary>New content of a pre-moderated process, waiting for a moderator before the public sees it.</summary>
    public static ModerationCase Held(string kind, int itemId, int processId, DateTime now) =>
        new() { Kind = kind, ItemId = itemId, ProcessId = processId, State = ModerationState.AwaitingApproval, LastReportedAt = now };

    /// <summary>Waits for a moderator: reported, hidden after reports, or new in a pre-moderated process.</summary>
    public bool IsWaiting => OpenReports > 0 || State is ModerationState.AwaitingReview or ModerationState.AwaitingApproval;

    public bool IsShown => State == ModerationState.Visible;

    public bool WasReportedBy(string userId) => Reports.Any(r => r.ReporterUserId == userId);

    /// <summary>
    /// Adds one person's report (the caller makes sure it is their first). Returns true when this report hid the
    /// content: <paramref name="hideAfter"/> open reports from different people hide it until the moderators decide
    /// (0: never automatically).
    /// </summary>
    public bool Report(string reporterUserId, ReportReason reason, string? details, int hideAfter, DateTime now)
    {
        if (!IsShown)
        {
            throw new ModerationRuleException("AlreadyHidden");
        }
        var text = (details ?? "").Trim();
        if (text.Length > ModerationLimits.Details)
        {
            throw new ModerationRuleException("DetailsTooLong", "details");
        }
        if (reason == ReportReason.Other && text.Length == 0)
        {
            throw new ModerationRuleException("DetailsMissing", "details");
        }
        Reports.Add(new ModerationReport { ReporterUserId = reporterUserId, Reason = reason, Details = text.Length == 0 ? null : text, ReportedAt = now });
        OpenReports += 1;
        LastReportedAt = now;
        Touch();
        if (hideAfter > 0 && OpenReports >= hideAfter)
        {
            State = ModerationState.AwaitingReview;
            HiddenAt = now;
            return true;
        }
        return false;
    }

    /// <summary>The moderators hide the content with a public reason (or change the reason); its open reports are answered.</summary>
    public void Hide(string reason, DateTime now)
    {
        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            throw new ModerationRuleException("ReasonMissing", "reason");
        }
        if (text.Length > ModerationLimits.Reason)
        {
            throw new ModerationRuleException("ReasonTooLong", "reason");
        }
        State = ModerationState.Hidden;
        HiddenReason = text;
        HiddenAt = now;
        Answer(now);
    }

    /// <summary>
    /// The moderators keep the content (shown again if it was hidden) and answer its open reports. Returns what
    /// changed: nothing when it was shown and had no open reports.
    /// </summary>
    public KeepOutcome Keep(DateTime now)
    {
        if (IsShown && OpenReports == 0)
        {
            return KeepOutcome.Nothing;
        }
        var outcome = State == ModerationState.AwaitingApproval ? KeepOutcome.Published : IsShown ? KeepOutcome.ReportsDismissed : KeepOutcome.ShownAgain;
        State = ModerationState.Visible;
        HiddenReason = null;
        HiddenAt = null;
        Answer(now);
        return outcome;
    }

    private void Answer(DateTime now)
    {
        foreach (var report in Reports.Where(r => r.AnsweredAt is null))
        {
            report.AnsweredAt = now;
        }
        OpenReports = 0;
        ReviewedAt = now;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}

public enum KeepOutcome
{
    Nothing,
    ReportsDismissed,
    ShownAgain,

    /// <summary>Pre-moderated content the moderators let through: the public sees it now.</summary>
    Published,
}

/// <summary>One person's report of one piece of content (one per person and content, ever).</summary>
public sealed class ModerationReport
{
    public int Id { get; private set; }
    public int ModerationCaseId { get; private set; }
    public string ReporterUserId { get; init; } = "";
    public ReportReason Reason { get; init; }

    /// <summary>What the person added (required for <see cref="ReportReason.Other"/>); moderators only.</summary>
    public string? Details { get; init; }

    public DateTime ReportedAt { get; init; }

    /// <summary>When the moderators hid or kept the content; null while the report waits.</summary>
    public DateTime? AnsweredAt { get; set; }
}

/// <summary>
/// A text an author replaced (an edit) or took back (a deletion), kept for the moderators only, so that what was
/// reported can still be read after the author changed it.
/// </summary>
public sealed class ReplacedText
{
    public int Id { get; private set; }
    public string Kind { get; init; } = "";
    public int ItemId { get; init; }
    public string Text { get; init; } = "";
    public DateTime ReplacedAt { get; init; }

    /// <summary>True when the author deleted the content (else they edited it).</summary>
    public bool Deleted { get; init; }
}

public static class ModerationLimits
{
    public const int Kind = 40;
    public const int Reason = 1_000;
    public const int Details = 1_000;
    public const int Text = 20_000;
}

internal sealed class ModerationCaseConfiguration : IEntityTypeConfiguration<ModerationCase>
{
    public void Configure(EntityTypeBuilder<ModerationCase> moderation)
    {
        moderation.ToTable("ModerationCases");
        moderation.Property(c => c.Kind).HasMaxLength(ModerationLimits.Kind).IsRequired();
        moderation.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        moderation.Property(c => c.HiddenReason).HasMaxLength(ModerationLimits.Reason);
        moderation.Property(c => c.Version).IsConcurrencyToken();
        moderation.HasIndex(c => new { c.Kind, c.ItemId }).IsUnique();
        moderation.HasIndex(c => new { c.ProcessId, c.State });
        moderation.HasMany(c => c.Reports).WithOne().HasForeignKey(r => r.ModerationCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModerationReportConfiguration : IEntityTypeConfiguration<ModerationReport>
{
    public void Configure(EntityTypeBuilder<ModerationReport> report)
    {
        report.ToTable("ModerationReports");
        report.Property(r => r.ReporterUserId).HasMaxLength(450).IsRequired();
        report.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Details).HasMaxLength(ModerationLimits.Details);
        report.HasIndex(r => new { r.ModerationCaseId, r.ReporterUserId }).IsUnique();
    }
}

internal sealed class ReplacedTextConfiguration : IEntityTypeConfiguration<ReplacedText>
{
    public void Configure(EntityTypeBuilder<ReplacedText> text)
    {
        text.ToTable("ModerationReplacedTexts");
        text.Property(t => t.Kind).HasMaxLength(ModerationLimits.Kind).IsRequired();
        text.Property(t => t.Text).HasMaxLength(ModerationLimits.Text);
        text.HasIndex(t => new { t.Kind, t.ItemId });
    }
}
