using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The team moves a budget to its next phase, once what must be true first is true (a rule names what is missing).
/// Opening the vote makes the budget's election key (<see cref="ElectionKeys"/>) and publishes the ballot and the
/// counting rule in the log (they are locked from then on); closing it opens the sealed ballots and writes them again
/// (<see cref="BallotOpening"/>), logs their number and digest, and then destroys the key, once the internet ballots
/// agree with the voters marked online (<see cref="Reconciliation"/>) or the team explained the difference. Every
/// move is checkpointed.
/// The command names the phase it was given in, so a repeated click cannot skip a phase.
/// </summary>
public static class AdvanceBudgetPhase
{
    public sealed record Command(int BudgetId, BudgetPhase From) : IBudgetCommand;

    /// <summary>Whether the budget moved (false when it had already left <c>From</c>), and the phase it is in now.</summary>
    public sealed record Outcome(bool Moved, BudgetPhase Now);

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db, BallotPapers papers, ElectionKeys keys, Reconciliation reconciliation, Moderation.ModerationDirectory moderation, ILogger<Handler> logger)
        : BudgetChange<Command, Outcome>(budgets, BudgetAction.Manage)
    {
        public override async Task<Outcome> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            if (budget.Phase != command.From)
            {
                return new Outcome(false, budget.Phase);
            }
            if (await MissingAsync(budget, cancellationToken) is { } missing)
            {
                throw new BudgetRuleException(missing);
            }
            var to = budget.Advance(change.Now);
            if (to == BudgetPhase.Voting)
            {
                var onBallot = await db.Set<Proposal>().Where(p => p.BudgetId == budget.Id).ToListAsync(cancellationToken);
                // A proposal the moderators hide when voting opens stays off the ballot (one hidden later stays on it, its text hidden).
                var hidden = await moderation.StatusesAsync(ProposalContents.Kind, onBallot.Select(p => p.Id).ToList(), cancellationToken);
                onBallot.ForEach(p => p.PutOnBallot(!hidden[p.Id].IsShown));
                // Made (and on disk) before the phase is saved, so the first ballot finds it on every instance; its
                // check value lets every instance make sure it seals with this key.
                budget.ElectionKeyCheck = ElectionKeys.CheckOf(keys.GetOrCreate(budget.Id), budget.Id);
                var settings = CountingSettings.Of(budget);
                change.Log("budget.voting-opened", new
                {
                    budget = budget.Id,
                    title = budget.Title,
                    amount = budget.Amount,
                    currency = budget.Currency,
                    form = budget.Form.ToString(),
                    minProjects = budget.MinProjects,
                    maxProjects = budget.MaxProjects,
                    pointsToSpend = budget.PointsToSpend,
                    maxPointsPerProject = budget.MaxPointsPerProject,
                    rankDepth = budget.RankDepth,
                    eligibility = budget.Eligibility.ToString(),
                    ballotChanges = budget.AllowBallotChanges,
                    rule = settings.PabulibRule,
                    command = "cocreo pb run FILE " + string.Join(' ', settings.CommandLine()),
                    projects = onBallot.Where(p => p.OnBallot).OrderBy(p => p.Number)
                        .Select(p => new { number = p.Number, title = p.Title, cost = p.Cost }).ToList(),
                });
            }
            else if (to == BudgetPhase.Results)
            {
                // The phase change is saved first, in the change's transaction: from here on the ballot box refuses
                // this budget (on PostgreSQL the update waits for batches in flight, which hold the budget row FOR SHARE).
                await change.SaveAsync(cancellationToken);
                // Counted after that, in the same transaction: no ballot is in flight any more, so a difference is
                // real, not a batch that landed between two counts. Refused, the phase change is rolled back.
                if (await reconciliation.ForAsync(budget.Id, cancellationToken) is { InternetAccounted: false } numbers)
                {
                    throw new BudgetRuleException("ReconciliationInternetDiffers", null, numbers.Internet.Ballots, numbers.Internet.Voters);
                }
                var (count, digest) = await BallotOpening.OpenAsync(db, keys, budget.Id, cancellationToken);
                change.Log("budget.voting-closed", new { budget = budget.Id, title = budget.Title, ballots = count, digest });
            }
            else
            {
                change.Log("budget.phase-advanced", new { budget = budget.Id, title = budget.Title, from = command.From.ToString(), to = to.ToString() });
            }
            // Every phase change is checkpointed: a signed record of the log as it stands, for anyone to keep.
            change.Checkpoint();
            return new Outcome(true, to);
        }

        /// <summary>
        /// After the change is committed: this server forgets the budget's ballot (other servers' copies expire), and
        /// after the vote closed, the election key is destroyed and the space the old ballot rows took is cleaned.
        /// </summary>
        public async Task SettleAsync(Command command, Outcome outcome, CancellationToken cancellationToken)
        {
            if (!outcome.Moved)
            {
                return;
            }
            papers.Forget(command.BudgetId);
            if (outcome.Now == BudgetPhase.Results)
            {
                await BallotOpening.SettleAsync(db, keys, command.BudgetId, logger, cancellationToken);
            }
        }

        /// <summary>What must be true before the budget leaves its phase and is not (a rule code), or null.</summary>
        private async Task<string?> MissingAsync(Budget budget, CancellationToken cancellationToken)
        {
            switch (budget.Phase)
            {
                case BudgetPhase.Review:
                    var proposals = db.Set<Proposal>().Where(p => p.BudgetId == budget.Id);
                    if (await proposals.AnyAsync(p => p.Status == ProposalStatus.Submitted && p.WithdrawnAt == null, cancellationToken))
                    {
                        return "ProposalsNotReviewed";
                    }
                    if (!await proposals.AnyAsync(p => p.Status == ProposalStatus.Feasible && p.WithdrawnAt == null, cancellationToken))
                    {
                        return "NoFeasibleProject";
                    }
                    if (budget.Eligibility == Eligibility.Census && !await db.Set<CensusEntry>().AnyAsync(e => e.BudgetId == budget.Id, cancellationToken))
                    {
                        return "CensusMissing";
                    }
                    return null;
                case BudgetPhase.Results when !budget.ResultsArePublished:
                    return "ResultsNotPublished";
                case BudgetPhase.Implementation:
                    return "LastPhase";
                default:
                    return null;
            }
        }
    }
}
