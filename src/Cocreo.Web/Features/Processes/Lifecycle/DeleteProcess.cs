using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// The owner deletes a process that nobody has taken part in yet (a mistake, a test, a duplicate): no capability
/// reports participants' input (<see cref="IProcessActivity.HasInputAsync"/>: a proposal, a ballot, an answer, a
/// contribution). Otherwise it is refused with what to do instead: archive it. Deleting leaves a tombstone, not a
/// hole: the process is marked deleted (it leaves lists, search and follows; its pages answer 410 Gone) and its
/// public log ends with <c>process.deleted</c>, so the hash chain stays whole and verifiable. The owner confirms by
/// typing the process's title.
/// </summary>
public static class DeleteProcess
{
    public sealed record Command(int ProcessId, string Confirm) : IProcessCommand;

    public sealed record Outcome(bool Deleted);

    public sealed class Handler(ProcessAccessReader processes, IEnumerable<IProcessActivity> activities) : ProcessChange<Command, Outcome>(processes)
    {
        protected override ProcessAction Action => ProcessAction.Delete;

        public override async Task<Outcome> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            if (!string.Equals(command.Confirm?.Trim(), process.Title.Trim(), StringComparison.CurrentCultureIgnoreCase))
            {
                throw new ProcessRuleException("DeleteConfirmTitle");
            }
            foreach (var activity in activities)
            {
                if (await activity.RunningAsync(process.Id, cancellationToken) is not null || await activity.HasInputAsync(process.Id, cancellationToken))
                {
                    throw new ProcessRuleException("ProcessHasInput");
                }
            }
            if (!process.Delete(change.Now))
            {
                return new Outcome(false);
            }
            change.Log("process.deleted");
            return new Outcome(true);
        }
    }
}
