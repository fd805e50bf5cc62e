using System.Globalization;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team plans the dates of a budget's phases (shown to everyone; the moves themselves are made by the team); each changed phase is logged.</summary>
public static class PlanBudgetPhases
{
    public sealed record PhasePlan(BudgetPhase Phase, DateOnly? PlannedStart, DateOnly? PlannedEnd);

    public sealed record Command(int BudgetId, IReadOnlyList<PhasePlan> Plans) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets) : BudgetChange<Command, Done>(budgets, BudgetAction.Manage)
    {
        public override Task<Done> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            for (var i = 0; i < command.Plans.Count; i++)
            {
                var (phase, start, end) = command.Plans[i];
                var current = budget.Phases.Single(p => p.Phase == phase);
                if (current.PlannedStart == start && current.PlannedEnd == end)
                {
                    continue;
                }
                try
                {
                    budget.PlanPhase(phase, start, end);
                }
                catch (BudgetRuleException rule)
                {
                    throw new BudgetRuleException(rule.Code, $"Plans[{i}].PlannedEnd");
                }
                change.Log("budget.phase-planned", new
                {
                    budget = budget.Id,
                    phase = phase.ToString(),
                    plannedStart = start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    plannedEnd = end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                });
            }
            return Task.FromResult(new Done());
        }
    }
}
