using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team reviews a proposal: feasible (with its final cost) or not, with a public reason; logged in full.</summary>
public static class ReviewProposal
{
    public sealed record Command(int ProposalId, bool Feasible, string Reason, decimal? FinalCost) : IProposalCommand;

    public sealed class Handler(BudgetAccess budgets) : ProposalChange<Command, Done>(budgets, BudgetAction.Review)
    {
        public override Task<Done> RunAsync(Change<ProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (proposal, budget) = (change.Target.Proposal, change.Target.Budget.Budget);
            try
            {
                proposal.Review(budget, command.Feasible, command.Reason, command.Feasible ? command.FinalCost : null, change.Now);
            }
            catch (BudgetRuleException rule) when (rule.Code.StartsWith("FinalCost", StringComparison.Ordinal))
            {
                throw new BudgetRuleException(rule.Code, "Input.FinalCost");
            }
            change.Log("proposal.reviewed", new
            {
                budget = budget.Id,
                proposal = proposal.Number,
                title = proposal.Title,
                feasible = command.Feasible,
                reason = proposal.ReviewReason,
                finalCost = proposal.FinalCost,
            });
            return Task.FromResult(new Done());
        }
    }
}
