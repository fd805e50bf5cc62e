using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// At a polling station the team marks a person of the census as having voted on paper (before they get the paper
/// ballot), through the ballot box's unique key for voters: they cannot then vote online, nor get a second paper
/// ballot. The marker says "paper", so the paper ballots counted can be reconciled with the people marked
/// (<see cref="Reconciliation"/>). Nothing is logged: the marked register is not public.
/// </summary>
public static class MarkVotedOnPaper
{
    public sealed record Command(int BudgetId, string Reference) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets, Census census, BallotBox box) : BudgetChange<Command, Done>(budgets, BudgetAction.EnterPaperBallots)
    {
        public override Decision Decide(BudgetTarget target, Command command) =>
            base.Decide(target, command).And(() => target.Budget.Phase == BudgetPhase.Voting
                ? Decision.Allowed
                : Decision.NotNow(BudgetRules.VoteMessage(VoteStatus.VotingClosed), typeof(BudgetingPermissions)));

        public override async Task<Done> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budgetId = change.Target.Budget.Id;
            var person = await census.FindAsync(budgetId, command.Reference, cancellationToken)
                ?? throw new BudgetRuleException("UnknownReference", "Reference");
            return await box.CastAsync(new BallotSubmission(budgetId, BudgetVoter.ForCensusEntry(person.Entry.Id), null, Channel: VoterChannel.Paper)) switch
            {
                CastOutcome.Recorded => new Done(),
                CastOutcome.AlreadyVoted => throw new BudgetRuleException("AlreadyVoted", "Reference"),
                CastOutcome.VotingClosed => throw new BudgetRuleException("VotingClosed"),
                _ => throw new BudgetRuleException("NotRecorded"),
            };
        }
    }
}
