using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team merges a duplicate proposal into another; its supporters now support the other, once each, and its debate moves there.</summary>
public static class MergeProposal
{
    public sealed record Command(int ProposalId, int Into) : IProposalCommand;

    /// <summary>How many supports were carried over to the proposal merged into.</summary>
    public sealed record Outcome(int Carried);

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db, Debate.DebateCarryOver debates) : ProposalChange<Command, Outcome>(budgets, BudgetAction.Review)
    {
        public override async Task<Outcome> RunAsync(Change<ProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (duplicate, budget) = (change.Target.Proposal, change.Target.Budget.Budget);
            var original = await db.Set<Proposal>().SingleOrDefaultAsync(p => p.Id == command.Into, cancellationToken);
            try
            {
                duplicate.MergeInto(original ?? throw new BudgetRuleException("CannotMerge"), budget);
            }
            catch (BudgetRuleException rule)
            {
                throw new BudgetRuleException(rule.Code, "MergeInto");
            }
            var supports = await db.Set<ProposalSupport>().Where(s => s.ProposalId == duplicate.Id).ToListAsync(cancellationToken);
            var already = await db.Set<ProposalSupport>().Where(s => s.ProposalId == original.Id).Select(s => s.UserId).ToListAsync(cancellationToken);
            var carried = 0;
            foreach (var support in supports)
            {
                if (!already.Contains(support.UserId))
                {
                    db.Add(new ProposalSupport { ProposalId = original.Id, UserId = support.UserId });
                    carried++;
                }
                db.Remove(support);
            }
            original.CountSupports(carried);
            duplicate.CountSupports(-duplicate.SupportCount);
            var comments = await debates.CarryAsync(Debate.DebateKinds.Proposal, duplicate.Id, original.Id, cancellationToken);
            change.Log("proposal.merged", new { budget = budget.Id, duplicate = duplicate.Number, into = original.Number, supportsCarriedOver = carried, commentsCarriedOver = comments });
            return new Outcome(carried);
        }
    }
}
