using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Processes;

/// <summary>The owner adds a person with an account to the process, in a role; adding someone twice changes nothing.</summary>
public static class AddMember
{
    public sealed record Command(int ProcessId, string Email, ProcessRole Role) : IProcessCommand;

    /// <summary>The name of the person added.</summary>
    public sealed record Added(string Name);

    public sealed class Handler(ProcessAccessReader processes, People people) : ProcessChange<Command, Added>(processes)
    {
        protected override ProcessAction Action => ProcessAction.ManageMembers;

        public override async Task<Added> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (!Enum.IsDefined(command.Role))
            {
                throw new ProcessRuleException("UnknownRole");
            }
            var (id, name) = await people.WithEmailAsync(command.Email, cancellationToken) ?? throw new ProcessRuleException("NoAccount");
            var process = change.Target.Process;
            // A parallel add of the same person fails on the unique membership key and, tried again, stops here.
            if (await Processes.RoleOfAsync(process.Id, id, cancellationToken) is not null)
            {
                return new Added(name);
            }
            process.Join(id, command.Role, change.Now);
            change.Log("member.role-changed", new
            {
                member = command.Role is ProcessRole.Owner or ProcessRole.Facilitator ? name : null,
                from = (string?)null,
                to = LogActors.RoleCode(command.Role),
            });
            return new Added(name);
        }
    }
}
