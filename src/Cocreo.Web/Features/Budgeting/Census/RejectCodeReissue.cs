using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A member of the team rejects a request for a new voting code (or the one who asked withdraws it): no code is made.
/// The log counts it by the request's number.
/// </summary>
public static class RejectCodeReissue
{
    public sealed record Command(int BudgetId, int Number) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : BudgetChange<Command, Done>(budgets, BudgetAction.Manage)
    {
        public override async Task<Done> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            var request = await db.Set<CodeReissueRequest>().SingleOrDefaultAsync(r => r.BudgetId == budget.Id && r.Number == command.Number, cancellationToken)
                ?? throw new BudgetRuleException("ReissueUnknown", null, command.Number);
            request.Reject(change.Target.Access.UserId!, change.Actor.Name ?? "", change.Now);
            change.Log("budget.code-reissue-rejected", new { budget = budget.Id, request = request.Number });
            return new Done();
        }
    }
}
