using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// Sent contributions to a journey map as moderation sees them. Moderation's case is the record of reports and
/// decisions; the contribution keeps its own hidden flag (copied onto every stage experience, touchpoint and tag, so
/// the ideas, the dashboard, search and the export filter with one column), and <see cref="ApplyAsync"/> keeps that flag
/// in step with the case inside the same change.
/// </summary>
public sealed class JourneyContributions(CocreoDbContext db, JourneyDirectory directory, IStringLocalizer<JourneyText> t) : IModeratedContent
{
    public const string Kind = "journeys/contribution";

    string IModeratedContent.Kind => Kind;

    public async Task<ModeratedItem?> FindAsync(int itemId, CancellationToken cancellationToken)
    {
        var found = await (from c in db.Set<JourneyContribution>().AsNoTracking()
                           join m in db.Set<JourneyMap>() on c.JourneyMapId equals m.Id
                           where c.Id == itemId && c.SubmittedAt != null
                           select new { m.ProcessId, Map = m.Id, c.UserId })
            .SingleOrDefaultAsync(cancellationToken);
        // An anonymous contribution has no account: nobody is its author as far as reporting goes.
        return found is null ? null : new ModeratedItem(found.ProcessId, found.UserId ?? "", false, new { journey = found.Map, contribution = itemId });
    }

    public async Task<IReadOnlyDictionary<int, ModeratedItemView>> DescribeAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var contributions = await db.Set<JourneyContribution>().AsNoTracking().Include(c => c.Experiences)
            .Where(c => itemIds.Contains(c.Id) && c.SubmittedAt != null).ToListAsync(cancellationToken);
        var mapIds = contributions.Select(c => c.JourneyMapId).Distinct().ToList();
        var maps = await db.Set<JourneyMap>().AsNoTracking().Where(m => mapIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.ServiceName, cancellationToken);
        return contributions.ToDictionary(c => c.Id, c => new ModeratedItemView(
            string.Join("\n\n", c.Experiences.OrderBy(e => e.StageId).SelectMany(e => new[] { e.WhatHappened, e.PainPoint, e.Idea }).Where(x => !string.IsNullOrWhiteSpace(x))),
            c.PublicName ?? t["Anonymous service user"], c.SubmittedAt!.Value, null, false,
            t["A contribution to the journey map of {0}", maps.GetValueOrDefault(c.JourneyMapId) ?? ""], $"/journeys/{c.JourneyMapId}/ideas"));
    }

    public async Task ApplyAsync(int itemId, bool shown, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        var mapId = await db.Set<JourneyContribution>().Where(c => c.Id == itemId).Select(c => c.JourneyMapId).SingleAsync(cancellationToken);
        var contribution = await directory.ContributionOfMapAsync(mapId, itemId, cancellationToken);
        if (contribution is null)
        {
            return;
        }
        if (shown)
        {
            contribution.Show();
        }
        else
        {
            contribution.Hide(reason ?? ModerationCase.HiddenByReportsReason, now);
        }
    }
}
