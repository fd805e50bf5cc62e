using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The author adds a picture to their proposal while proposals are collected; the team does it for any proposal
/// while they review. Counted again inside the change: two pictures sent at once do not make five. The team is named
/// in the log, an author only by role.
/// </summary>
public static class AddProposalImage
{
    public sealed record Command(int ProposalId, ImageFile Image, string AltText) : IProposalCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : ProposalChange<Command, Done>(budgets, BudgetAction.IllustrateOwnProposal)
    {
        public override Decision Decide(ProposalTarget target, Command command) => target.Budget.DecideIllustrating(target.Proposal);

        public override async Task<Done> RunAsync(Change<ProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            if (await db.Set<ProposalImage>().CountAsync(i => i.ProposalId == proposal.Id, cancellationToken) >= ImageFile.MaxPerProposal)
            {
                throw new BudgetRuleException("TooManyImages", "NewImage", ImageFile.MaxPerProposal);
            }
            var image = ProposalImage.For(proposal.Id, command.Image, command.AltText, change.Now, change.Target.Budget.Access.UserId);
            db.Add(image);
            change.Log("proposal.image-added", new { budget = proposal.BudgetId, proposal = proposal.Number, description = image.AltText });
            return new Done();
        }
    }
}

/// <summary>Removes a picture of a proposal (the same people who add them); removing it again changes nothing.</summary>
public static class RemoveProposalImage
{
    public sealed record Command(int ProposalId, int ImageId) : IProposalCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : ProposalChange<Command, Done>(budgets, BudgetAction.IllustrateOwnProposal)
    {
        public override Decision Decide(ProposalTarget target, Command command) => target.Budget.DecideIllustrating(target.Proposal);

        public override async Task<Done> RunAsync(Change<ProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            var image = await db.Set<ProposalImage>().SingleOrDefaultAsync(i => i.Id == command.ImageId && i.ProposalId == proposal.Id, cancellationToken);
            if (image is not null)
            {
                db.Remove(image);
                change.Log("proposal.image-removed", new { budget = proposal.BudgetId, proposal = proposal.Number, description = image.AltText });
            }
            return new Done();
        }
    }
}
