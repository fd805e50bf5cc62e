using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Processes;

/// <summary>A signed-in person joins a public or unlisted process as a participant; the log names only the role.</summary>
public static class JoinProcess
{
    public sealed record Command(int ProcessId) : IProcessCommand;

    /// <summary>True when the person joined now; false when they already took part (a double click).</summary>
    public sealed record Outcome(bool Joined);

    public sealed class Handler(ProcessAccessReader processes) : ProcessChange<Command, Outcome>(processes)
    {
        protected override ProcessAction Action => ProcessAction.Join;

        // A member joining again (a double click, or a parallel join that won) is not refused: nothing happens.
        public override Decision Decide(ProcessTarget target, Command command) =>
            target.Access.Role is not null ? Decision.Allowed : base.Decide(target, command);

        public override Task<Outcome> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (change.Target.Access.Role is not null)
            {
                return Task.FromResult(new Outcome(false));
            }
            // A parallel join by the same person fails on the unique membership key and is tried again: the fresh
            // read then finds the membership.
            change.Target.Process.Join(change.Target.Access.UserId!, ProcessRole.Participant, change.Now);
            change.LogAs(LogActor.Private("participant"), "member.joined", new { role = "participant" });
            return Task.FromResult(new Outcome(true));
        }
    }
}
