using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Debate;

/// <summary>Where a comment stands on what it discusses.</summary>
public enum Alignment
{
    Neutral = 0,
    For = 1,
    Against = 2,
}

/// <summary>
/// A comment in a debate on a target (a kind and an id in the capability that owns it: a proposal, a process's
/// problem and purpose, later a text section or an amendment), or a reply to another comment of the same debate.
/// Its author may edit it and delete it (its place says so); the moderators hide it through moderation, never here.
/// The tallies (up, down, replies) and the Wilson score are kept on the row so each sort pages on an index.
/// </summary>
public sealed class Comment
{
    public int Id { get; private set; }

    /// <summary>What is discussed: <see cref="DebateKinds"/>.</summary>
    public string TargetKind { get; private set; } = "";

    public int TargetId { get; private set; }

    /// <summary>The process the target belongs to (moderation, the log, the personal data).</summary>
    public int ProcessId { get; init; }

    /// <summary>The comment this one answers; null for a comment on the target itself.</summary>
    public int? ParentId { get; init; }

    /// <summary>The top-level comment a reply belongs to (at any depth); null for a top-level comment.</summary>
    public int? ThreadId { get; init; }

    /// <summary>0 for a comment on the target, 1 for a reply to it, and so on.</summary>
    public int Depth { get; init; }

    public Alignment Alignment { get; private set; }

    public string AuthorUserId { get; init; } = "";

    /// <summary>The name the author chose to show, at the time of writing; empty once the author deleted their account.</summary>
    public string AuthorName { get; private set; } = "";

    public bool AuthorLeft => AuthorName.Length == 0;

    public void ForgetAuthor() => AuthorName = "";

    /// <summary>Its target was merged into another of the same kind: the comment (with its thread) moves there.</summary>
    public void MoveTo(int targetId) => TargetId = targetId;

    /// <summary>Markdown; empty once its author deleted it.</summary>
    public string Body { get; private set; } = "";

    public DateTime PostedAt { get; init; }

    public DateTime? EditedAt { get; private set; }

    public DateTime? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public int Up { get; private set; }

    /// <summary>Moves with every change of its tallies or text: two parallel votes cannot both count on one old tally.</summary>
    public int Version { get; private set; }

    public int Down { get; private set; }

    /// <summary>All replies under it, at any depth (only counted on top-level comments: "most discussed").</summary>
    public int Replies { get; private set; }

    /// <summary>The lower bound of the Wilson score interval (95 %) of the share of up votes: the "best" sort.</summary>
    public double Score { get; private set; }

    public static Comment Post(string targetKind, int targetId, int processId, Comment? parent, string authorUserId, string authorName, string body, Alignment alignment, DateTime now) => new()
    {
        TargetKind = targetKind,
        TargetId = targetId,
        ProcessId = processId,
        ParentId = parent?.Id,
        ThreadId = parent is null ? null : parent.ThreadId ?? parent.Id,
        Depth = parent is null ? 0 : parent.Depth + 1,
        AuthorUserId = authorUserId,
        AuthorName = authorName,
        Body = Text(body),
        Alignment = Enum.IsDefined(alignment) ? alignment : throw new DebateRuleException("AlignmentUnknown", "Alignment"),
        PostedAt = now,
    };

    /// <summary>Replaces the text (and the alignment); returns the text it replaced, or null when nothing changed.</summary>
    public string? Edit(string body, Alignment? alignment, DateTime now)
    {
        if (IsDeleted)
        {
            throw new DebateRuleException("CommentDeleted");
        }
        var text = Text(body);
        var changedAlignment = alignment is { } a && a != Alignment;
        if (text == Body && !changedAlignment)
        {
            return null;
        }
        if (alignment is { } chosen)
        {
            Alignment = Enum.IsDefined(chosen) ? chosen : throw new DebateRuleException("AlignmentUnknown", "Alignment");
        }
        var before = Body;
        Body = text;
        EditedAt = now;
        Version++;
        return before;
    }

    /// <summary>Deletes the text; returns the text it had, or null when it was deleted already.</summary>
    public string? Delete(DateTime now)
    {
        if (IsDeleted)
        {
            return null;
        }
        var before = Body;
        Body = "";
        DeletedAt = now;
        Version++;
        return before;
    }

    /// <summary>Moves the tallies by a changed vote (from −1/0/+1 to −1/0/+1) and recomputes the score.</summary>
    public void Tally(int from, int to)
    {
        Up += (to == 1 ? 1 : 0) - (from == 1 ? 1 : 0);
        Down += (to == -1 ? 1 : 0) - (from == -1 ? 1 : 0);
        Score = Wilson(Up, Down);
        Version++;
    }

    public void Replied()
    {
        Replies++;
        Version++;
    }

    /// <summary>
    /// Lower bound of the Wilson score interval for the share of up votes, z = 1.96 (Evan Miller, "How not to sort by
    /// average rating"): 0 without votes; 1 up of 1 gives 0.2065, 10 of 10 gives 0.7225.
    /// </summary>
    public static double Wilson(int up, int down)
    {
        var n = up + down;
        if (n == 0)
        {
            return 0;
        }
        const double z = 1.96;
        var p = (double)up / n;
        return Math.Round((p + z * z / (2 * n) - z * Math.Sqrt((p * (1 - p) + z * z / (4 * n)) / n)) / (1 + z * z / n), 9);
    }

    private static string Text(string body)
    {
        var text = (body ?? "").Trim();
        if (text.Length == 0)
        {
            throw new DebateRuleException("CommentEmpty", "Comment");
        }
        if (text.Length > DebateLimits.Comment)
        {
            throw new DebateRuleException("CommentTooLong", "Comment", DebateLimits.Comment);
        }
        return text;
    }
}

/// <summary>One person's vote on a comment: +1 up, −1 down (one per person and comment; changing it replaces it).</summary>
public sealed class CommentVote
{
    public int CommentId { get; init; }
    public string UserId { get; init; } = "";
    public int Value { get; set; }
    public DateTime VotedAt { get; set; }
}

public static class DebateLimits
{
    public const int Comment = 4_000;
    public const int Name = 200;

    /// <summary>Replies nested deeper than this are shown flat under the last level (as Decidim does).</summary>
    public const int ShownDepth = 3;

    /// <summary>Replies of a thread shown before "show N more replies".</summary>
    public const int RepliesShown = 5;

    /// <summary>Top-level comments per page.</summary>
    public const int PageSize = 20;
}

/// <summary>The kinds of things debated, as stored in <see cref="Comment.TargetKind"/>.</summary>
public static class DebateKinds
{
    public const string Proposal = "proposal";
    public const string Process = "process";
}

/// <summary>A debate rule broken by the input (an empty comment, a reply to a reply of another debate...).</summary>
public sealed class DebateRuleException(string code, string? formField = null, params object[] arguments) : Platform.Changes.RuleException(code)
{
    public override string Text => Code switch
    {
        "CommentEmpty" => "Write your comment.",
        "CommentTooLong" => "A comment can have at most {0} characters.",
        "CommentDeleted" => "This comment was deleted by its author.",
        "AlignmentUnknown" => "Choose for, against or neutral.",
        "ParentElsewhere" => "The comment you answer is not in this debate.",
        "VoteUnknown" => "Vote up or down.",
        "OwnComment" => "You cannot vote on your own comment.",
        "SynthesisChanged" => "Someone changed the synthesis while you were writing: read their version, then save again.",
        "SynthesisTooLong" => "A summary can have at most {0} characters.",
        "TooManyArguments" => "A synthesis can list at most {0} arguments.",
        "CitedElsewhere" => "These comments are not shown in this debate (deleted, hidden or elsewhere): {0}.",
        "CitationUnreadable" => "Argument {0}: \"{1}\" is not a comment number; write numbers such as #12.",
        "ArgumentSide" => "Argument {0}: choose for or against.",
        "ArgumentEmpty" => "Argument {0}: write the argument, or empty its row.",
        "ArgumentTooLong" => "Argument {0}: an argument can have at most {1} characters.",
        "TooManyCitations" => "Argument {0}: cite at most {1} comments.",
        _ => "This change is not allowed.",
    };

    public override string? Field => formField;

    public override object[] Arguments => arguments;
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.ToTable("Comments");
        comment.Property(c => c.TargetKind).HasMaxLength(30).IsRequired();
        comment.Property(c => c.AuthorUserId).HasMaxLength(450).IsRequired();
        comment.Property(c => c.AuthorName).HasMaxLength(DebateLimits.Name);
        comment.Property(c => c.Body).HasMaxLength(DebateLimits.Comment);
        comment.Property(c => c.Version).IsConcurrencyToken();
        comment.Property(c => c.Alignment).HasConversion<string>().HasMaxLength(10);
        comment.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        // One index per sort of the top-level comments (keyset paging), and the replies of a page's threads.
        comment.HasIndex(c => new { c.TargetKind, c.TargetId, c.Depth, c.PostedAt, c.Id }).HasDatabaseName("IX_Comments_Oldest");
        comment.HasIndex(c => new { c.TargetKind, c.TargetId, c.Depth, c.Score, c.Id }).HasDatabaseName("IX_Comments_Best");
        comment.HasIndex(c => new { c.TargetKind, c.TargetId, c.Depth, c.Replies, c.Id }).HasDatabaseName("IX_Comments_Discussed");
        comment.HasIndex(c => new { c.ThreadId, c.PostedAt });
        comment.HasIndex(c => c.AuthorUserId);
        comment.HasIndex(c => new { c.ProcessId, c.PostedAt });
    }
}

internal sealed class CommentVoteConfiguration : IEntityTypeConfiguration<CommentVote>
{
    public void Configure(EntityTypeBuilder<CommentVote> vote)
    {
        vote.ToTable("CommentVotes");
        vote.HasKey(v => new { v.CommentId, v.UserId });
        vote.Property(v => v.UserId).HasMaxLength(450);
        vote.HasOne<Comment>().WithMany().HasForeignKey(v => v.CommentId).OnDelete(DeleteBehavior.Cascade);
        vote.HasIndex(v => v.UserId);
    }
}
