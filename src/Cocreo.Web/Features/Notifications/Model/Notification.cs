using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Notifications;

/// <summary>What a person follows: a process, a budget, a proposal or a participatory text.</summary>
public enum FollowKind
{
    Process,
    Budget,
    Proposal,
    Text,
}

/// <summary>
/// A person's choice to follow (or, for what they follow without asking — a process they are a member of, a proposal
/// they wrote — to stop following) a subject. Keyed by person, kind and the subject's id in its capability.
/// </summary>
public sealed class Follow
{
    public string UserId { get; init; } = "";
    public FollowKind Kind { get; init; }
    public int SubjectId { get; init; }

    /// <summary>The process the subject belongs to (its notifications, and who may still see it, are the process's).</summary>
    public int ProcessId { get; init; }

    /// <summary>False: the person stopped following something they would otherwise follow (as a member or its author).</summary>
    public bool Following { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>How a person wants notifications by e-mail. A person without a row gets <see cref="Daily"/>.</summary>
public enum EmailFrequency
{
    Daily,
    Immediately,
    Weekly,
    Never,
}

/// <summary>A person's choice of notification e-mails (absent: <see cref="EmailFrequency.Daily"/>).</summary>
public sealed class NotificationPreference
{
    public string UserId { get; init; } = "";
    public EmailFrequency Email { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>
/// Something that happened that a person follows, made from one entry of a process's log. Its words are chosen when
/// it is shown (in the reader's language) from <see cref="Event"/>, <see cref="Subject"/> and <see cref="Detail"/>.
/// </summary>
public sealed class Notification
{
    public long Id { get; private set; }
    public string UserId { get; init; } = "";
    public int ProcessId { get; init; }

    /// <summary>The log entry it comes from (one notification per person and entry).</summary>
    public long Sequence { get; init; }

    /// <summary>The log action, such as <c>phase.advanced</c>.</summary>
    public string Event { get; init; } = "";

    /// <summary>The title of what it is about (an announcement, a budget, a proposal), as the log or the subject says it.</summary>
    public string Subject { get; init; } = "";

    /// <summary>What more the words need: a phase, a review's outcome and reason, a hiding's reason.</summary>
    public string Detail { get; init; } = "";

    /// <summary>The page it is about (a path).</summary>
    public string Link { get; init; } = "";

    public DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; set; }

    /// <summary>When it went out by e-mail or was settled without one (no e-mail wanted); null while it waits for a digest.</summary>
    public DateTime? EmailedAt { get; set; }

    /// <summary>The digest batch that claimed it (a random token), so two instances never put it in two digests.</summary>
    public string? DigestBatch { get; set; }
}

/// <summary>How far the fan-out has read a process's log.</summary>
public sealed class NotificationCursor
{
    public int ProcessId { get; init; }
    public long Sequence { get; set; }
}

internal sealed class NotificationConfiguration :
    IEntityTypeConfiguration<Follow>, IEntityTypeConfiguration<NotificationPreference>, IEntityTypeConfiguration<Notification>, IEntityTypeConfiguration<NotificationCursor>
{
    public void Configure(EntityTypeBuilder<Follow> follow)
    {
        follow.ToTable("Follows");
        follow.HasKey(f => new { f.UserId, f.Kind, f.SubjectId });
        follow.Property(f => f.UserId).HasMaxLength(450);
        follow.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        follow.HasIndex(f => new { f.Kind, f.SubjectId });
        follow.HasIndex(f => f.ProcessId);
    }

    public void Configure(EntityTypeBuilder<NotificationPreference> preference)
    {
        preference.ToTable("NotificationPreferences");
        preference.HasKey(p => p.UserId);
        preference.Property(p => p.UserId).HasMaxLength(450);
        preference.Property(p => p.Email).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("Notifications");
        notification.Property(n => n.UserId).HasMaxLength(450);
        notification.Property(n => n.Event).HasMaxLength(80);
        notification.Property(n => n.Subject).HasMaxLength(300);
        notification.Property(n => n.Detail).HasMaxLength(1000);
        notification.Property(n => n.Link).HasMaxLength(300);
        notification.Property(n => n.DigestBatch).HasMaxLength(32);
        notification.HasIndex(n => new { n.UserId, n.ProcessId, n.Sequence }).IsUnique();
        notification.HasIndex(n => new { n.UserId, n.ReadAt });
        notification.HasIndex(n => new { n.EmailedAt, n.UserId });
        notification.HasIndex(n => n.DigestBatch);
    }

    public void Configure(EntityTypeBuilder<NotificationCursor> cursor)
    {
        cursor.ToTable("NotificationCursors");
        cursor.HasKey(c => c.ProcessId);
        cursor.Property(c => c.ProcessId).ValueGeneratedNever();
    }
}
