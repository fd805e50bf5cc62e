using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// Finds journey maps and contributions as stored, without asking who may see them: the queries the access reader,
/// the dashboard and the API build on. Pages open maps through <see cref="JourneyAccessReader"/>.
/// </summary>
public sealed class JourneyDirectory(CocreoDbContext db)
{
    /// <summary>The map with its stages, touchpoints, tags and profile questions.</summary>
    public IQueryable<JourneyMap> Maps(bool tracked = false)
    {
        var maps = db.Set<JourneyMap>()
            .Include(m => m.Stages).ThenInclude(s => s.Touchpoints)
            .Include(m => m.PainTags)
            .Include(m => m.ProfileQuestions).ThenInclude(q => q.Options);
        return tracked ? maps : maps.AsNoTracking();
    }

    /// <summary>The contribution a resume token opens, with its stage experiences and answers; null for a token that opens none.</summary>
    public async Task<JourneyContribution?> ContributionAsync(string? token, bool tracked, CancellationToken cancellationToken)
    {
        if (!ContributionTokens.LooksValid(token))
        {
            return null;
        }
        var hash = ContributionTokens.Hash(token!);
        var contributions = db.Set<JourneyContribution>()
            .Include(c => c.Experiences).ThenInclude(e => e.Touchpoints)
            .Include(c => c.Experiences).ThenInclude(e => e.PainTags)
            .Include(c => c.ProfileAnswers);
        return await (tracked ? contributions : contributions.AsNoTracking()).SingleOrDefaultAsync(c => c.TokenHash == hash, cancellationToken);
    }

    /// <summary>A contribution to the map, tracked for moderation, with its stage experiences and their touchpoints and tags (all carry its visibility).</summary>
    public Task<JourneyContribution?> ContributionOfMapAsync(int mapId, int contributionId, CancellationToken cancellationToken) =>
        db.Set<JourneyContribution>()
            .Include(c => c.Experiences).ThenInclude(e => e.Touchpoints)
            .Include(c => c.Experiences).ThenInclude(e => e.PainTags)
            .SingleOrDefaultAsync(c => c.Id == contributionId && c.JourneyMapId == mapId, cancellationToken);

    /// <summary>A backlog item of the map with its links.</summary>
    public Task<BacklogItem?> BacklogItemAsync(int mapId, int itemId, bool tracked, CancellationToken cancellationToken)
    {
        var items = db.Set<BacklogItem>().Include(i => i.Links);
        return (tracked ? items : items.AsNoTracking()).SingleOrDefaultAsync(i => i.Id == itemId && i.JourneyMapId == mapId, cancellationToken);
    }

    public async Task<List<JourneyMap>> OfProcessAsync(int processId, CancellationToken cancellationToken = default) =>
        await db.Set<JourneyMap>().AsNoTracking().Where(m => m.ProcessId == processId).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
}
