using System.Globalization;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team plans when each phase of the policy cycle starts and ends; each changed phase is logged.</summary>
public static class PlanPhases
{
    public sealed record Plan(PolicyPhase Phase, DateOnly? PlannedStart, DateOnly? PlannedEnd);

    public sealed record Command(int ProcessId, IReadOnlyList<Plan> Plans) : IProcessCommand;

    public sealed class Handler(ProcessAccessReader processes) : ProcessChange<Command, Done>(processes)
    {
        protected override ProcessAction Action => ProcessAction.ManagePhases;

        public override Task<Done> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            foreach (var plan in command.Plans)
            {
                if (!Enum.IsDefined(plan.Phase))
                {
                    throw new ProcessRuleException("UnknownPhase");
                }
                var current = process.Phases.Single(p => p.Phase == plan.Phase);
                if (current.PlannedStart == plan.PlannedStart && current.PlannedEnd == plan.PlannedEnd)
                {
                    continue;
                }
                process.PlanPhase(plan.Phase, plan.PlannedStart, plan.PlannedEnd);
                change.Log("phase.planned", new
                {
                    phase = plan.Phase.ToString(),
                    plannedStart = plan.PlannedStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    plannedEnd = plan.PlannedEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                });
            }
            return Task.FromResult(new Done());
        }
    }
}
