using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The team replaces a budget's census before voting opens and gets a new voting code for everyone on it (the only
/// time the codes can be read). The log holds only how many people are on it, never who.
/// </summary>
public static class UploadCensus
{
    public sealed record Command(int BudgetId, IReadOnlyList<CensusRow> Rows) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : BudgetChange<Command, List<IssuedCode>>(budgets, BudgetAction.Manage)
    {
        public override async Task<List<IssuedCode>> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            if (budget.IsLocked)
            {
                throw new BudgetRuleException("CensusLocked", "file");
            }
            // The old census is deleted in the change's transaction: it stays if anything below fails.
            await change.SaveAsync(cancellationToken);
            await db.Set<CensusEntry>().Where(e => e.BudgetId == budget.Id).ExecuteDeleteAsync(cancellationToken);
            var codes = new List<IssuedCode>(command.Rows.Count);
            foreach (var row in command.Rows)
            {
                var code = VotingCodes.NewVotingCode();
                codes.Add(new IssuedCode(row.Reference, row.Name, row.Email, code));
                db.Add(new CensusEntry
                {
                    Id = RandomIds.Next(),
                    BudgetId = budget.Id,
                    Reference = row.Reference,
                    Name = row.Name,
                    Email = row.Email.ToUpperInvariant(),
                    CodeHash = VotingCodes.Hash(code),
                });
            }
            change.Log("budget.census-uploaded", new { budget = budget.Id, people = command.Rows.Count });
            return codes;
        }
    }
}
