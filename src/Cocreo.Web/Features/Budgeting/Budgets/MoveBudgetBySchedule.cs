using System.Security.Claims;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The schedule moves a budget into its next phase at the time the team planned (<see cref="Budget.ScheduleMove"/>):
/// the same move as the team's button (<see cref="AdvanceBudgetPhase"/>: the same checks, the same log entries,
/// the checkpoint), decided on the plan instead of a person, and logged as made by the schedule. The command names
/// the phase it was due in, so two instances running the schedule at once make one move: the second finds the
/// budget moved and does nothing.
/// </summary>
public static class MoveBudgetBySchedule
{
    public sealed record Command(int BudgetId, BudgetPhase From) : IBudgetCommand;

    /// <summary>Who the log names for a scheduled move: the schedule, no person.</summary>
    public static LogActor Schedule { get; } = new(null, "schedule");

    /// <summary>The schedule acts as nobody: its authority is the team's plan, which <see cref="Handler.Decide"/> checks.</summary>
    public static readonly ClaimsPrincipal NoPerson = new(new ClaimsIdentity());

    public sealed class Handler(BudgetAccess budgets, AdvanceBudgetPhase.Handler advance, TimeProvider clock) : IChange<Command, BudgetTarget, AdvanceBudgetPhase.Outcome>
    {
        public async Task<BudgetTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            await budgets.ForChangeAsync(command.BudgetId, NoPerson, cancellationToken) is { } target ? target with { Actor = Schedule } : null;

        public Decision Decide(BudgetTarget target, Command command)
        {
            if (target.Process.IsClosed)
            {
                return Decision.NotNow("The process is closed: it can no longer change.", typeof(BudgetingPermissions));
            }
            var budget = target.Budget;
            var due = budget.Phase == command.From && budget.NextScheduledMove?.MovesAt <= clock.GetUtcNow().UtcDateTime;
            return due ? Decision.Allowed : Decision.NotNow("No scheduled move of this budget is due.", typeof(BudgetingPermissions));
        }

        public async Task<AdvanceBudgetPhase.Outcome> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var outcome = await advance.RunAsync(change, new AdvanceBudgetPhase.Command(command.BudgetId, command.From), cancellationToken);
            if (outcome.Moved)
            {
                change.Target.Budget.Phases.Single(p => p.Phase == outcome.Now).ScheduleProblem = null;
            }
            return outcome;
        }

        /// <summary>After the move is committed, what the team's move does after it too.</summary>
        public Task SettleAsync(Command command, AdvanceBudgetPhase.Outcome outcome, CancellationToken cancellationToken) =>
            advance.SettleAsync(new AdvanceBudgetPhase.Command(command.BudgetId, command.From), outcome, cancellationToken);
    }
}
