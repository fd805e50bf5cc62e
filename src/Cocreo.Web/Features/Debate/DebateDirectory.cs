using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Debate;

/// <summary>Debates as other capabilities use them (never their tables): how many comments their targets have, who wrote one.</summary>
public sealed class DebateDirectory(CocreoDbContext db)
{
    /// <summary>The number of comments (replies included) on each target of a kind.</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountsAsync(string kind, IReadOnlyCollection<int> targetIds, CancellationToken cancellationToken) =>
        await db.Set<Comment>().AsNoTracking().Where(c => c.TargetKind == kind && targetIds.Contains(c.TargetId))
            .GroupBy(c => c.TargetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>The comment's target and author, or null.</summary>
    public async Task<(string Kind, int TargetId, string AuthorUserId)?> FindAsync(int commentId, CancellationToken cancellationToken) =>
        await db.Set<Comment>().AsNoTracking().Where(c => c.Id == commentId).Select(c => new { c.TargetKind, c.TargetId, c.AuthorUserId })
            .SingleOrDefaultAsync(cancellationToken) is { } c ? (c.TargetKind, c.TargetId, c.AuthorUserId) : null;

    /// <summary>The author of a comment on a target posted at a moment (log entries written before comments had ids in them).</summary>
    public Task<string?> AuthorAtAsync(string kind, int targetId, DateTime postedAt, CancellationToken cancellationToken) =>
        db.Set<Comment>().AsNoTracking().Where(c => c.TargetKind == kind && c.TargetId == targetId && c.PostedAt == postedAt)
            .Select(c => c.AuthorUserId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The author of the comment a reply answers (told of the reply unless it is theirs), as a query for the notifications.</summary>
    public IQueryable<string> AnsweredAuthor(int replyId) =>
        from reply in db.Set<Comment>()
        join parent in db.Set<Comment>() on reply.ParentId equals parent.Id
        where reply.Id == replyId && parent.AuthorUserId != reply.AuthorUserId && parent.DeletedAt == null
        select parent.AuthorUserId;

    /// <summary>
    /// The comment a log entry makes news of: a comment posted (<c>*.commented</c>, unless held for the moderators)
    /// or a held one the moderators published (<c>content.published</c>); 0 when the entry is neither.
    /// </summary>
    public static int NewsOf(string action, JsonElement data)
    {
        int Number(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
        return action switch
        {
            _ when action.EndsWith(".commented", StringComparison.Ordinal) && !(data.TryGetProperty("held", out var held) && held.ValueKind == JsonValueKind.True) => Number("comment"),
            "content.published" when data.TryGetProperty("content", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == DebateComments.Kind => Number("item"),
            _ => 0,
        };
    }

    /// <summary>
    /// A top-level comment on a target of the kind, not deleted: its target and author; null for a reply (Debate tells
    /// the author it answers), another kind, or none. The capability that owns the kind says who else hears of it.
    /// </summary>
    public async Task<(int TargetId, string AuthorUserId)?> TopLevelAsync(string kind, int commentId, CancellationToken cancellationToken) =>
        commentId == 0 ? null
        : await db.Set<Comment>().AsNoTracking().Where(c => c.Id == commentId && c.TargetKind == kind && c.ParentId == null && c.DeletedAt == null)
            .Select(c => new { c.TargetId, c.AuthorUserId }).SingleOrDefaultAsync(cancellationToken) is { } c ? (c.TargetId, c.AuthorUserId) : null;

    /// <summary>Whether anyone commented in the process since the moment (any debate).</summary>
    public Task<bool> AnySinceAsync(int processId, DateTime since, CancellationToken cancellationToken) =>
        db.Set<Comment>().AnyAsync(c => c.ProcessId == processId && c.PostedAt >= since, cancellationToken);
}

/// <summary>
/// What a debate's entries mean to followers: a comment on a process's problem tells the process's followers; a
/// reply (on any target whose capability does not answer for its own entries) tells the author it answers. A comment
/// held for the moderators is told once they publish it.
/// </summary>
public sealed class DebateFollowTargets(CocreoDbContext db, DebateDirectory debates, DebateTargetDirectory targets) : IFollowTargets
{
    public IReadOnlyCollection<FollowKind> Kinds { get; } = [];

    public Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken) => Task.FromResult<FollowSubject?>(null);

    public IQueryable<string>? DefaultFollowers(FollowKind kind, int id) => null;

    public Task<IReadOnlyDictionary<int, Func<string, string?>>> TranslatedTitlesAsync(FollowKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, Func<string, string?>>>(new Dictionary<int, Func<string, string?>>());

    public async Task<FollowedEvent?> EventOfAsync(string action, JsonElement data, DateTime occurredAt, CancellationToken cancellationToken)
    {
        int Number(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
        if (action == "debate.synthesis-written")
        {
            // The first synthesis of a debate is news for the process's followers and the target's (a proposal's); later edits are not.
            var kind = data.TryGetProperty("on", out var on) && on.ValueKind == JsonValueKind.String ? on.GetString()! : "";
            if (Number("version") != 1 || !targets.Knows(kind) || (await targets.PlacesAsync(kind, [Number("target")], cancellationToken)).Values.FirstOrDefault() is not { } place)
            {
                return null;
            }
            IReadOnlyList<(FollowKind, int)> about = kind is DebateKinds.Proposal or Proposals.ProcessProposalDebateTargets.DebateKind ? [(FollowKind.Proposal, Number("target"))] : [];
            return new FollowedEvent(about, place.Title, "", $"{place.Link}#synthesis-{kind}-{Number("target")}") { AlsoProcessFollowers = true };
        }
        // A comment (told when posted, or once the moderators publish a held one), in any debate but a budget
        // project's (BudgetFollowTargets tells those).
        var commentId = action switch
        {
            _ when action.EndsWith(".commented", StringComparison.Ordinal) && !(data.TryGetProperty("held", out var held) && held.ValueKind == JsonValueKind.True) => Number("comment"),
            "content.published" when data.TryGetProperty("content", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == DebateComments.Kind => Number("item"),
            _ => 0,
        };
        if (commentId == 0 || await db.Set<Comment>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == commentId, cancellationToken) is not { } comment
            || comment.TargetKind == DebateKinds.Proposal)
        {
            return null;
        }
        if (comment.TargetKind == DebateKinds.Process)
        {
            var title = await db.Set<Process>().Where(p => p.Id == comment.TargetId).Select(p => p.Title).SingleOrDefaultAsync(cancellationToken) ?? "";
            return new FollowedEvent([], title, "", $"/processes/{comment.TargetId}#comment-{comment.Id}")
            {
                AlsoProcessFollowers = comment.ParentId is null,
                Also = comment.ParentId is null ? null : debates.AnsweredAuthor(comment.Id),
                Excluded = comment.AuthorUserId,
                Event = comment.ParentId is null ? "process.commented" : "comment.replied",
            };
        }
        // Any other debate, placed by the capability that owns it: a proposal's followers hear of its comments; in a
        // debate nobody follows (a text section, an amendment) the author a reply answers hears of it.
        var isProposal = comment.TargetKind == Proposals.ProcessProposalDebateTargets.DebateKind;
        if ((comment.ParentId is null && !isProposal) || !targets.Knows(comment.TargetKind)
            || (await targets.PlacesAsync(comment.TargetKind, [comment.TargetId], cancellationToken)).Values.FirstOrDefault() is not { } where)
        {
            return null;
        }
        return new FollowedEvent(isProposal ? [(FollowKind.Proposal, comment.TargetId)] : [], where.Title, "", $"{where.Link}#comment-{comment.Id}")
        {
            Also = comment.ParentId is null ? null : debates.AnsweredAuthor(comment.Id),
            Excluded = comment.AuthorUserId,
            Event = isProposal ? "proposal.commented" : "comment.replied",
        };
    }
}

/// <summary>A person's comments and votes in every debate. Deleting the account keeps them: comments lose the author's name (shown as by a former participant), votes keep counting without naming anyone.</summary>
public sealed class DebatePersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "debate";

    public override IReadOnlyCollection<string> Columns { get; } = ["Comments.AuthorUserId", "CommentVotes.UserId", "DebateSyntheses.WrittenByUserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        comments = await db.Set<Comment>().AsNoTracking().Where(c => c.AuthorUserId == userId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, on = c.TargetKind, target = c.TargetId, replyTo = c.ParentId, alignment = c.Alignment.ToString(), shownAs = c.AuthorName, c.Body, c.PostedAt, c.EditedAt, c.DeletedAt })
            .ToListAsync(cancellationToken),
        votes = await db.Set<CommentVote>().AsNoTracking().Where(v => v.UserId == userId).OrderBy(v => v.CommentId)
            .Select(v => new { comment = v.CommentId, v.Value, v.VotedAt }).ToListAsync(cancellationToken),
        synthesesLastWritten = await db.Set<DebateSynthesis>().AsNoTracking().Where(s => s.WrittenByUserId == userId).OrderBy(s => s.Id)
            .Select(s => new { on = s.TargetKind, target = s.TargetId, s.Version, s.WrittenAt }).ToListAsync(cancellationToken),
    };

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var comment in await db.Set<Comment>().Where(c => c.AuthorUserId == userId).ToListAsync(cancellationToken))
        {
            comment.ForgetAuthor();
        }
        // A synthesis is the organisation's text: it stays, without the name of whoever last wrote it.
        foreach (var synthesis in await db.Set<DebateSynthesis>().Where(s => s.WrittenByUserId == userId).ToListAsync(cancellationToken))
        {
            synthesis.ForgetWriter();
        }
    }
}

/// <summary>Debates in a process's lifecycle: a comment since a phase move is something that happened; a comment is participants' input.</summary>
public sealed class DebateProcessActivity(CocreoDbContext db, DebateDirectory debates) : IProcessActivity
{
    public Task<string?> RunningAsync(int processId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<bool> AnythingSinceAsync(int processId, DateTime since, CancellationToken cancellationToken) => debates.AnySinceAsync(processId, since, cancellationToken);

    public Task<bool> HasInputAsync(int processId, CancellationToken cancellationToken) => db.Set<Comment>().AnyAsync(c => c.ProcessId == processId, cancellationToken);
}
