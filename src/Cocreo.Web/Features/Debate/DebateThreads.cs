using System.Collections.Concurrent;
using System.Globalization;
using Cocreo.OpinionMap;
using Cocreo.OpinionMap.Bridging;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cocreo.Web.Features.Debate;

/// <summary>How the top-level comments of a debate are ordered (their replies are always oldest first).</summary>
public enum DebateSort
{
    /// <summary>Oldest first.</summary>
    Oldest,

    /// <summary>Highest lower bound of the Wilson score interval of up votes among up and down votes (z = 1.96).</summary>
    Best,

    /// <summary>Most replies (at any depth) first.</summary>
    Discussed,

    /// <summary>
    /// Up-voted by people who disagree elsewhere in the debate: the Community Notes matrix factorisation
    /// (<see cref="BridgingRanker"/>) on people × comments of up/down votes, ranked by intercept; comments with too few
    /// votes follow, best first. With too few votes overall the page says so and falls back to best.
    /// </summary>
    Bridging,
}

/// <summary>One comment as a thread page shows it, with the replies shown under it.</summary>
public sealed record ThreadItem(Comment Comment, ModerationStatus Status, int MyVote, bool Reported, IReadOnlyList<ThreadItem> Replies)
{
    /// <summary>For a reply shown flat under the last level: the name of whom it answers.</summary>
    public string? InReplyTo { get; init; }
}

/// <summary>One top-level comment with its first replies, and how many more there are.</summary>
public sealed record ThreadRoot(ThreadItem Item, int MoreReplies);

/// <summary>A page of a debate.</summary>
public sealed record ThreadPage(DebateSubject Subject, DebateSort Sort, IReadOnlyList<ThreadRoot> Roots, string? Next, int TopLevel, int Total)
{
    /// <summary>Bridging was asked for, but there were too few votes: the page is sorted by best instead.</summary>
    public bool BridgingFellBack { get; init; }
}

/// <summary>
/// Reads a debate page by page: keyset paging of the top-level comments on the index of each sort (the page after a
/// cursor, so every comment is shown exactly once across pages whatever is posted meanwhile), and for each the
/// first replies (the whole thread when expanded). Hidden comments keep their place with the moderators' notice;
/// comments waiting for a moderator are shown only to their authors and the moderators.
/// </summary>
public sealed class DebateThreads(CocreoDbContext db, ModerationDirectory moderation, BridgingCache bridging, StampedTotals totals)
{
    /// <summary>Replies loaded for an expanded thread.</summary>
    public const int ExpandedReplies = 500;

    /// <summary>Threads with at most this many replies have them read together with the page's other small threads.</summary>
    private const int SmallThread = 40;

    public async Task<ThreadPage> ReadAsync(DebateSubject subject, DebateSort sort, string? after, int? expand, CancellationToken cancellationToken, int pageSize = DebateLimits.PageSize)
    {
        var top = db.Set<Comment>().AsNoTracking().Where(c => c.TargetKind == subject.Kind && c.TargetId == subject.Id && c.Depth == 0);
        var fellBack = false;
        List<Comment> rows;
        string? next;
        if (sort == DebateSort.Bridging)
        {
            var order = await bridging.OrderAsync(subject.Kind, subject.Id, cancellationToken);
            if (order is null)
            {
                fellBack = true;
                sort = DebateSort.Best;
            }
            else
            {
                var start = after is null ? 0 : int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 0 ? position : throw Bad();
                var ids = order.Skip(start).Take(pageSize + 1).ToList();
                var found = await top.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
                // Comments posted since the order was computed come last, on the next computation.
                rows = ids.Take(pageSize).Where(found.ContainsKey).Select(id => found[id]).ToList();
                next = ids.Count > pageSize ? (start + pageSize).ToString(CultureInfo.InvariantCulture) : null;
                return await PageAsync(subject, DebateSort.Bridging, rows, next, expand, cancellationToken);
            }
        }
        var page = sort switch
        {
            DebateSort.Oldest => OldestAfter(top, after).OrderBy(c => c.PostedAt).ThenBy(c => c.Id),
            DebateSort.Best => BestAfter(top, after).OrderByDescending(c => c.Score).ThenByDescending(c => c.Id),
            DebateSort.Discussed => DiscussedAfter(top, after).OrderByDescending(c => c.Replies).ThenByDescending(c => c.Id),
            _ => throw Bad(),
        };
        rows = await page.Take(pageSize + 1).ToListAsync(cancellationToken);
        next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            var last = rows[^1];
            next = sort switch
            {
                DebateSort.Oldest => $"{last.PostedAt.Ticks}_{last.Id}",
                DebateSort.Best => $"{last.Score.ToString("R", CultureInfo.InvariantCulture)}_{last.Id}",
                _ => $"{last.Replies}_{last.Id}",
            };
        }
        return (await PageAsync(subject, sort, rows, next, expand, cancellationToken)) with { BridgingFellBack = fellBack };
    }

    private static IQueryable<Comment> OldestAfter(IQueryable<Comment> top, string? after)
    {
        if (after is null)
        {
            return top;
        }
        var (a, id) = Split(after);
        var at = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks >= 0 && ticks <= DateTime.MaxValue.Ticks ? new DateTime(ticks, DateTimeKind.Utc) : throw Bad();
        return top.Where(c => c.PostedAt > at || (c.PostedAt == at && c.Id > id));
    }

    private static IQueryable<Comment> BestAfter(IQueryable<Comment> top, string? after)
    {
        if (after is null)
        {
            return top;
        }
        var (a, id) = Split(after);
        var score = double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) ? s : throw Bad();
        return top.Where(c => c.Score < score || (c.Score == score && c.Id < id));
    }

    private static IQueryable<Comment> DiscussedAfter(IQueryable<Comment> top, string? after)
    {
        if (after is null)
        {
            return top;
        }
        var (a, id) = Split(after);
        var replies = int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : throw Bad();
        return top.Where(c => c.Replies < replies || (c.Replies == replies && c.Id < id));
    }

    private static (string, int) Split(string after)
    {
        var cut = after.LastIndexOf('_');
        return cut > 0 && int.TryParse(after[(cut + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (after[..cut], id) : throw Bad();
    }

    private static RefusedException Bad() => new(Refusal.Invalid("This page of the debate does not exist: start again from the first page.", typeof(DebatePermissions), "after"));

    private async Task<ThreadPage> PageAsync(DebateSubject subject, DebateSort sort, List<Comment> roots, string? next, int? expand, CancellationToken cancellationToken)
    {
        // The first replies of the page's threads: the small threads' all in one query (cut in memory), and the large or
        // expanded threads' first ones in one more: a UNION ALL of one limited branch per thread, each on the thread
        // index, so a thread of thousands reads only what is shown and a page of long threads is still one command.
        var replies = new Dictionary<int, List<Comment>>();
        var small = roots.Where(r => r.Replies > 0 && r.Replies <= SmallThread && r.Id != expand).Select(r => r.Id).ToList();
        if (small.Count > 0)
        {
            foreach (var thread in (await db.Set<Comment>().AsNoTracking().Where(c => small.Contains(c.ThreadId!.Value)).ToListAsync(cancellationToken)).GroupBy(c => c.ThreadId!.Value))
            {
                replies[thread.Key] = thread.OrderBy(c => c.PostedAt).ThenBy(c => c.Id).Take(DebateLimits.RepliesShown).ToList();
            }
        }
        IQueryable<Comment>? large = null;
        foreach (var root in roots.Where(r => r.Replies > 0 && !small.Contains(r.Id)))
        {
            var (thread, take) = (root.Id, root.Id == expand ? ExpandedReplies : DebateLimits.RepliesShown);
            var first = db.Set<Comment>().AsNoTracking().Where(c => c.ThreadId == thread).OrderBy(c => c.PostedAt).ThenBy(c => c.Id).Take(take);
            large = large is null ? first : large.Concat(first);
        }
        if (large is not null)
        {
            foreach (var thread in (await large.ToListAsync(cancellationToken)).GroupBy(c => c.ThreadId!.Value))
            {
                replies[thread.Key] = thread.OrderBy(c => c.PostedAt).ThenBy(c => c.Id).ToList();
            }
        }
        var all = roots.Concat(replies.Values.SelectMany(r => r)).ToList();
        var ids = all.Select(c => c.Id).ToList();
        var userId = subject.Access.UserId;
        var statuses = await moderation.StatusesAsync(DebateComments.Kind, ids, cancellationToken);
        var reported = await moderation.ReportedByAsync(DebateComments.Kind, ids, userId, cancellationToken);
        var mine = userId is null ? new Dictionary<int, int>()
            : await db.Set<CommentVote>().AsNoTracking().Where(v => v.UserId == userId && ids.Contains(v.CommentId)).ToDictionaryAsync(v => v.CommentId, v => v.Value, cancellationToken);
        bool Visible(Comment c) => !statuses[c.Id].IsPending || subject.Moderates || c.AuthorUserId == userId;
        ThreadItem Item(Comment c, IReadOnlyList<ThreadItem> children) =>
            new(c, statuses[c.Id], mine.GetValueOrDefault(c.Id), reported.Contains(c.Id), children);

        var shown = new List<ThreadRoot>();
        foreach (var root in roots.Where(Visible))
        {
            var thread = replies.GetValueOrDefault(root.Id) ?? [];
            shown.Add(new ThreadRoot(Tree(root, thread.Where(Visible).ToList(), Item), Math.Max(0, root.Replies - thread.Count)));
        }
        // The top-level comments and their reply tallies (every reply at any depth counts on its thread's top-level
        // comment, and a thread moves whole), summed in one range of the "most discussed" index without reading a row:
        // grouping all comments by "top-level or not" made SQLite sort all 10,000 for every page.
        // Kept between changes under the debate's stamp (read first: never a total older than its stamp).
        var stamp = await db.Set<DebateStamp>().AsNoTracking().Where(s => s.TargetKind == subject.Kind && s.TargetId == subject.Id).Select(s => (long?)s.Stamp).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var (topLevel, answers) = await totals.GetAsync((nameof(DebateThreads), subject.Kind, subject.Id), stamp, async token =>
        {
            var counted = await db.Set<Comment>().Where(c => c.TargetKind == subject.Kind && c.TargetId == subject.Id && c.Depth == 0)
                .GroupBy(c => 1).Select(g => new { TopLevel = g.Count(), Replies = g.Sum(c => c.Replies) }).SingleOrDefaultAsync(token);
            return (counted?.TopLevel ?? 0, counted?.Replies ?? 0);
        }, cancellationToken);
        return new ThreadPage(subject, sort, shown, next, topLevel, topLevel + answers);
    }

    /// <summary>
    /// The replies of one thread as nested lists: a reply under its parent up to <see cref="DebateLimits.ShownDepth"/>;
    /// deeper ones flat at the last level, under their ancestor there, saying whom they answer.
    /// </summary>
    private static ThreadItem Tree(Comment root, List<Comment> replies, Func<Comment, IReadOnlyList<ThreadItem>, ThreadItem> item)
    {
        var byId = replies.ToDictionary(c => c.Id);
        byId[root.Id] = root;
        var children = new Dictionary<int, List<Comment>>();
        int ShownParent(Comment c)
        {
            var parent = c.ParentId!.Value;
            while (byId.TryGetValue(parent, out var p) && p.Depth >= DebateLimits.ShownDepth && p.ParentId is { } up)
            {
                parent = up;
            }
            return parent;
        }
        foreach (var reply in replies)
        {
            var parent = ShownParent(reply);
            (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(reply);
        }
        ThreadItem Build(Comment c) => item(c, children.GetValueOrDefault(c.Id)?.Select(child =>
            Build(child) with
            {
                InReplyTo = child.ParentId != c.Id && byId.TryGetValue(child.ParentId!.Value, out var answered) ? answered.AuthorName : null,
            }).ToList() ?? []);
        return Build(root);
    }
}

/// <summary>
/// The bridging order of each debate, computed off the request path and kept until a vote in that debate changes
/// it (<see cref="Forget"/>; per server: another server's votes are seen after <see cref="MaxAge"/>).
/// </summary>
public sealed class BridgingCache(IServiceScopeFactory scopes, IMemoryCache cache)
{
    /// <summary>Fewer up or down votes than this in a debate: too few to say who bridges.</summary>
    public const int MinimumVotes = 20;

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string, int), Lazy<Task<IReadOnlyList<int>?>>> Running = new();

    /// <summary>The top-level comments' ids in bridging order, or null when there are too few votes.</summary>
    public async Task<IReadOnlyList<int>?> OrderAsync(string kind, int targetId, CancellationToken cancellationToken)
    {
        var key = ("debate-bridging", kind, targetId);
        if (cache.TryGetValue<IReadOnlyList<int>?>(key, out var order))
        {
            return order;
        }
        // One computation per debate at a time, off the request (a request that gives up does not stop it); the others wait for it.
        var running = Running.GetOrAdd((kind, targetId), _ => new Lazy<Task<IReadOnlyList<int>?>>(() => Task.Run(async () =>
        {
            using var scope = scopes.CreateScope();
            var computed = await ComputeAsync(scope.ServiceProvider.GetRequiredService<CocreoDbContext>(), kind, targetId, CancellationToken.None);
            cache.Set(key, computed, MaxAge);
            return computed;
        })));
        try
        {
            return await running.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (running.Value.IsCompleted)
            {
                Running.TryRemove(KeyValuePair.Create((kind, targetId), running));
            }
        }
    }

    public void Forget(string kind, int targetId) => cache.Remove(("debate-bridging", kind, targetId));

    /// <summary>The bridging order from the debate's votes (public for tests: the hand-computed example).</summary>
    public static async Task<IReadOnlyList<int>?> ComputeAsync(CocreoDbContext db, string kind, int targetId, CancellationToken cancellationToken)
    {
        var comments = await db.Set<Comment>().AsNoTracking().Where(c => c.TargetKind == kind && c.TargetId == targetId)
            .Select(c => new { c.Id, c.Depth, c.Score }).ToListAsync(cancellationToken);
        var votes = await (from v in db.Set<CommentVote>().AsNoTracking()
                           join c in db.Set<Comment>() on v.CommentId equals c.Id
                           where c.TargetKind == kind && c.TargetId == targetId && v.Value != 0
                           select new { v.CommentId, v.UserId, v.Value, v.VotedAt }).ToListAsync(cancellationToken);
        if (votes.Count < MinimumVotes)
        {
            return null;
        }
        var people = votes.Select(v => v.UserId).Distinct().Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i);
        var conversation = new Conversation(comments.Select(c => new Statement(c.Id)),
            votes.Select(v => new Vote(people[v.UserId], v.CommentId, v.Value > 0 ? VoteChoice.Agree : VoteChoice.Disagree, new DateTimeOffset(DateTime.SpecifyKind(v.VotedAt, DateTimeKind.Utc)))));
        var ranking = BridgingRanker.Rank(conversation, BridgingOptions.Default with { MaxDegreeOfParallelism = 1 });
        return Order(ranking, comments.Where(c => c.Depth == 0).Select(c => (c.Id, c.Score)).ToList());
    }

    /// <summary>Ranked comments by rank, then the rest best first (score, then newest).</summary>
    public static IReadOnlyList<int> Order(BridgingRanking ranking, IReadOnlyList<(int Id, double Score)> topLevel)
    {
        var ids = topLevel.Select(c => c.Id).ToHashSet();
        var ranked = ranking.Ranked.Where(s => ids.Contains(s.StatementId)).Select(s => s.StatementId).ToList();
        var placed = ranked.ToHashSet();
        return [.. ranked, .. topLevel.Where(c => !placed.Contains(c.Id)).OrderByDescending(c => c.Score).ThenByDescending(c => c.Id).Select(c => c.Id)];
    }
}
