using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Debate;

/// <summary>Comments of every debate as moderation sees them: where each belongs, who wrote it, how the queue shows it.</summary>
public sealed class DebateComments(CocreoDbContext db, DebateTargetDirectory targets, IStringLocalizer<DebateText> t) : IModeratedContent
{
    /// <summary>The one moderation kind of comments (budget proposals' comments were <c>budgeting/comment</c> until migration DThreadedDebate).</summary>
    public const string Kind = "debate/comment";

    string IModeratedContent.Kind => Kind;

    public async Task<ModeratedItem?> FindAsync(int itemId, CancellationToken cancellationToken)
    {
        var found = await db.Set<Comment>().AsNoTracking().Where(c => c.Id == itemId)
            .Select(c => new { c.ProcessId, c.TargetKind, c.TargetId, c.AuthorUserId, c.DeletedAt }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var place = (await targets.PlacesAsync(found.TargetKind, [found.TargetId], cancellationToken)).GetValueOrDefault(found.TargetId);
        return new ModeratedItem(found.ProcessId, found.AuthorUserId, found.DeletedAt is not null, place?.About ?? new { target = found.TargetKind, id = found.TargetId });
    }

    public async Task<IReadOnlyDictionary<int, ModeratedItemView>> DescribeAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var found = await db.Set<Comment>().AsNoTracking().Where(c => itemIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var result = new Dictionary<int, ModeratedItemView>();
        foreach (var kind in found.GroupBy(c => c.TargetKind))
        {
            var places = await targets.PlacesAsync(kind.Key, kind.Select(c => c.TargetId).Distinct().ToList(), cancellationToken);
            foreach (var c in kind)
            {
                var place = places.GetValueOrDefault(c.TargetId);
                result[c.Id] = new ModeratedItemView(c.Body, c.AuthorLeft ? t["Former participant"] : c.AuthorName, c.PostedAt, c.EditedAt, c.IsDeleted,
                    place?.Words ?? t["A comment"], (place?.Link ?? "/") + $"#comment-{c.Id}");
            }
        }
        return result;
    }
}

/// <summary>
/// When a capability merges one of its targets into another of the same kind (a duplicate proposal), the debate
/// moves with it: every comment, with its replies, votes and moderation, is shown once, under the target merged into.
/// Runs inside the merge's change (tracked; saved with it or not at all).
/// </summary>
public sealed class DebateCarryOver(CocreoDbContext db)
{
    /// <summary>Moves the comments of <paramref name="from"/> to <paramref name="into"/>; how many moved.</summary>
    public async Task<int> CarryAsync(string kind, int from, int into, CancellationToken cancellationToken)
    {
        var comments = await db.Set<Comment>().Where(c => c.TargetKind == kind && c.TargetId == from).ToListAsync(cancellationToken);
        foreach (var comment in comments)
        {
            comment.MoveTo(into);
        }
        return comments.Count;
    }
}
