using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A resident comments on a proposal, under the name they chose for their account; a double click publishes it
/// once. The log says only that a participant commented.
/// </summary>
public static class CommentOnProposal
{
    public sealed record Command(int ProposalId, string Body, Guid SubmissionId) : IProposalCommand, ISubmittedOnce;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db, Moderation.ModerationDirectory moderation) : ProposalChange<Command, Done>(budgets, BudgetAction.Comment)
    {
        /// <summary>A merged proposal can still be talked about.</summary>
        public override Decision Decide(ProposalTarget target, Command command) => target.Budget.Decide(BudgetAction.Comment);

        public override async Task<Done> RunAsync(Change<ProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (proposal, userId) = (change.Target.Proposal, change.Target.Budget.Access.UserId!);
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            var comment = db.Add(ProposalComment.Post(proposal.Id, userId, name, command.Body, change.Now)).Entity;
            // A comment that waits for the moderators says so in its entry: its followers hear of it once it is published.
            var held = await moderation.SettingsAsync(change.Target.Budget.Process.Id, cancellationToken) is { PreModeration: true };
            change.LogAs(BudgetTarget.Participant, "proposal.commented", held
                ? new { budget = proposal.BudgetId, proposal = proposal.Number, held = true }
                : new { budget = proposal.BudgetId, proposal = proposal.Number });
            if (held)
            {
                await change.SaveAsync(cancellationToken);   // its id, for the moderation that holds it
                await moderation.HoldIfPreModeratedAsync(change, ProposalComments.Kind, comment.Id, change.Target.Budget.Process.Id, new { budget = proposal.BudgetId, proposal = proposal.Number }, cancellationToken);
            }
            return new Done();
        }
    }
}
