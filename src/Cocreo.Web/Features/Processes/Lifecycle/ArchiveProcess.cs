using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// The owner (or an administrator of the organisation) archives a process, or takes it out of the archive. An
/// archived process stays public with its log, and every change to it, in every capability, is refused by
/// <see cref="ArchivedProcessGuard"/>. It cannot be archived while a vote in it is open (ballots would be refused).
/// </summary>
public static class ArchiveProcess
{
    public sealed record Command(int ProcessId, bool Archive) : IProcessCommand;

    public sealed record Outcome(bool Changed);

    public sealed class Handler(ProcessAccessReader processes, IEnumerable<IProcessActivity> activities) : IChange<Command, ArchiveTarget, Outcome>
    {
        public async Task<ArchiveTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            await processes.ForChangeAsync(command.ProcessId, user, cancellationToken) is { } target ? new ArchiveTarget(target) : null;

        public Decision Decide(ArchiveTarget target, Command command) => target.Process.Decide(ProcessAction.Archive);

        public async Task<Outcome> RunAsync(Change<ArchiveTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process.Process;
            if (!command.Archive)
            {
                var unarchived = process.Unarchive();
                if (unarchived)
                {
                    change.Log("process.unarchived");
                }
                return new Outcome(unarchived);
            }
            if (process.IsArchived)
            {
                return new Outcome(false);
            }
            foreach (var activity in activities)
            {
                if (await activity.RunningAsync(process.Id, cancellationToken) is { } running)
                {
                    throw new ProcessRuleException(running);
                }
            }
            process.Archive(change.Now);
            change.Log("process.archived");
            return new Outcome(true);
        }
    }
}

/// <summary>A process opened to be archived or taken out of the archive: the one change an archived process lets through.</summary>
public sealed record ArchiveTarget(ProcessTarget Process) : IChangeTarget
{
    public int? LogProcessId => Process.LogProcessId;

    public LogActor Actor => Process.Actor;
}

/// <summary>
/// Refuses every change to an archived process, whatever its capability ("This process is archived"), except taking
/// it out of the archive. Who may not see the process gets 404, as everywhere.
/// </summary>
public sealed class ArchivedProcessGuard(CocreoDbContext db, ProcessAccessReader processes) : IChangeGuard
{
    public async Task<Decision> DecideAsync(IChangeTarget target, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (target is ArchiveTarget || target.LogProcessId is not { } processId)
        {
            return Decision.Allowed;
        }
        var process = await db.Set<Process>().AsNoTracking()
            .Where(p => p.Id == processId && p.ArchivedAt != null)
            .Select(p => new { p.Visibility, p.OrganisationId })
            .SingleOrDefaultAsync(cancellationToken);
        if (process is null)
        {
            return Decision.Allowed;
        }
        var access = await processes.ForAsync(user, processId, process.OrganisationId, cancellationToken);
        return ProcessPermissions.CanSee(process.Visibility, access) ? ProcessPermissions.Archived : Decision.Hidden;
    }
}

/// <summary>
/// What a capability has going on in a process, for the process's lifecycle (archive, revert a phase, delete). A
/// capability that holds data of processes registers one (<c>services.AddScoped&lt;IProcessActivity, ...&gt;()</c>).
/// </summary>
public interface IProcessActivity
{
    /// <summary>The rule code (of <see cref="ProcessRules"/>) of something running that must end first (a vote open), or null.</summary>
    Task<string?> RunningAsync(int processId, CancellationToken cancellationToken);

    /// <summary>Whether anything happened in this capability of the process since <paramref name="since"/> (a proposal, a comment, a ballot...).</summary>
    Task<bool> AnythingSinceAsync(int processId, DateTime since, CancellationToken cancellationToken);

    /// <summary>
    /// Whether participants gave this capability of the process any input (a proposal, a comment, a ballot, an
    /// answer, a contribution): then the process is no longer deleted, only archived. The team's own setup (an empty
    /// budget, a journey map without contributions) is not input.
    /// </summary>
    Task<bool> HasInputAsync(int processId, CancellationToken cancellationToken);
}
