using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Organisations;

/// <summary>The public service of Organisations: what other capabilities may ask about organisations and their staff.</summary>
public sealed class OrganisationMembership(CocreoDbContext db)
{
    public async Task<OrganisationRole?> RoleOfAsync(int organisationId, string userId, CancellationToken cancellationToken = default) =>
        await db.Set<OrganisationMember>().AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.UserId == userId)
            .Select(m => (OrganisationRole?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<OrganisationSummary?> SummaryAsync(int organisationId, CancellationToken cancellationToken = default) =>
        await db.Set<Organisation>().AsNoTracking()
            .Where(o => o.Id == organisationId)
            .Select(o => new OrganisationSummary(o.Id, o.Name, o.Type, o.Size, o.Country, o.IsDemo, o.Standing))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Where an organisation stands with the platform (unverified, verified, suspended); null when there is no such organisation.</summary>
    public async Task<OrganisationStanding?> StandingOfAsync(int organisationId, CancellationToken cancellationToken = default) =>
        await db.Set<Organisation>().AsNoTracking()
            .Where(o => o.Id == organisationId)
            .Select(o => (OrganisationStanding?)o.Standing)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The organisations whose processes the public listing shows: the verified ones. An unverified organisation's
    /// processes are reached only by their link; a suspended one's not at all.
    /// </summary>
    public IQueryable<int> Listed() =>
        db.Set<Organisation>().Where(o => o.Standing == OrganisationStanding.Verified).Select(o => o.Id);

    /// <summary>The suspended organisations, for a query that asks beside its own rows (a process read with its standing).</summary>
    public IQueryable<int> Suspended() =>
        db.Set<Organisation>().Where(o => o.Standing == OrganisationStanding.Suspended).Select(o => o.Id);

    public async Task<Dictionary<int, string>> NamesAsync(IEnumerable<int> organisationIds, CancellationToken cancellationToken = default)
    {
        var ids = organisationIds.Distinct().ToList();
        return await db.Set<Organisation>().AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    /// <summary>
    /// The organisations of the same type and size band as this one, for anonymous peer comparisons; demo
    /// organisations are compared only with each other.
    /// </summary>
    public async Task<List<int>> PeersOfAsync(int organisationId, CancellationToken cancellationToken = default)
    {
        var self = await db.Set<Organisation>().AsNoTracking()
            .Where(o => o.Id == organisationId)
            .Select(o => new { o.Type, o.Size, o.IsDemo })
            .SingleOrDefaultAsync(cancellationToken);
        if (self is null)
        {
            return [];
        }
        return await db.Set<Organisation>().AsNoTracking()
            .Where(o => o.Id != organisationId && o.Type == self.Type && o.Size == self.Size && o.IsDemo == self.IsDemo)
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The account ids of an organisation's staff (administrators too).</summary>
    public async Task<List<string>> StaffOfAsync(int organisationId, CancellationToken cancellationToken = default) =>
        await db.Set<OrganisationMember>().AsNoTracking()
            .Where(m => m.OrganisationId == organisationId)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);

    public async Task<List<OrganisationSummary>> OrganisationsOfAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Set<Organisation>().AsNoTracking()
            .Where(o => o.Members.Any(m => m.UserId == userId))
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationSummary(o.Id, o.Name, o.Type, o.Size, o.Country, o.IsDemo, o.Standing))
            .ToListAsync(cancellationToken);
}

public sealed record OrganisationSummary(int Id, string Name, OrganisationType Type, SizeBand Size, string Country, bool IsDemo, OrganisationStanding Standing);
