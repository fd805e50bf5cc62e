using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A second member of the team confirms a request for a new voting code (<see cref="RequestCodeReissue"/>): only now
/// is the code made; the old one stops working. The one who asked cannot confirm it.
/// <para>
/// The new code is shown once, to the person who confirms, in the answer to the confirmation, and never stored
/// readable: showing it to the one who asked would mean keeping it somewhere until they come back for it. The
/// confirming member is therefore the one who hands it to the voter (at a polling station, after seeing who they are),
/// and neither member alone holds a code they made for themselves.
/// </para>
/// The log counts it by the request's number and how many new codes the budget has given, never naming the voter.
/// </summary>
public static class ConfirmCodeReissue
{
    public sealed record Command(int BudgetId, int Number) : IBudgetCommand;

    /// <summary>Who the new code is for, and the code (shown once).</summary>
    public sealed record Outcome(string Reference, string Name, string Code);

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : BudgetChange<Command, Outcome>(budgets, BudgetAction.Manage)
    {
        public override async Task<Outcome> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            var requests = db.Set<CodeReissueRequest>().Where(r => r.BudgetId == budget.Id);
            var request = await requests.SingleOrDefaultAsync(r => r.Number == command.Number, cancellationToken)
                ?? throw new BudgetRuleException("ReissueUnknown", null, command.Number);
            request.Confirm(budget, change.Target.Access.UserId!, change.Actor.Name ?? "", change.Now);
            var entry = await db.Set<CensusEntry>().SingleAsync(e => e.Id == request.CensusEntryId, cancellationToken);
            var key = BudgetVoter.ForCensusEntry(entry.Id);
            if (await db.Set<BudgetVoter>().AnyAsync(v => v.BudgetId == budget.Id && v.VoterKey == key, cancellationToken))
            {
                throw new BudgetRuleException("ReissueVoted", null, request.Number);
            }
            var code = VotingCodes.NewVotingCode();
            entry.CodeHash = VotingCodes.Hash(code);
            var reissued = await requests.CountAsync(r => r.Status == ReissueStatus.Confirmed, cancellationToken) + 1;
            change.Log("budget.code-reissued", new { budget = budget.Id, request = request.Number, reissued });
            return new Outcome(entry.Reference, entry.Name, code);
        }
    }
}
