using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>
/// The public service of ServiceSelection: the services organisations chose to renew with Co-Serve. Co-Renew (and
/// any other capability) starts from these, never from the comparison's tables.
/// </summary>
public sealed class ServiceSelectionDirectory(CocreoDbContext db)
{
    /// <summary>The services an organisation chose to renew, the most recent choice first.</summary>
    public async Task<List<SelectedService>> ChosenServicesAsync(int organisationId, CancellationToken cancellationToken = default) =>
        await db.Set<ServiceShortlist>().AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.ChosenServiceId != null)
            .OrderByDescending(s => s.ChosenAt)
            .SelectMany(s => s.Services.Where(c => c.Id == s.ChosenServiceId), (s, c) => new SelectedService(c.Id, s.OrganisationId, s.ProcessId, c.Name, c.Description))
            .ToListAsync(cancellationToken);

    /// <summary>A service chosen to renew, by its id; null when there is no such service or it was not chosen.</summary>
    public async Task<SelectedService?> FindAsync(int serviceId, CancellationToken cancellationToken = default) =>
        await db.Set<ServiceShortlist>().AsNoTracking()
            .Where(s => s.ChosenServiceId == serviceId)
            .SelectMany(s => s.Services.Where(c => c.Id == serviceId), (s, c) => new SelectedService(c.Id, s.OrganisationId, s.ProcessId, c.Name, c.Description))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The comparison page a candidate's assessment belongs to.</summary>
    internal async Task<string> PathOfAssessmentAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        var shortlistId = await db.Set<ShortlistedService>().AsNoTracking()
            .Where(s => s.AssessmentId == assessmentId)
            .Select(s => (int?)s.ShortlistId)
            .SingleOrDefaultAsync(cancellationToken);
        return shortlistId is { } id ? $"/service-selection/{id}" : "/organisations";
    }
}

/// <summary>A service an organisation chose to renew through co-creation (with Co-Serve).</summary>
/// <param name="Id">The service's id (stable: use it to refer to the service).</param>
/// <param name="OrganisationId">The organisation that runs the service.</param>
/// <param name="ProcessId">The process the choice was made in, if any.</param>
/// <param name="Name">The service's name.</param>
/// <param name="Description">What the service is, as the organisation described it.</param>
public sealed record SelectedService(int Id, int OrganisationId, int? ProcessId, string Name, string Description);
