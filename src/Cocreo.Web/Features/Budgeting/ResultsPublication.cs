using System.Security.Claims;
using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// Counts a closed vote with the engine and publishes the result, in one transaction with its log entry: every
/// project funded or not with its reason, the ballots' digest, and the funded projects marked for implementation.
/// </summary>
public sealed class ResultsPublication(CocreoDbContext db, BudgetAccess access, BallotPapers papers, ProcessLog log, TimeProvider clock)
{
    public async Task<PhaseChange> PublishAsync(int budgetId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await db.RetryOnConflictAsync(async ct =>
        {
            var target = await access.ForChangeAsync(budgetId, user, ct);
            if (target is null)
            {
                return new PhaseChange(null, null, NotFound: true);
            }
            if (!target.Allows(BudgetAction.Manage))
            {
                return new PhaseChange(null, null, Denied: true);
            }
            var budget = target.Budget;
            if (budget.Phase != BudgetPhase.Results || budget.ResultsArePublished)
            {
                return new PhaseChange(null, "NotCounting");
            }
            if (await db.Set<PaperBallotEntry>().AnyAsync(e => e.BudgetId == budgetId && !e.Counted, ct))
            {
                return new PhaseChange(null, "PaperBallotsPending");
            }
            var paper = (await papers.ForAsync(budgetId, ct))!;
            // Only what is counted: not the identifiers, not the receipts' hashes.
            var ballots = await db.Set<BudgetBallot>().AsNoTracking().Where(b => b.BudgetId == budgetId)
                .Select(b => new BudgetBallot { BudgetId = b.BudgetId, Projects = b.Projects, Points = b.Points, Answers = b.Answers, IsPaper = b.IsPaper })
                .ToListAsync(ct);
            var document = Counting.Count(paper, CountingSettings.Of(budget), ballots);
            var digest = BallotDigest.Of(ballots);
            var now = clock.GetUtcNow().UtcDateTime;
            db.Add(new BudgetResult
            {
                BudgetId = budgetId,
                PublishedAt = now,
                Ballots = document.Ballots,
                PaperBallots = document.PaperBallots,
                BallotDigest = digest,
                Document = JsonSerializer.Serialize(document, Counting.Json),
            });
            var funded = document.Projects.Where(p => p.Funded).Select(p => p.Number).ToHashSet();
            foreach (var proposal in await db.Set<Proposal>().Where(p => p.BudgetId == budgetId && p.OnBallot).ToListAsync(ct))
            {
                proposal.RecordOutcome(funded.Contains(proposal.Number));
            }
            budget.RecordPublication(now);
            log.Append(target.Process, await LegacyChanges.ActorAsync(db, target.Process, user, ct), "budget.results-published", new
            {
                budget = budgetId,
                title = budget.Title,
                ballots = document.Ballots,
                paperBallots = document.PaperBallots,
                digest,
                funded = document.Projects.Where(p => p.Funded).OrderBy(p => p.SelectedAs).Select(p => p.Number).ToList(),
                spent = document.Spent,
            });
            await db.SaveChangesAsync(ct);
            return new PhaseChange(budget.Phase, null);
        }, cancellationToken);

    public async Task<(BudgetResult Result, ResultsDocument Document)?> FindAsync(int budgetId, CancellationToken cancellationToken = default)
    {
        var result = await db.Set<BudgetResult>().AsNoTracking().SingleOrDefaultAsync(r => r.BudgetId == budgetId, cancellationToken);
        return result is null ? null : (result, JsonSerializer.Deserialize<ResultsDocument>(result.Document, Counting.Json)!);
    }
}
