using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The team records why the ballots and the marked register differ (<see cref="Reconciliation"/>) when the difference
/// cannot be corrected: the explanation, who recorded it, and the numbers, in the public log. The vote can then
/// close and the results be published while the differences stay the ones explained. The command names the
/// differences the page showed, so a decision never covers numbers its author did not see.
/// </summary>
public static class AcceptReconciliation
{
    public sealed record Command(int BudgetId, long InternetDifference, long PaperDifference, string? Reason) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db, Reconciliation reconciliation) : BudgetChange<Command, Done>(budgets, BudgetAction.Manage)
    {
        public override async Task<Done> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            var numbers = await reconciliation.ForAsync(budget.Id, cancellationToken);
            var decision = ReconciliationDecision.Record(budget, numbers, command.Reason, change.Target.Access.UserId!, change.Actor.Name ?? "", change.Now);
            if (numbers.Internet.Difference != command.InternetDifference || numbers.Paper.Difference != command.PaperDifference)
            {
                throw new BudgetRuleException("ReconciliationChanged");
            }
            db.Add(decision);
            change.Log("budget.reconciliation-accepted", new
            {
                budget = budget.Id,
                internetBallots = numbers.Internet.Ballots,
                internetVoters = numbers.Internet.Voters,
                paperBallots = numbers.Paper.Ballots,
                paperVoters = numbers.Paper.Voters,
                reason = decision.Reason,
            });
            return new Done();
        }
    }
}
