using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team reports how a funded project is being built, once the results are published; logged and shown on the project's page.</summary>
public static class ReportProgress
{
    public sealed record Command(int ProposalId, ImplementationStatus Status, int Progress, string Text) : IProposalCommand;

    public sealed class Handler(BudgetAccess budgets) : ProposalChange<Command, Done>(budgets, BudgetAction.ReportProgress)
    {
        public override Task<Done> RunAsync(Change<ProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (proposal, budget) = (change.Target.Proposal, change.Target.Budget.Budget);
            proposal.ReportProgress(budget, command.Status, command.Progress, command.Text, change.Actor.Name ?? "", change.Now);
            change.Log("project.progress", new
            {
                budget = budget.Id,
                project = proposal.Number,
                title = proposal.Title,
                status = proposal.Implementation.ToString(),
                progress = proposal.Progress,
                text = command.Text,
            });
            return Task.FromResult(new Done());
        }
    }
}
