using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Processes;

/// <summary>A member leaves the process; the last owner cannot (someone must answer for it).</summary>
public static class LeaveProcess
{
    public sealed record Command(int ProcessId) : IProcessCommand;

    public sealed class Handler(ProcessAccessReader processes) : ProcessChange<Command, Done>(processes)
    {
        protected override ProcessAction Action => ProcessAction.Leave;

        public override Task<Done> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var role = change.Target.Access.Role!.Value;
            change.Target.Process.Leave(change.Target.Access.UserId!);
            // The actor is the member as they were: named if they ran the process, otherwise only by role.
            change.Log("member.left", new { role = LogActors.RoleCode(role) });
            return Task.FromResult(new Done());
        }
    }
}
