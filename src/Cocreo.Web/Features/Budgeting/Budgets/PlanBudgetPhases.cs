using System.Globalization;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The team plans the dates of a budget's phases (shown to everyone) and, if it wants, the instants at which the
/// budget closes its proposals, opens the vote and closes it by itself (<see cref="BudgetSchedule"/>); each changed
/// phase is logged.
/// </summary>
public static class PlanBudgetPhases
{
    /// <summary>A phase's planned dates, and when the budget moves into it by itself (UTC; null: the team moves it).</summary>
    public sealed record PhasePlan(BudgetPhase Phase, DateOnly? PlannedStart, DateOnly? PlannedEnd, DateTime? MovesAt = null);

    public sealed record Command(int BudgetId, IReadOnlyList<PhasePlan> Plans) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets) : BudgetChange<Command, Done>(budgets, BudgetAction.Manage)
    {
        public override Task<Done> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            for (var i = 0; i < command.Plans.Count; i++)
            {
                var (phase, start, end, movesAt) = command.Plans[i];
                var current = budget.Phases.Single(p => p.Phase == phase);
                if (current.PlannedStart == start && current.PlannedEnd == end && current.MovesAt == movesAt)
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
                try
                {
                    budget.ScheduleMove(phase, movesAt, change.Now);
                }
                catch (BudgetRuleException rule)
                {
                    throw new BudgetRuleException(rule.Code, $"Plans[{i}].MovesAt");
                }
                change.Log("budget.phase-planned", new
                {
                    budget = budget.Id,
                    phase = phase.ToString(),
                    plannedStart = start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    plannedEnd = end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    movesAt = movesAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                });
            }
            if (budget.ScheduleOutOfOrder() is { } outOfOrder)
            {
                var index = command.Plans.ToList().FindIndex(p => p.Phase == outOfOrder);
                throw new BudgetRuleException("ScheduleOutOfOrder", index < 0 ? null : $"Plans[{index}].MovesAt");
            }
            return Task.FromResult(new Done());
        }
    }
}
