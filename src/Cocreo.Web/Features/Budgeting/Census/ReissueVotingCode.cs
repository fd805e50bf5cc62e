using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The team gives a new voting code to someone on the census who lost theirs and has not voted; the old code stops
/// working. The log counts the new codes given (never whose), so a public reader sees how many there were.
/// </summary>
public static class ReissueVotingCode
{
    public sealed record Command(int BudgetId, string Reference) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : BudgetChange<Command, string>(budgets, BudgetAction.Manage)
    {
        public override async Task<string> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budgetId = change.Target.Budget.Id;
            var reference = command.Reference.Trim();
            var entry = await db.Set<CensusEntry>().SingleOrDefaultAsync(e => e.BudgetId == budgetId && e.Reference == reference, cancellationToken)
                ?? throw new BudgetRuleException("UnknownReference", "Reference");
            var key = BudgetVoter.ForCensusEntry(entry.Id);
            if (await db.Set<BudgetVoter>().AnyAsync(v => v.BudgetId == budgetId && v.VoterKey == key, cancellationToken))
            {
                throw new BudgetRuleException("AlreadyVoted", "Reference");
            }
            var code = VotingCodes.NewVotingCode();
            entry.CodeHash = VotingCodes.Hash(code);
            change.Log("budget.code-reissued", new { budget = budgetId });
            return code;
        }
    }
}
