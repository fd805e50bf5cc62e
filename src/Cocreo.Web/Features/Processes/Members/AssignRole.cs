using System.Security.Claims;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Processes;

/// <summary>The owner gives a member another role. People who act for the process in public are named in the log; participants and observers are not.</summary>
public static class AssignRole
{
    public sealed record Command(int ProcessId, string UserId, ProcessRole Role) : IProcessCommand;

    public sealed class Handler(ProcessAccessReader processes, People people) : ProcessChange<Command, Done>(processes)
    {
        protected override ProcessAction Action => ProcessAction.ManageMembers;

        public override Task<ProcessTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            Processes.ForChangeAsync(command.ProcessId, user, cancellationToken, alsoMember: command.UserId);

        public override async Task<Done> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (!Enum.IsDefined(command.Role))
            {
                throw new ProcessRuleException("UnknownRole");
            }
            var process = change.Target.Process;
            var member = process.MemberFor(command.UserId) ?? throw new ProcessRuleException("NotAMember");
            var from = member.Role;
            process.AssignRole(command.UserId, command.Role);
            if (from != command.Role)
            {
                change.Log("member.role-changed", new
                {
                    member = command.Role is ProcessRole.Owner or ProcessRole.Facilitator ? await people.NameOfAsync(command.UserId, cancellationToken) : null,
                    from = LogActors.RoleCode(from),
                    to = LogActors.RoleCode(command.Role),
                });
            }
            return new Done();
        }
    }
}
