using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Shared.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

    /// <summary>
    /// Decides a page's request to do <paramref name="action"/> on a process: null when allowed; otherwise 404 for a
    /// process the person may not see (or that does not exist), and 403 (or sign-in, when anonymous) for the rest.
    /// </summary>
    public async Task<IActionResult?> RefusalAsync(PageModel page, Process? process, ProcessAction action, CancellationToken cancellationToken = default)
    {
        if (process is null)
        {
            return page.NotFound();
        }
        var access = await ForAsync(page.User, process, cancellationToken);
        if (!ProcessPermissions.Allows(ProcessAction.View, process, access))
        {
            return page.NotFound();
        }
        return ProcessPermissions.Allows(action, process, access) ? null : page.Denied();
    }
}
