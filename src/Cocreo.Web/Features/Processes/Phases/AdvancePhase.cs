using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// The team moves the process to the next phase; after evaluation it closes. The command names the phase it was
/// given in, so a repeated click (or Back and submit) cannot skip a phase: it finds the process already moved.
/// </summary>
public static class AdvancePhase
{
    public sealed record Command(int ProcessId, PolicyPhase From) : IProcessCommand;

    /// <summary>Whether the process moved (false when it had already left <c>From</c>), and the phase it is now in (null: closed).</summary>
    public sealed record Outcome(bool Moved, PolicyPhase? Now);

    public sealed class Handler(ProcessAccessReader processes) : ProcessChange<Command, Outcome>(processes)
    {
        protected override ProcessAction Action => ProcessAction.ManagePhases;

        public override Task<Outcome> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            if (process.CurrentPhase != command.From)
            {
                return Task.FromResult(new Outcome(false, process.CurrentPhase));
            }
            var next = process.AdvancePhase(change.Now);
            if (next is null)
            {
                change.Log("process.closed", new { from = command.From.ToString() });
            }
            else
            {
                change.Log("phase.advanced", new { from = command.From.ToString(), to = next.Value.ToString() });
            }
            // Every phase change is checkpointed: a signed record of the log as it stands, for anyone to keep.
            change.Checkpoint();
            return Task.FromResult(new Outcome(true, next));
        }
    }
}
