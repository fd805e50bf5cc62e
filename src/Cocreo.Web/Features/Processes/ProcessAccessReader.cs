using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Shared.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>Reads who the current person is with respect to a process.</summary>
public sealed class ProcessAccessReader(CocreoDbContext db, OrganisationMembership organisations)
{
    public async Task<ProcessAccess> ForAsync(ClaimsPrincipal user, Process process, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId();
        if (userId is null)
        {
            return ProcessAccess.Anonymous;
        }
        var role = await db.Set<ProcessMember>().AsNoTracking()
            .Where(m => m.ProcessId == process.Id && m.UserId == userId)
            .Select(m => (ProcessRole?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);
        var organisationRole = await organisations.RoleOfAsync(process.OrganisationId, userId, cancellationToken);
        return new ProcessAccess(userId, user.IsPlatformAdmin(), organisationRole, role);
    }
}
