using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A member of the team asks for a new voting code for someone on the census who lost theirs and has not voted,
/// with the reason. Nothing is made yet: a different member confirms (<see cref="ConfirmCodeReissue"/>) or rejects
/// it. The log counts the request by its number and how many wait, never naming the voter or holding the reason.
/// </summary>
public static class RequestCodeReissue
{
    public sealed record Command(int BudgetId, string Reference, string? Reason) : IBudgetCommand;

    /// <summary>The request's number within the budget.</summary>
    public sealed record Outcome(int Number);

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : BudgetChange<Command, Outcome>(budgets, BudgetAction.Manage)
    {
        public override async Task<Outcome> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            var reference = command.Reference.Trim();
            var entry = await db.Set<CensusEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.BudgetId == budget.Id && e.Reference == reference, cancellationToken)
                ?? throw new BudgetRuleException("UnknownReference", "Reference");
            var key = BudgetVoter.ForCensusEntry(entry.Id);
            if (await db.Set<BudgetVoter>().AnyAsync(v => v.BudgetId == budget.Id && v.VoterKey == key, cancellationToken))
            {
                throw new BudgetRuleException("AlreadyVoted", "Reference");
            }
            var requests = db.Set<CodeReissueRequest>().Where(r => r.BudgetId == budget.Id);
            if (await requests.AnyAsync(r => r.CensusEntryId == entry.Id && r.Status == ReissueStatus.Pending, cancellationToken))
            {
                throw new BudgetRuleException("ReissuePending", "Reference");
            }
            // Two requests at once take the same number; the unique key refuses the second and the runner tries it again.
            var number = (await requests.MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
            db.Add(CodeReissueRequest.Make(budget, number, entry.Id, command.Reason, change.Target.Access.UserId!, change.Actor.Name ?? "", change.Now));
            var pending = await requests.CountAsync(r => r.Status == ReissueStatus.Pending, cancellationToken) + 1;
            change.Log("budget.code-reissue-requested", new { budget = budget.Id, request = number, pending });
            return new Outcome(number);
        }
    }
}
