using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The team takes a budget from the review back to collecting proposals while no proposal was reviewed or merged:
/// the way out for a budget moved on too early (an empty one cannot open voting, and takes no proposals in review).
/// Logged as <c>budget.phase-reverted</c>. The command names the phase it was given in, so a repeated click is harmless.
/// </summary>
public static class RevertBudgetPhase
{
    public sealed record Command(int BudgetId, BudgetPhase From) : IBudgetCommand;

    public sealed record Outcome(bool Reverted, BudgetPhase Now);

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : BudgetChange<Command, Outcome>(budgets, BudgetAction.Manage)
    {
        public override async Task<Outcome> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            if (budget.Phase != command.From)
            {
                return new Outcome(false, budget.Phase);
            }
            var reviewed = await db.Set<Proposal>().AnyAsync(p => p.BudgetId == budget.Id && (p.ReviewedAt != null || p.MergedIntoId != null), cancellationToken);
            var now = budget.RevertToProposals(reviewed);
            change.Log("budget.phase-reverted", new { budget = budget.Id, title = budget.Title, from = command.From.ToString(), to = now.ToString() });
            return new Outcome(true, now);
        }
    }
}

/// <summary>
/// The team deletes a budget made by mistake, or left empty, before voting opens and while it holds no proposals.
/// Logged as <c>budget.deleted</c> (its number and title stay in the process's log).
/// </summary>
public static class DeleteBudget
{
    public sealed record Command(int BudgetId) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : BudgetChange<Command, Done>(budgets, BudgetAction.Manage)
    {
        public override async Task<Done> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            budget.CheckDeletable(await db.Set<Proposal>().CountAsync(p => p.BudgetId == budget.Id, cancellationToken));
            db.Remove(budget);
            change.Log("budget.deleted", new { budget = budget.Id, title = budget.Title });
            return new Done();
        }
    }
}
