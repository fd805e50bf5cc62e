using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team removes a first entry of a paper ballot that is wrong (after a mismatch), so the paper can be entered again.</summary>
public static class DiscardPaperBallot
{
    public sealed record Command(int BudgetId, string Serial) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : BudgetChange<Command, Done>(budgets, BudgetAction.EnterPaperBallots)
    {
        public override async Task<Done> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budgetId = change.Target.Budget.Id;
            var serial = command.Serial.Trim();
            var entry = await db.Set<PaperBallotEntry>().SingleOrDefaultAsync(e => e.BudgetId == budgetId && e.Serial == serial && !e.Counted, cancellationToken)
                ?? throw new BudgetRuleException("PaperNoEntry", null, serial);
            db.Remove(entry);
            change.Log("paper-ballot.discarded", new { budget = budgetId, serial = entry.Serial, enteredBy = entry.EnteredByName });
            return new Done();
        }
    }
}
