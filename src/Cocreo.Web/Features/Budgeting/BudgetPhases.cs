using System.Globalization;
using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

public sealed record PhaseChange(BudgetPhase? To, string? Problem, bool Denied = false, bool NotFound = false);

/// <summary>
/// Moves a budget to its next phase, after checking what must be true first, in one transaction with its log entry.
/// Opening the vote publishes the ballot and the counting rule in the log (they are locked from then on); closing it
/// rewrites the ballots (<see cref="BallotMixing"/>) and logs their number and digest.
/// </summary>
public sealed class BudgetPhases(
    CocreoDbContext db,
    BudgetAccess access,
    ProcessLog log,
    BallotPapers papers,
    TimeProvider clock,
    ILogger<BudgetPhases> logger)
{
    public async Task<PhaseChange> AdvanceAsync(int budgetId, BudgetPhase from, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var closed = false;
        var change = await db.RetryOnConflictAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var target = await access.ForChangeAsync(budgetId, user, ct);
            if (target is null)
            {
                return new PhaseChange(null, null, NotFound: true);
            }
            if (!target.Allows(BudgetAction.Manage))
            {
                return new PhaseChange(null, null, Denied: true);
            }
            var (budget, process) = (target.Budget, target.Process);
            if (budget.Phase != from)
            {
                // A repeated click: the budget has already moved on.
                return new PhaseChange(budget.Phase, null);
            }
            var problem = await ProblemAsync(budget, ct);
            if (problem is not null)
            {
                return new PhaseChange(null, problem);
            }
            var actor = await LegacyChanges.ActorAsync(db, process, user, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var to = budget.Advance(now);
            if (to == BudgetPhase.Voting)
            {
                var onBallot = await db.Set<Proposal>().Where(p => p.BudgetId == budget.Id).ToListAsync(ct);
                onBallot.ForEach(p => p.PutOnBallot());
                var settings = CountingSettings.Of(budget);
                log.Append(process, actor, "budget.voting-opened", new
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
                await db.SaveChangesAsync(ct);
            }
            else if (to == BudgetPhase.Results)
            {
                // The phase change is saved first: from here on the ballot box refuses this budget (on PostgreSQL the
                // update waits for batches in flight, which hold the budget row FOR SHARE).
                await db.SaveChangesAsync(ct);
                var (count, digest) = await BallotMixing.MixAsync(db, budget.Id, ct);
                log.Append(process, actor, "budget.voting-closed", new { budget = budget.Id, title = budget.Title, ballots = count, digest });
                await db.SaveChangesAsync(ct);
                closed = true;
            }
            else
            {
                log.Append(process, actor, "budget.phase-advanced", new { budget = budget.Id, title = budget.Title, from = from.ToString(), to = to.ToString() });
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return new PhaseChange(to, null);
        }, cancellationToken);
        if (change.To is not null)
        {
            papers.Forget(budgetId);
        }
        if (closed)
        {
            await BallotMixing.CleanUpAsync(db, logger, cancellationToken);
        }
        return change;
    }

    private async Task<string?> ProblemAsync(Budget budget, CancellationToken cancellationToken)
    {
        switch (budget.Phase)
        {
            case BudgetPhase.Review:
                var proposals = db.Set<Proposal>().Where(p => p.BudgetId == budget.Id);
                if (await proposals.AnyAsync(p => p.Status == ProposalStatus.Submitted, cancellationToken))
                {
                    return "ProposalsNotReviewed";
                }
                if (!await proposals.AnyAsync(p => p.Status == ProposalStatus.Feasible, cancellationToken))
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

    /// <summary>Plans the dates of the phases (shown to everyone; the moves themselves are made by staff).</summary>
    public async Task<PhaseChange> PlanAsync(int budgetId, IReadOnlyList<(BudgetPhase Phase, DateOnly? Start, DateOnly? End)> plans, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
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
            var actor = await LegacyChanges.ActorAsync(db, target.Process, user, ct);
            foreach (var (phase, start, end) in plans)
            {
                var current = target.Budget.Phases.Single(p => p.Phase == phase);
                if (current.PlannedStart == start && current.PlannedEnd == end)
                {
                    continue;
                }
                try
                {
                    target.Budget.PlanPhase(phase, start, end);
                }
                catch (BudgetRuleException rule)
                {
                    return new PhaseChange(null, rule.Code);
                }
                log.Append(target.Process, actor, "budget.phase-planned", new
                {
                    budget = budgetId,
                    phase = phase.ToString(),
                    plannedStart = start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    plannedEnd = end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                });
            }
            await db.SaveChangesAsync(ct);
            return new PhaseChange(target.Budget.Phase, null);
        }, cancellationToken);
}
