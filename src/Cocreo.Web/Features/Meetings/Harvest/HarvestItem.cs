using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>What a harvested item is.</summary>
public enum HarvestKind
{
    Note,
    Idea,
    Question,
    Decision,
}

/// <summary>Where a harvested item stands: it waits for a facilitator, then is published on the live page or hidden.</summary>
public enum HarvestStatus
{
    Pending,
    Published,
    Hidden,
}

public static class HarvestLimits
{
    /// <summary>As a comment (the same limit as other posts).</summary>
    public const int Text = Debate.DebateLimits.Comment;

    public const int Label = 100;

    /// <summary>Items shown per page of the live harvest; "show more" pages on by id.</summary>
    public const int PageSize = 50;

    /// <summary>Items a facilitator publishes or hides at once.</summary>
    public const int Batch = 200;
}

/// <summary>
/// A person the meeting's organisers named to harvest (a table host, a convener): among those registered for the
/// meeting. The process's team harvests without being named.
/// </summary>
public sealed class MeetingHarvester
{
    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime NamedAt { get; private set; }

    private MeetingHarvester()
    {
    }

    public static MeetingHarvester Name(int meetingId, string userId, DateTime now) => new() { MeetingId = meetingId, UserId = userId, NamedAt = now };
}

/// <summary>
/// A note, idea, question or decision harvested during a meeting, with an optional free label (a table, a session, a
/// round: "Table 3 · Round 2") and, later, the run sheet's block it belongs to (<see cref="BlockId"/>). Pending until a
/// facilitator publishes or hides it; published items are on the meeting's live public page. Once published it can
/// become a conversation statement or a proposal, once (<see cref="BecameKind"/>).
/// </summary>
public sealed class HarvestItem
{
    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public int ProcessId { get; private set; }
    public HarvestKind Kind { get; private set; }

    /// <summary>Plain text or the platform's Markdown, rendered sanitised.</summary>
    public string Text { get; private set; } = "";

    public string Label { get; private set; } = "";

    /// <summary>The run sheet's block it was harvested in (checked against the sheet when posted; null: none chosen).</summary>
    public int? BlockId { get; private set; }

    /// <summary>Who harvested it (null once the account is deleted); shown to the organisers only, never on the public page.</summary>
    public string? AuthorUserId { get; private set; }

    public DateTime PostedAt { get; private set; }
    public HarvestStatus Status { get; private set; }
    public DateTime? ModeratedAt { get; private set; }

    /// <summary>"statement" or "proposal" once the item became one (null before).</summary>
    public string? BecameKind { get; private set; }

    public int? BecameId { get; private set; }
    public string? BecameTitle { get; private set; }
    public string? BecameLink { get; private set; }
    public DateTime? BecameAt { get; private set; }

    public bool IsPublished => Status == HarvestStatus.Published;

    private HarvestItem()
    {
    }

    public static HarvestItem Post(Meeting meeting, HarvestKind kind, string? text, string? label, int? blockId, string? authorUserId, DateTime now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new HarvestRuleException("Kind");
        }
        var body = (text ?? "").Trim();
        if (body.Length == 0)
        {
            throw new HarvestRuleException("TextEmpty");
        }
        if (body.Length > HarvestLimits.Text)
        {
            throw new HarvestRuleException("TextTooLong", HarvestLimits.Text);
        }
        var tag = (label ?? "").Trim();
        if (tag.Length > HarvestLimits.Label)
        {
            throw new HarvestRuleException("LabelTooLong", HarvestLimits.Label);
        }
        return new HarvestItem
        {
            MeetingId = meeting.Id,
            ProcessId = meeting.ProcessId,
            Kind = kind,
            Text = body,
            Label = tag,
            BlockId = blockId,
            AuthorUserId = authorUserId,
            PostedAt = now,
            Status = HarvestStatus.Pending,
        };
    }

    /// <summary>Publishes or hides the item; false when it already was.</summary>
    public bool Moderate(bool publish, DateTime now)
    {
        var to = publish ? HarvestStatus.Published : HarvestStatus.Hidden;
        if (Status == to)
        {
            return false;
        }
        Status = to;
        ModeratedAt = now;
        return true;
    }

    /// <summary>Records what the item became; refused when it became something already.</summary>
    public void Became(string kind, int id, string title, string link, DateTime now)
    {
        if (BecameKind is not null)
        {
            throw new HarvestRuleException("AlreadyTurned", BecameTitle ?? "");
        }
        (BecameKind, BecameId, BecameTitle, BecameLink, BecameAt) = (kind, id, title.Length > 200 ? title[..200] : title, link, now);
    }

    /// <summary>The account was deleted: the item stays, nameless.</summary>
    public void ForgetAuthor() => AuthorUserId = null;
}

public sealed class HarvestRuleException(string code, params object[] arguments) : RuleException(code)
{
    public override string Text => HarvestRules.Message(Code);

    public override object[] Arguments => arguments;

    public override string? Field => Code switch
    {
        "TextEmpty" or "TextTooLong" => "Input.Text",
        "LabelTooLong" => "Input.Label",
        "Kind" => "Input.Kind",
        "UnknownBlock" => "Input.BlockId",
        "NotRegistered" or "AlreadyHarvester" => "harvesterId",
        _ => null,
    };
}

internal sealed class MeetingHarvesterConfiguration : IEntityTypeConfiguration<MeetingHarvester>
{
    public void Configure(EntityTypeBuilder<MeetingHarvester> harvester)
    {
        harvester.ToTable("MeetingHarvesters");
        harvester.Property(h => h.UserId).HasMaxLength(64).IsRequired();
        harvester.HasOne<Meeting>().WithMany().HasForeignKey(h => h.MeetingId).OnDelete(DeleteBehavior.Cascade);
        harvester.HasOne<Accounts.CocreoUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        harvester.HasIndex(h => new { h.MeetingId, h.UserId }).IsUnique();
    }
}

internal sealed class HarvestItemConfiguration : IEntityTypeConfiguration<HarvestItem>
{
    public void Configure(EntityTypeBuilder<HarvestItem> item)
    {
        item.ToTable("MeetingHarvestItems");
        item.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.Text).HasMaxLength(HarvestLimits.Text).IsRequired();
        item.Property(i => i.Label).HasMaxLength(HarvestLimits.Label).IsRequired();
        item.Property(i => i.AuthorUserId).HasMaxLength(64);
        item.Property(i => i.BecameKind).HasMaxLength(20);
        item.Property(i => i.BecameTitle).HasMaxLength(200);
        item.Property(i => i.BecameLink).HasMaxLength(200);
        item.HasOne<Meeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        item.HasOne<Accounts.CocreoUser>().WithMany().HasForeignKey(i => i.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        // The live page: a meeting's published items, newest first, paged on by id (one index range scan).
        item.HasIndex(i => new { i.MeetingId, i.Status, i.Id });
        item.HasIndex(i => i.AuthorUserId);
        // Where a conversation's statement came from (HarvestOrigins): one index lookup per page.
        item.HasIndex(i => new { i.BecameLink, i.BecameId });
        item.Ignore(i => i.IsPublished);
    }
}
