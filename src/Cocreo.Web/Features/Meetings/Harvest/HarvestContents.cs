using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>
/// Harvest items on the shared moderation case (<c>meetings/harvest-item</c>): readers report published items; hidden
/// by the moderators (or after reports) the item's own status follows (<see cref="ApplyAsync"/>), so the live page
/// filters with one column.
/// </summary>
public sealed class HarvestContents(CocreoDbContext db, IStringLocalizer<HarvestText> t) : IModeratedContent
{
    public const string Kind = "meetings/harvest-item";

    string IModeratedContent.Kind => Kind;

    public async Task<ModeratedItem?> FindAsync(int itemId, CancellationToken cancellationToken)
    {
        var found = await db.Set<HarvestItem>().AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new { i.ProcessId, i.MeetingId, i.AuthorUserId }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new ModeratedItem(found.ProcessId, found.AuthorUserId ?? "", false, new { meeting = found.MeetingId, item = itemId });
    }

    public async Task<IReadOnlyDictionary<int, ModeratedItemView>> DescribeAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var found = await db.Set<HarvestItem>().AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .GroupJoin(db.Users, i => i.AuthorUserId, u => u.Id, (i, users) => new { i, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new { Item = x.i, Name = u != null ? u.DisplayName : null })
            .ToListAsync(cancellationToken);
        return found.ToDictionary(x => x.Item.Id, x => new ModeratedItemView(x.Item.Text, x.Name ?? t["Former participant"], x.Item.PostedAt, null, false,
            t["The harvest of a meeting"], $"/meetings/{x.Item.MeetingId}/harvest#item-{x.Item.Id}"));
    }

    public async Task ApplyAsync(int itemId, bool shown, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        var item = await db.Set<HarvestItem>().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        item?.Moderate(shown, now);
    }
}
