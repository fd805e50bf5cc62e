using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>Only its author edits or withdraws a proposal, with <paramref name="action"/> allowed on the budget as it is now.</summary>
internal static class OwnProposal
{
    public static Decision Decide(ProposalTarget target, BudgetAction action) =>
        target.Budget.Decide(action)
            .And(() => target.Proposal.AuthorUserId == target.Budget.Access.UserId
                ? Decision.Allowed
                : Decision.NotYours("Only its author edits or withdraws a proposal; the moderators can hide it.", typeof(BudgetingPermissions)));
}

/// <summary>
/// Its author changes a proposal's title and description while the budget collects proposals and before it is
/// reviewed; the page then says "edited", the text it replaced is kept for the moderators, and the edit is a new
/// version of the project's text (as an accepted amendment is). A hidden proposal
/// cannot be edited (it would come back changed unseen).
/// </summary>
public static class EditProposal
{
    public sealed record Command(int ProposalId, string Title, string Description) : IProposalCommand;

    public sealed class Handler(BudgetAccess budgets, ModerationDirectory moderation, Amendments.TextVersions versions) : ProposalChange<Command, Done>(budgets, BudgetAction.EditOwnProposal)
    {
        public override Decision Decide(ProposalTarget target, Command command) =>
            OwnProposal.Decide(target, BudgetAction.EditOwnProposal).And(() => BudgetTarget.OpenDecision(target.Proposal));

        public override async Task<Done> RunAsync(Change<ProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            if ((await moderation.StatusAsync(ProposalContents.Kind, proposal.Id, cancellationToken)) is { IsShown: false, IsPending: false })
            {
                RefusedException.Unless(Decision.NotNow("The moderators hid this proposal: it can no longer be edited.", typeof(BudgetingPermissions)), isAuthenticated: true);
            }
            var original = Proposals.ProcessProposalAmendmentTargets.Original(proposal);
            if (proposal.Edit(change.Target.Budget.Budget, command.Title, command.Description, change.Now) is { } before)
            {
                moderation.KeepReplacedText(ProposalContents.Kind, proposal.Id, before, deleted: false, change.Now);
                // A new version, so that an amendment written on the text before this edit must be brought up to date
                // before its author can accept it (it would otherwise undo the edit).
                var version = await versions.RecordAsync(Debate.DebateKinds.Proposal, proposal.Id, change.Target.Budget.Process.Id, original,
                    new Amendments.AmendedText(proposal.Title, proposal.Description), change.Target.Budget.Access.UserId, null, change.Now, cancellationToken);
                change.LogAs(BudgetTarget.Participant, "proposal.edited", new { budget = proposal.BudgetId, proposal = proposal.Number, title = proposal.Title });
                change.LogAs(BudgetTarget.Participant, "proposal.versioned", new { budget = proposal.BudgetId, proposal = proposal.Number, version });
            }
            return new Done();
        }
    }
}

/// <summary>
/// Its author withdraws a proposal until voting opens: it stays readable with a notice, and is supported, reviewed
/// and put on the ballot no more. Withdrawing it again changes nothing.
/// </summary>
public static class WithdrawProposal
{
    public sealed record Command(int ProposalId) : IProposalCommand;

    public sealed class Handler(BudgetAccess budgets) : ProposalChange<Command, Done>(budgets, BudgetAction.WithdrawOwnProposal)
    {
        public override Decision Decide(ProposalTarget target, Command command) =>
            OwnProposal.Decide(target, BudgetAction.WithdrawOwnProposal)
                .And(() => target.Proposal.Status == ProposalStatus.Merged ? BudgetTarget.OpenDecision(target.Proposal) : Decision.Allowed);

        public override Task<Done> RunAsync(Change<ProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            if (proposal.Withdraw(change.Target.Budget.Budget, change.Now))
            {
                change.LogAs(BudgetTarget.Participant, "proposal.withdrawn", new { budget = proposal.BudgetId, proposal = proposal.Number });
            }
            return Task.FromResult(new Done());
        }
    }
}
