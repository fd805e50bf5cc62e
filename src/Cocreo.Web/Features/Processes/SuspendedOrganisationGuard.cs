using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// Refuses every change to a process of a suspended organisation, in every capability that runs its changes through
/// the change runner (budgets, journey maps, assessments, shortlists, reflections...): for the organisation's staff,
/// the process's team and platform administrators with the reason "This organisation is suspended by the platform";
/// for anyone else the process does not exist (404).
/// </summary>
public sealed class SuspendedOrganisationGuard(CocreoDbContext db, OrganisationMembership organisations, ProcessAccessReader processes) : IChangeGuard
{
    public async Task<Decision> DecideAsync(IChangeTarget target, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (target.LogProcessId is not { } processId)
        {
            return Decision.Allowed;
        }
        var organisationId = await db.Set<Process>().AsNoTracking()
            .Where(p => p.Id == processId)
            .Select(p => (int?)p.OrganisationId)
            .SingleOrDefaultAsync(cancellationToken);
        if (organisationId is null || await organisations.StandingOfAsync(organisationId.Value, cancellationToken) != OrganisationStanding.Suspended)
        {
            return Decision.Allowed;
        }
        var access = await processes.ForAsync(user, processId, organisationId.Value, cancellationToken);
        return ProcessPermissions.CanSee(ProcessVisibility.Public, access) ? OrganisationPermissions.Suspended : Decision.Hidden;
    }
}
