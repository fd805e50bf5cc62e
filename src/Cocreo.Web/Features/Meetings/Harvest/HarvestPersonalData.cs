using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>
/// What a person harvested at meetings, and where they were named harvester. Deleting the account: the items stay
/// (they are the meeting's record, shown without names anyway) without their author; the harvester roles go.
/// </summary>
public sealed class HarvestPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "meetingHarvest";

    public override IReadOnlyCollection<string> Columns { get; } = ["MeetingHarvestItems.AuthorUserId", "MeetingHarvesters.UserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        items = await db.Set<HarvestItem>().AsNoTracking().Where(i => i.AuthorUserId == userId).OrderBy(i => i.Id)
            .Select(i => new { i.Id, meeting = i.MeetingId, kind = i.Kind.ToString(), i.Label, i.Text, i.PostedAt, status = i.Status.ToString() })
            .ToListAsync(cancellationToken),
        harvesterAt = await db.Set<MeetingHarvester>().AsNoTracking().Where(h => h.UserId == userId).OrderBy(h => h.Id)
            .Select(h => new { meeting = h.MeetingId, h.NamedAt }).ToListAsync(cancellationToken),
    };

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var item in await db.Set<HarvestItem>().Where(i => i.AuthorUserId == userId).ToListAsync(cancellationToken))
        {
            item.ForgetAuthor();
        }
        db.RemoveRange(await db.Set<MeetingHarvester>().Where(h => h.UserId == userId).ToListAsync(cancellationToken));
    }
}
