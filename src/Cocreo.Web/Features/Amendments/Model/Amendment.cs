using Cocreo.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Amendments;

/// <summary>Where an amendment stands. Whether an open one needs rebasing is not stored: its base is not the current version.</summary>
public enum AmendmentStatus
{
    /// <summary>Waiting for the decision; supported and discussed.</summary>
    Open,

    /// <summary>Accepted: its text became a new version of what it amends.</summary>
    Accepted,

    /// <summary>Rejected, with the public reason.</summary>
    Rejected,

    /// <summary>Withdrawn by its author while open.</summary>
    Withdrawn,
}

/// <summary>
/// A proposed change to an amendable text (a proposal of a process, a text section): the whole changed title and body,
/// an explanation, and the version it was written on with that version's text (the diff shown is from that text to
/// this one, and a rebase re-applies it onto a newer version). Decided by the owner of the text; a rejected one can
/// become its own proposal (<see cref="PromotedProposalId"/>).
/// </summary>
public sealed class Amendment
{
    public int Id { get; private set; }

    /// <summary>The kind of amended thing (<see cref="IAmendmentTargets.Kind"/>) and its id in the owning capability.</summary>
    public string TargetKind { get; private set; } = "";
    public int TargetId { get; private set; }
    public int ProcessId { get; private set; }

    public string AuthorUserId { get; private set; } = "";
    public DateTime ProposedAt { get; private set; }

    /// <summary>The version the amendment was written on, and its text.</summary>
    public int BaseVersion { get; private set; }
    public string BaseTitle { get; private set; } = "";
    public string BaseBody { get; private set; } = "";

    /// <summary>The amended text: what the thing becomes when accepted, exactly.</summary>
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    /// <summary>Why (Markdown, short).</summary>
    public string Explanation { get; private set; } = "";

    public AmendmentStatus Status { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>The public reason of a rejection.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>The version its acceptance created.</summary>
    public int? ResultVersion { get; private set; }

    /// <summary>The proposal a rejected amendment became (Features/Proposals), linked both ways.</summary>
    public int? PromotedProposalId { get; private set; }

    /// <summary>Set when its author rebased or edited it.</summary>
    public DateTime? EditedAt { get; private set; }

    public bool IsOpen => Status == AmendmentStatus.Open;

    /// <summary>An open amendment whose base is no longer the current version: it cannot be accepted until rebased.</summary>
    public bool NeedsRebase(int currentVersion) => IsOpen && BaseVersion != currentVersion;

    public IReadOnlyList<DiffRun> TitleDiff() => TextDiff.Diff(BaseTitle, Title);

    public IReadOnlyList<DiffRun> BodyDiff() => TextDiff.Diff(BaseBody, Body);

    private Amendment()
    {
    }

    public static Amendment Propose(string kind, int targetId, int processId, int baseVersion, AmendedText baseText, string? title, string? body, string? explanation, string authorUserId, DateTime now)
    {
        var (t, b) = AmendmentRules.Text(title, body, baseText.Title.Length == 0);
        if (t == baseText.Title && TextDiff.Normalize(b) == TextDiff.Normalize(baseText.Body))
        {
            throw new AmendmentRuleException("NoChange", "Input.Body");
        }
        return new Amendment
        {
            TargetKind = kind,
            TargetId = targetId,
            ProcessId = processId,
            AuthorUserId = authorUserId,
            ProposedAt = now,
            BaseVersion = baseVersion,
            BaseTitle = baseText.Title,
            BaseBody = baseText.Body,
            Title = t,
            Body = b,
            Explanation = AmendmentRules.Explanation(explanation),
            Status = AmendmentStatus.Open,
        };
    }

    /// <summary>Accepted: the text became version <paramref name="version"/>.</summary>
    public void Accept(int version, DateTime now)
    {
        RequireOpen();
        (Status, DecidedAt, ResultVersion) = (AmendmentStatus.Accepted, now, version);
    }

    /// <summary>Rejected with the public reason; rejecting again changes nothing (false).</summary>
    public bool Reject(string? reason, DateTime now)
    {
        var text = (reason ?? "").Trim();
        if (Status == AmendmentStatus.Rejected)
        {
            return false;
        }
        RequireOpen();
        if (text.Length == 0)
        {
            throw new AmendmentRuleException("ReasonMissing", "reason");
        }
        if (text.Length > AmendmentRules.ReasonLength)
        {
            throw new AmendmentRuleException("ReasonTooLong", "reason", AmendmentRules.ReasonLength);
        }
        (Status, DecidedAt, Reason) = (AmendmentStatus.Rejected, now, text);
        return true;
    }

    /// <summary>Withdrawn by its author while open; again changes nothing (false).</summary>
    public bool Withdraw(DateTime now)
    {
        if (Status == AmendmentStatus.Withdrawn)
        {
            return false;
        }
        RequireOpen();
        (Status, DecidedAt) = (AmendmentStatus.Withdrawn, now);
        return true;
    }

    /// <summary>A rejected amendment became its own proposal.</summary>
    public void Promote(int proposalId)
    {
        EnsurePromotable();
        PromotedProposalId = proposalId;
    }

    /// <summary>Refuses unless the amendment is rejected and not yet its own proposal.</summary>
    public void EnsurePromotable()
    {
        if (Status != AmendmentStatus.Rejected)
        {
            throw new AmendmentRuleException("PromoteRejectedOnly");
        }
        if (PromotedProposalId is not null)
        {
            throw new AmendmentRuleException("AlreadyPromoted");
        }
    }

    /// <summary>
    /// Moves the amendment onto the current version: with <paramref name="title"/> and <paramref name="body"/> given, the
    /// author's own text on it; without, its change re-applied word by word (three-way merge), refused when the two
    /// changes touch the same words. Returns false when it was already on that version and nothing changed.
    /// </summary>
    public bool Rebase(int version, AmendedText current, string? title, string? body, DateTime now)
    {
        RequireOpen();
        string newTitle, newBody;
        if (title is null && body is null)
        {
            if (BaseVersion == version)
            {
                return false;
            }
            var mergedTitle = TextDiff.Merge(BaseTitle, Title, current.Title);
            var mergedBody = TextDiff.Merge(BaseBody, Body, current.Body);
            if (!mergedTitle.Clean || !mergedBody.Clean)
            {
                throw new AmendmentRuleException("RebaseConflict");
            }
            (newTitle, newBody) = AmendmentRules.Text(mergedTitle.Text, mergedBody.Text, current.Title.Length == 0);
        }
        else
        {
            (newTitle, newBody) = AmendmentRules.Text(title, body, current.Title.Length == 0);
        }
        if (newTitle == current.Title && TextDiff.Normalize(newBody) == TextDiff.Normalize(current.Body))
        {
            throw new AmendmentRuleException("NoChange", "Input.Body");
        }
        if (BaseVersion == version && newTitle == Title && newBody == Body)
        {
            return false;
        }
        (BaseVersion, BaseTitle, BaseBody, Title, Body, EditedAt) = (version, current.Title, current.Body, newTitle, newBody, now);
        return true;
    }

    /// <summary>The author's account was deleted: the amendment stays, by a former participant.</summary>
    public void ForgetAuthor() => AuthorUserId = "";

    /// <summary>Refuses (with why) unless the amendment is open.</summary>
    public void EnsureOpen() => RequireOpen();

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new AmendmentRuleException(Status switch
            {
                AmendmentStatus.Accepted => "AlreadyAccepted",
                AmendmentStatus.Rejected => "AlreadyRejected",
                _ => "AlreadyWithdrawn",
            });
        }
    }
}

/// <summary>A person supports an amendment: once (the key).</summary>
public sealed class AmendmentSupport
{
    public int Id { get; private set; }
    public int AmendmentId { get; init; }
    public string UserId { get; set; } = "";
    public DateTime SupportedAt { get; init; }
}

/// <summary>
/// One version of an amendable text (a proposal of a process, a text section): its number (1, 2, ...), the title and
/// body, when, by whom (an author's edit) or through which amendment. Version 1 of a thing with no stored version is
/// its text as it is (<see cref="TextVersions"/>); the first edit stores version 1 from the text it replaces.
/// </summary>
public sealed class TextVersion
{
    public int Id { get; private set; }
    public string TargetKind { get; init; } = "";
    public int TargetId { get; init; }
    public int ProcessId { get; init; }
    public int Number { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public DateTime CreatedAt { get; init; }

    /// <summary>Who wrote it (the author of an edit or of the accepted amendment); empty once their account is deleted.</summary>
    public string? ByUserId { get; set; }

    /// <summary>The amendment whose acceptance made it.</summary>
    public int? AmendmentId { get; init; }
}

/// <summary>A rule about amendments was broken.</summary>
public sealed class AmendmentRuleException(string code, string? formField = null, params object[] arguments) : Platform.Changes.RuleException(code)
{
    public override string Text => AmendmentRules.Message(Code);

    public override string? Field => formField;

    public override object[] Arguments => arguments;
}

/// <summary>The messages of <see cref="AmendmentRuleException"/> and the checks of what people write.</summary>
public static class AmendmentRules
{
    public const int TitleLength = 200;
    public const int BodyLength = 20_000;
    public const int ExplanationLength = 4_000;
    public const int ReasonLength = 4_000;

    public static string Message(string code) => code switch
    {
        "TitleMissing" => "Enter a title.",
        "TitleTooLong" => "The title can have at most {0} characters.",
        "BodyMissing" => "The text cannot be empty.",
        "BodyTooLong" => "The text can have at most {0} characters.",
        "ExplanationTooLong" => "The explanation can have at most {0} characters.",
        "NoChange" => "Your amendment does not change the text.",
        "ReasonMissing" => "Give the public reason for rejecting the amendment.",
        "ReasonTooLong" => "The reason can have at most {0} characters.",
        "AlreadyAccepted" => "This amendment was accepted already.",
        "AlreadyRejected" => "This amendment was rejected already.",
        "AlreadyWithdrawn" => "Its author withdrew this amendment.",
        "PromoteRejectedOnly" => "Only a rejected amendment can become its own proposal.",
        "AlreadyPromoted" => "This amendment is already its own proposal.",
        "RebaseConflict" => "Your change and the new version change the same words: edit your amendment on the new text.",
        "Stale" => "The text changed since this amendment was written: its author rebases it onto the new version first.",
        "UnknownVersion" => "There is no such version.",
        _ => code,
    };

    /// <summary>The checked title and body; <paramref name="untitled"/>: the amended thing has no title (a text's preamble), so neither has the amendment.</summary>
    public static (string Title, string Body) Text(string? title, string? body, bool untitled = false)
    {
        var t = untitled ? "" : (title ?? "").Trim();
        var b = (body ?? "").Trim();
        if (t.Length == 0 && !untitled)
        {
            throw new AmendmentRuleException("TitleMissing", "Input.Title");
        }
        if (t.Length > TitleLength)
        {
            throw new AmendmentRuleException("TitleTooLong", "Input.Title", TitleLength);
        }
        if (b.Length == 0)
        {
            throw new AmendmentRuleException("BodyMissing", "Input.Body");
        }
        if (b.Length > BodyLength)
        {
            throw new AmendmentRuleException("BodyTooLong", "Input.Body", BodyLength);
        }
        return (t, b);
    }

    public static string Explanation(string? explanation)
    {
        var e = (explanation ?? "").Trim();
        return e.Length > ExplanationLength ? throw new AmendmentRuleException("ExplanationTooLong", "Input.Explanation", ExplanationLength) : e;
    }
}

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> amendment)
    {
        amendment.ToTable("Amendments");
        amendment.Property(a => a.TargetKind).HasMaxLength(40);
        amendment.Property(a => a.AuthorUserId).HasMaxLength(450);
        amendment.Property(a => a.BaseTitle).HasMaxLength(AmendmentRules.TitleLength);
        amendment.Property(a => a.Title).HasMaxLength(AmendmentRules.TitleLength);
        amendment.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        amendment.HasIndex(a => new { a.TargetKind, a.TargetId, a.Status });
        // The list of a thing's amendments, newest first, paged by keyset (AmendmentList.PageAsync).
        amendment.HasIndex(a => new { a.TargetKind, a.TargetId, a.ProposedAt, a.Id }).HasDatabaseName("IX_Amendments_List");
        amendment.HasIndex(a => a.AuthorUserId);
        amendment.HasIndex(a => a.PromotedProposalId);
    }
}

internal sealed class AmendmentSupportConfiguration : IEntityTypeConfiguration<AmendmentSupport>
{
    public void Configure(EntityTypeBuilder<AmendmentSupport> support)
    {
        support.ToTable("AmendmentSupports");
        support.Property(s => s.UserId).HasMaxLength(450);
        support.HasIndex(s => new { s.AmendmentId, s.UserId }).IsUnique();
        support.HasIndex(s => s.UserId);
        support.HasOne<Amendment>().WithMany().HasForeignKey(s => s.AmendmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TextVersionConfiguration : IEntityTypeConfiguration<TextVersion>
{
    public void Configure(EntityTypeBuilder<TextVersion> version)
    {
        version.ToTable("TextVersions");
        version.Property(v => v.TargetKind).HasMaxLength(40);
        version.Property(v => v.Title).HasMaxLength(AmendmentRules.TitleLength);
        version.Property(v => v.ByUserId).HasMaxLength(450);
        version.HasIndex(v => new { v.TargetKind, v.TargetId, v.Number }).IsUnique();
        version.HasIndex(v => v.ByUserId);
    }
}
