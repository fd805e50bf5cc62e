using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A resident proposes a project while the budget collects proposals, with at most one picture; a resubmitted form
/// proposes it once. The log names the participant by role only.
/// </summary>
public static class ProposeProject
{
    public sealed record Command(int BudgetId, ProposalContent Content, ImageFile? Image, string? ImageAlt, Guid SubmissionId) : IBudgetCommand, ISubmittedOnce;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db, Moderation.ModerationDirectory moderation) : BudgetChange<Command, int>(budgets, BudgetAction.Propose)
    {
        public override async Task<int> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = Proposal.Submit(change.Target.Budget, command.Content, change.Target.Access.UserId!, change.Now);
            if (command.Image is not null)
            {
                proposal.Images.Add(ProposalImage.From(command.Image, command.ImageAlt!, change.Now));
            }
            db.Add(proposal);
            await change.SaveAsync(cancellationToken);
            change.LogAs(BudgetTarget.Participant, "proposal.submitted", new
            {
                budget = command.BudgetId,
                number = proposal.Number,
                title = proposal.Title,
                category = proposal.Category,
                estimatedCost = proposal.EstimatedCost,
                images = proposal.Images.Count,
            });
            await moderation.HoldIfPreModeratedAsync(change, ProposalContents.Kind, proposal.Id, change.Target.Process.Id, new { budget = command.BudgetId, proposal = proposal.Number }, cancellationToken);
            return proposal.Id;
        }
    }
}
