using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The team counts a closed vote with the engine and publishes the result, in one transaction with its log entry:
/// every project funded or not with its reason, the ballots' digest, and the funded projects marked for implementation.
/// Not while paper ballots wait for their second entry, nor while the ballots and the marked register differ per
/// channel (<see cref="Reconciliation"/>) beyond what the team's recorded decision explained.
/// </summary>
public static class PublishResults
{
    public sealed record Command(int BudgetId) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db, BallotPapers papers, Reconciliation reconciliation) : BudgetChange<Command, Done>(budgets, BudgetAction.Manage)
    {
        public override async Task<Done> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            if (budget.Phase != BudgetPhase.Results || budget.ResultsArePublished)
            {
                throw new BudgetRuleException("NotCounting");
            }
            if (await db.Set<PaperBallotEntry>().AnyAsync(e => e.BudgetId == budget.Id && !e.Counted, cancellationToken))
            {
                throw new BudgetRuleException("PaperBallotsPending");
            }
            if (await reconciliation.ForAsync(budget.Id, cancellationToken) is { Accounted: false } numbers)
            {
                throw new BudgetRuleException("ReconciliationDiffers", null, numbers.Numbers);
            }
            var paper = (await papers.ForAsync(budget.Id, cancellationToken))!;
            // Only what is counted: not the identifiers, not the receipts' hashes.
            var ballots = await db.Set<BudgetBallot>().AsNoTracking().Where(b => b.BudgetId == budget.Id)
                .Select(b => new BudgetBallot { BudgetId = b.BudgetId, Projects = b.Projects, Points = b.Points, Answers = b.Answers, IsPaper = b.IsPaper })
                .ToListAsync(cancellationToken);
            var document = Counting.Count(paper, CountingSettings.Of(budget), ballots);
            var digest = BallotDigest.Of(ballots);
            db.Add(new BudgetResult
            {
                BudgetId = budget.Id,
                PublishedAt = change.Now,
                Ballots = document.Ballots,
                PaperBallots = document.PaperBallots,
                BallotDigest = digest,
                Document = JsonSerializer.Serialize(document, Counting.Json),
            });
            var funded = document.Projects.Where(p => p.Funded).Select(p => p.Number).ToHashSet();
            foreach (var proposal in await db.Set<Proposal>().Where(p => p.BudgetId == budget.Id && p.OnBallot).ToListAsync(cancellationToken))
            {
                proposal.RecordOutcome(funded.Contains(proposal.Number));
            }
            budget.RecordPublication(change.Now);
            change.Log("budget.results-published", new
            {
                budget = budget.Id,
                title = budget.Title,
                ballots = document.Ballots,
                paperBallots = document.PaperBallots,
                digest,
                funded = document.Projects.Where(p => p.Funded).OrderBy(p => p.SelectedAs).Select(p => p.Number).ToList(),
                spent = document.Spent,
            });
            return new Done();
        }
    }
}
