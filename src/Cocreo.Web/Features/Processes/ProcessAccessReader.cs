using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>A process as read for a page, and who the reader is with respect to it.</summary>
public sealed record ProcessView(Process Process, ProcessAccess Access)
{
    public bool Can(ProcessAction action) => ProcessPermissions.Allows(action, Process, Access);
}

/// <summary>
/// A process loaded for a change (tracked, with the acting person's membership and the owners, for the last-owner
/// rule), who is asking, and who the log names. Other capabilities build their targets on it.
/// </summary>
public sealed record ProcessTarget(Process Process, ProcessAccess Access, LogActor Actor) : IChangeTarget
{
    public int? LogProcessId => Process.Id;

    public Decision Decide(ProcessAction action) => ProcessPermissions.Decide(action, Process, Access);
}

/// <summary>
/// Reads who the current person is with respect to a process, and opens a process for a page or a change: a page
/// asks once and gets the process or a refusal thrown for the page filter to answer (404 for a process the person may
/// not see, sign-in or 403 with the reason otherwise).
/// </summary>
public sealed class ProcessAccessReader(CocreoDbContext db, ProcessDirectory directory, OrganisationMembership organisations, LogActors actors, DateDisplay dates)
{
    public async Task<ProcessAccess> ForAsync(ClaimsPrincipal user, Process process, CancellationToken cancellationToken = default) =>
        await ForAsync(user, process.Id, process.OrganisationId, cancellationToken);

    public async Task<ProcessAccess> ForAsync(ClaimsPrincipal user, int processId, int organisationId, CancellationToken cancellationToken = default) =>
        await AccessAsync(user, organisationId, await organisations.StandingOfAsync(organisationId, cancellationToken) == OrganisationStanding.Suspended,
            userId => RoleOfAsync(processId, userId, cancellationToken), cancellationToken);

    private async Task<ProcessAccess> AccessAsync(ClaimsPrincipal user, int organisationId, bool suspended, Func<string, Task<ProcessRole?>> roleOf, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        if (userId is null)
        {
            return ProcessAccess.Anonymous with { OrganisationSuspended = suspended };
        }
        var role = await roleOf(userId);
        var organisationRole = await organisations.RoleOfAsync(organisationId, userId, cancellationToken);
        return new ProcessAccess(userId, user.IsPlatformAdmin(), organisationRole, role) { OrganisationSuspended = suspended };
    }

    /// <summary>The person's role in the process, if they are a member.</summary>
    public async Task<ProcessRole?> RoleOfAsync(int processId, string userId, CancellationToken cancellationToken) =>
        await db.Set<ProcessMember>().AsNoTracking()
            .Where(m => m.ProcessId == processId && m.UserId == userId)
            .Select(m => (ProcessRole?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Opens a process for a page that does <paramref name="action"/>; refuses (throws) otherwise. A deleted process
    /// answers 410 Gone with when it was deleted.
    /// </summary>
    public async Task<ProcessView> ReadAsync(int processId, ClaimsPrincipal user, ProcessAction action = ProcessAction.View, CancellationToken cancellationToken = default)
    {
        var process = await directory.FindAsync(processId, cancellationToken);
        if (process is null)
        {
            await RefuseIfDeletedAsync(processId, user, cancellationToken);
        }
        process = RefusedException.IfMissing(process);
        var access = await ForAsync(user, process, cancellationToken);
        RefusedException.Unless(ProcessPermissions.Decide(action, process, access), access.IsAuthenticated);
        return new ProcessView(process, access);
    }

    /// <summary>
    /// Throws 410 Gone, saying when, when the process was deleted and the person could see it: every page and endpoint
    /// under a process (its budgets, proposals, toolkit pages) asks this where it finds no process, so each says the
    /// same. A private one stays unknown (nothing thrown: the caller answers 404) to everyone else.
    /// </summary>
    public async Task RefuseIfDeletedAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await directory.DeletedAsync(processId, cancellationToken) is { } deleted
            && ProcessPermissions.CanSee(deleted.Visibility, await ForAsync(user, deleted.Id, deleted.OrganisationId, cancellationToken)))
        {
            throw new RefusedException(Refusal.Gone("This process was deleted on {0:d} by its owner.", typeof(ProcessPermissions), dates.Local(deleted.DeletedAt)));
        }
    }

    /// <summary>
    /// Loads a process for a change (tracked) with the person's access and log actor; null when there is no such
    /// process. <paramref name="alsoMember"/> loads that person's membership too (a change to someone else's role).
    /// </summary>
    public async Task<ProcessTarget?> ForChangeAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken, string? alsoMember = null)
    {
        var userId = user.UserId();
        var suspended = organisations.Suspended();
        var found = await db.Set<Process>()
            .Include(p => p.Members.Where(m => m.UserId == userId || m.UserId == alsoMember || m.Role == ProcessRole.Owner))
            // One query (a handful of phases and members, and whether the organisation is suspended), not one per collection:
            // every change and every debate reads it.
            .AsSingleQuery()
            .Where(p => p.Id == processId)
            .Select(p => new { Process = p, Suspended = suspended.Contains(p.OrganisationId) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is not { Process: var process })
        {
            return null;
        }
        // The person's membership came with the process.
        var access = await AccessAsync(user, process.OrganisationId, found.Suspended,
            id => Task.FromResult(process.Members.FirstOrDefault(m => m.UserId == id)?.Role), cancellationToken);
        return new ProcessTarget(process, access, await actors.ForAsync(access, cancellationToken));
    }
}

/// <summary>
/// Who the public log names for a person's change: the process's owners and facilitators, the organisation's staff
/// and platform administrators act in public and are named; participants, observers and anyone else only by role.
/// </summary>
public sealed class LogActors(People people)
{
    public async Task<LogActor> ForAsync(ProcessAccess who, CancellationToken cancellationToken)
    {
        if (who.UserId is null)
        {
            return LogActor.Private("participant");
        }
        var role = who.Role switch
        {
            ProcessRole.Owner or ProcessRole.Facilitator => RoleCode(who.Role.Value),
            _ when who.IsPlatformAdmin => "admin",
            _ when who.OrganisationRole is not null => "staff",
            _ => null,
        };
        if (role is null)
        {
            return LogActor.Private(who.Role is { } member ? RoleCode(member) : "participant");
        }
        return LogActor.Named(await people.NameOfAsync(who.UserId, cancellationToken), role);
    }

    /// <summary>The role as the log writes it.</summary>
    public static string RoleCode(ProcessRole role) => role.ToString().ToLowerInvariant();
}
