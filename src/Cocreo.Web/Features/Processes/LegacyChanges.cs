using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// The old ways of writing a change, kept only while the capabilities that still use them move onto the
/// <see cref="Platform.Changes.ChangeRunner"/>; removed with the last of them.
/// </summary>
public static class LegacyChanges
{
    private const int Attempts = 30;

    public static async Task<T> RetryOnConflictAsync<T>(this CocreoDbContext db, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken = default)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (DbUpdateException) when (i < Attempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 25) * Math.Min(i, 8), cancellationToken);
            }
        }
    }

    /// <summary>Appends to the log of a process in the current unit of work.</summary>
    public static ProcessLogEntry Append(this ProcessLog log, Process process, LogActor actor, string action, object? data = null) =>
        log.AppendAsync(process.Id, actor, action, data).GetAwaiter().GetResult();

    /// <summary>The named actor for a team member's change; platform admins act as "admin".</summary>
    public static async Task<LogActor> ActorAsync(CocreoDbContext db, Process process, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.UserId()!;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var member = process.MemberFor(userId);
        var role = member is not null ? LogActors.RoleCode(member.Role) : user.IsPlatformAdmin() ? "admin" : "staff";
        return LogActor.Named(name, role);
    }

    public static async Task<IActionResult?> RefusalAsync(this ProcessAccessReader reader, PageModel page, Process? process, ProcessAction action, CancellationToken cancellationToken = default)
    {
        if (process is null)
        {
            return page.NotFound();
        }
        var access = await reader.ForAsync(page.User, process, cancellationToken);
        if (!ProcessPermissions.Allows(ProcessAction.View, process, access))
        {
            return page.NotFound();
        }
        return ProcessPermissions.Allows(action, process, access) ? null : page.Denied();
    }
}
