using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// The team takes back a move to the next phase while nothing happened in the new phase: the move is the last entry
/// of the process's public log (every change of every capability is logged), and no capability reports anything
/// since the move (<see cref="IProcessActivity"/>: a proposal, a comment, a contribution, a vote open). Logged as
/// <c>phase.reverted</c>; the log keeps the move too. Two at once: the log head lets one through, the other finds
/// the process moved back already.
/// </summary>
public static class RevertPhase
{
    public sealed record Command(int ProcessId, PolicyPhase From) : IProcessCommand;

    public sealed record Outcome(bool Reverted, PolicyPhase Now);

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db, IEnumerable<IProcessActivity> activities) : ProcessChange<Command, Outcome>(processes)
    {
        protected override ProcessAction Action => ProcessAction.ManagePhases;

        public override async Task<Outcome> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            if (process.CurrentPhase != command.From)
            {
                return new Outcome(false, process.CurrentPhase);
            }
            var started = process.Phases.Single(p => p.Phase == process.CurrentPhase).StartedAt;
            var last = await db.Set<ProcessLogEntry>().AsNoTracking()
                .Where(e => e.ProcessId == process.Id)
                .OrderByDescending(e => e.Sequence)
                .Select(e => e.Action)
                .FirstOrDefaultAsync(cancellationToken);
            if (last != "phase.advanced" || started is null || await AnythingSinceAsync(process.Id, started.Value, cancellationToken))
            {
                throw new ProcessRuleException("PhaseHasActivity");
            }
            var now = process.RevertPhase();
            change.Log("phase.reverted", new { from = command.From.ToString(), to = now.ToString() });
            return new Outcome(true, now);
        }

        private async Task<bool> AnythingSinceAsync(int processId, DateTime since, CancellationToken cancellationToken)
        {
            foreach (var activity in activities)
            {
                if (await activity.AnythingSinceAsync(processId, since, cancellationToken))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
