using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A resident supports a proposal while proposals are collected and reviewed: once each. Supporting again changes
/// nothing. The log says only that a participant supported it.
/// </summary>
public static class SupportProposal
{
    public sealed record Command(int ProposalId) : IProposalCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : ProposalChange<Command, bool>(budgets, BudgetAction.Support)
    {
        public override async Task<bool> RunAsync(Change<ProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (proposal, userId) = (change.Target.Proposal, change.Target.Budget.Access.UserId!);
            if (await db.Set<ProposalSupport>().AnyAsync(s => s.ProposalId == proposal.Id && s.UserId == userId, cancellationToken))
            {
                return false;
            }
            // A parallel second support by the same person fails on the unique key; tried again, it finds this one.
            db.Add(new ProposalSupport { ProposalId = proposal.Id, UserId = userId });
            proposal.CountSupports(+1);
            change.LogAs(BudgetTarget.Participant, "proposal.supported", new { budget = proposal.BudgetId, proposal = proposal.Number });
            return true;
        }
    }
}

/// <summary>A resident withdraws their support while proposals are collected and reviewed; withdrawing again changes nothing.</summary>
public static class WithdrawSupport
{
    public sealed record Command(int ProposalId) : IProposalCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : ProposalChange<Command, bool>(budgets, BudgetAction.Support)
    {
        public override async Task<bool> RunAsync(Change<ProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (proposal, userId) = (change.Target.Proposal, change.Target.Budget.Access.UserId!);
            var support = await db.Set<ProposalSupport>().SingleOrDefaultAsync(s => s.ProposalId == proposal.Id && s.UserId == userId, cancellationToken);
            if (support is null)
            {
                return false;
            }
            db.Remove(support);
            proposal.CountSupports(-1);
            change.LogAs(BudgetTarget.Participant, "proposal.support-withdrawn", new { budget = proposal.BudgetId, proposal = proposal.Number });
            return true;
        }
    }
}
