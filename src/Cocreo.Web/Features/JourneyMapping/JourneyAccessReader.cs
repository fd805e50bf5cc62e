using System.Security.Claims;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>A journey map read for one person: the map, its process and who the person is there.</summary>
public sealed record JourneyView(JourneyMap Map, Process Process, ProcessAccess Access)
{
    public JourneySubject Subject => JourneySubject.Of(Process, Map);

    public bool Can(JourneyAction action) => JourneyPermissions.Allows(action, Subject, Access);
}

/// <summary>A contributor's own contribution, opened by their resume token, with the map it belongs to.</summary>
public sealed record ContributorView(JourneyContribution Contribution, string Token, JourneyView Journey);

/// <summary>
/// A journey map loaded for a change (tracked), its process, who is asking and who the log names. A change a service
/// user makes through their own link also holds their contribution (tracked); it is logged by role only, since the
/// person has no account here, or keeps it out of the map.
/// </summary>
public sealed record JourneyTarget(JourneyMap Map, Process Process, ProcessAccess Access, LogActor Actor, JourneyContribution? OwnContribution = null) : IChangeTarget
{
    /// <summary>Who the log names for a service user's own change: the role, never the person.</summary>
    public static LogActor ServiceUser { get; } = LogActor.Private("service-user");

    public int? LogProcessId => Process.Id;

    public JourneySubject Subject => JourneySubject.Of(Process, Map);

    /// <summary>The contribution the link opened (for a change made through a contributor's link).</summary>
    public JourneyContribution Contribution => OwnContribution ?? throw new InvalidOperationException("This change was not made through a contributor's link.");

    public Decision Decide(JourneyAction action) => JourneyPermissions.Decide(action, Subject, Access);
}

/// <summary>
/// Opens journey maps for pages and changes: a page asks once and gets the map or a refusal thrown for the page
/// filter to answer (404 for a map the person may not see, sign-in or 403 with the reason otherwise). A contributor's
/// secret link is the right to use their own contribution; a token that opens nothing is not found.
/// </summary>
public sealed class JourneyAccessReader(JourneyDirectory directory, ProcessDirectory processes, ProcessAccessReader access)
{
    /// <summary>Opens a map for a page that does <paramref name="action"/>; refuses (throws) otherwise.</summary>
    public async Task<JourneyView> ReadAsync(int mapId, ClaimsPrincipal user, JourneyAction action, CancellationToken cancellationToken)
    {
        var journey = await ViewAsync(RefusedException.IfMissing(await directory.Maps().SingleOrDefaultAsync(m => m.Id == mapId, cancellationToken)), user, cancellationToken);
        RefusedException.Unless(JourneyPermissions.Decide(action, journey.Subject, journey.Access), journey.Access.IsAuthenticated);
        return journey;
    }

    /// <summary>
    /// Opens the map a join code names. A join link reaches people before they sign in: anyone may be a member of a
    /// private process, so an anonymous person is asked to sign in rather than told there is nothing here.
    /// </summary>
    public async Task<JourneyView> ReadByJoinCodeAsync(string code, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var normalized = ContributionTokens.NormalizeJoinCode(code);
        var journey = await ViewAsync(RefusedException.IfMissing(await directory.Maps().SingleOrDefaultAsync(m => m.JoinCode == normalized, cancellationToken)), user, cancellationToken);
        var decision = JourneyPermissions.Decide(JourneyAction.View, journey.Subject, journey.Access);
        if (decision.Kind == DecisionKind.Hidden && !journey.Access.IsAuthenticated)
        {
            throw new RefusedException(Refusal.SignIn);
        }
        RefusedException.Unless(decision, journey.Access.IsAuthenticated);
        return journey;
    }

    /// <summary>
    /// Opens a contributor's own contribution by their token, for their pages; when <paramref name="mapId"/> is given
    /// the token must belong to that map. A token that opens nothing (or another map's) is not found.
    /// </summary>
    public async Task<ContributorView> ReadContributionAsync(string? token, ClaimsPrincipal user, int? mapId, CancellationToken cancellationToken) =>
        await FindContributionAsync(token, user, cancellationToken) is { } found && (mapId is null || found.Journey.Map.Id == mapId)
            ? found
            : throw new RefusedException(Refusal.NotFound);

    /// <summary>The contribution a token opens when its map can be seen, else null (for offering to continue).</summary>
    public async Task<ContributorView?> FindContributionAsync(string? token, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var contribution = await directory.ContributionAsync(token, tracked: false, cancellationToken);
        if (contribution is null)
        {
            return null;
        }
        var journey = await ViewAsync(await directory.Maps().SingleAsync(m => m.Id == contribution.JourneyMapId, cancellationToken), user, cancellationToken);
        return journey.Can(JourneyAction.View) ? new ContributorView(contribution, token!, journey) : null;
    }

    /// <summary>Opens a process's journey maps for a page that does <paramref name="action"/> (the list, starting one); refuses (throws) otherwise.</summary>
    public async Task<ProcessView> ReadProcessAsync(int processId, ClaimsPrincipal user, JourneyAction action, CancellationToken cancellationToken)
    {
        var process = await FindAsync(processId, user, cancellationToken);
        var who = await access.ForAsync(user, process, cancellationToken);
        RefusedException.Unless(JourneyPermissions.Decide(action, JourneySubject.Of(process, null), who), who.IsAuthenticated);
        return new ProcessView(process, who);
    }

    /// <summary>Loads a map for a change by its team (tracked) with its process, the person's access and their log actor; null when there is no such map.</summary>
    public async Task<JourneyTarget?> ForChangeAsync(int mapId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var map = await directory.Maps(tracked: true).SingleOrDefaultAsync(m => m.Id == mapId, cancellationToken);
        if (map is null)
        {
            return null;
        }
        var process = await access.ForChangeAsync(map.ProcessId, user, cancellationToken);
        return process is null ? null : new JourneyTarget(map, process.Process, process.Access, process.Actor);
    }

    /// <summary>
    /// Loads the contribution a token opens (tracked) for a change by its contributor, with its map and process; null
    /// when the token opens nothing. The log names the contributor by role only, whoever is signed in.
    /// </summary>
    public async Task<JourneyTarget?> ForContributorAsync(string token, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var contribution = await directory.ContributionAsync(token, tracked: true, cancellationToken);
        if (contribution is null)
        {
            return null;
        }
        var map = await directory.Maps().SingleAsync(m => m.Id == contribution.JourneyMapId, cancellationToken);
        var process = await processes.FindAsync(map.ProcessId, cancellationToken);
        return process is null ? null : new JourneyTarget(map, process, await access.ForAsync(user, process, cancellationToken), JourneyTarget.ServiceUser, contribution);
    }

    private async Task<JourneyView> ViewAsync(JourneyMap map, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var process = await FindAsync(map.ProcessId, user, cancellationToken);
        return new JourneyView(map, process, await access.ForAsync(user, process, cancellationToken));
    }

    /// <summary>The map's process; under a deleted one, 410 Gone as the process's own page answers (404 when there is none).</summary>
    private async Task<Process> FindAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var process = await processes.FindAsync(processId, cancellationToken);
        if (process is null)
        {
            await access.RefuseIfDeletedAsync(processId, user, cancellationToken);
        }
        return RefusedException.IfMissing(process);
    }
}
