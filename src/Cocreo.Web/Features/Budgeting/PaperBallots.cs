using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

public enum PaperStatus
{
    /// <summary>First entry saved; a second person must enter the same ballot.</summary>
    AwaitingSecondEntry,

    /// <summary>The second entry agreed: the ballot is counted.</summary>
    Counted,

    /// <summary>The second entry differs from the first: nothing is counted until the paper is checked.</summary>
    Mismatch,

    /// <summary>The same person tried to confirm their own entry.</summary>
    SamePerson,
    AlreadyCounted,
    Invalid,
    Discarded,
    UnknownSerial,
    NotFound,
    Denied,
    Closed,
}

public sealed record PaperResult(PaperStatus Status, IReadOnlyList<BallotProblem>? Problems = null);

/// <summary>
/// Paper ballots, entered twice by two different staff members: the first entry waits; the second is typed without
/// seeing the first, and only when both agree is the ballot counted (marked as paper, with no receipt). The serial
/// printed on each paper can be counted once. The log names both people; it never holds the ballot's content.
/// </summary>
public sealed class PaperBallots(CocreoDbContext db, BudgetAccess access, BallotPapers papers, ProcessLog log, TimeProvider clock)
{
    public async Task<PaperResult> EnterAsync(int budgetId, string serial, BallotChoice choice, ClaimsPrincipal user, Func<decimal, string> money, CancellationToken cancellationToken = default)
    {
        serial = serial.Trim();
        var paper = await papers.ForAsync(budgetId, cancellationToken);
        if (paper is null)
        {
            return new(PaperStatus.NotFound);
        }
        var problems = paper.Check(choice, money);
        if (problems.Count > 0)
        {
            return new(PaperStatus.Invalid, problems);
        }
        return await db.RetryOnConflictAsync(async ct =>
        {
            var target = await access.ForChangeAsync(budgetId, user, ct);
            if (target is null)
            {
                return new PaperResult(PaperStatus.NotFound);
            }
            if (!target.Allows(BudgetAction.EnterPaperBallots))
            {
                return new PaperResult(target.Allows(BudgetAction.Manage) ? PaperStatus.Closed : PaperStatus.Denied);
            }
            var userId = user.UserId()!;
            var existing = await db.Set<PaperBallotEntry>().SingleOrDefaultAsync(e => e.BudgetId == budgetId && e.Serial == serial, ct);
            var actor = await LegacyChanges.ActorAsync(db, target.Process, user, ct);
            if (existing is null)
            {
                db.Add(new PaperBallotEntry
                {
                    BudgetId = budgetId,
                    Serial = serial,
                    Projects = choice.ProjectsText,
                    Points = paper.HasPoints ? choice.PointsText : null,
                    EnteredByUserId = userId,
                    EnteredByName = actor.Name ?? "",
                    EnteredAt = clock.GetUtcNow().UtcDateTime,
                });
                // A second first entry of the same serial at the same moment fails on the unique key and is retried as a second entry.
                await db.SaveChangesAsync(ct);
                return new PaperResult(PaperStatus.AwaitingSecondEntry);
            }
            if (existing.Counted)
            {
                return new PaperResult(PaperStatus.AlreadyCounted);
            }
            if (existing.EnteredByUserId == userId)
            {
                return new PaperResult(PaperStatus.SamePerson);
            }
            var first = BallotChoice.Decode(existing.Projects, existing.Points, "");
            if (!first.SameAs(choice with { Points = paper.HasPoints ? choice.Points : null }))
            {
                return new PaperResult(PaperStatus.Mismatch);
            }
            target.Budget.RecordPaperBallot();
            db.Add(new BudgetBallot
            {
                Id = RandomIds.Next(),
                BudgetId = budgetId,
                ReceiptHash = null,
                Projects = existing.Projects,
                Points = existing.Points,
                Answers = "",
                IsPaper = true,
            });
            existing.Counted = true;
            existing.ConfirmedByName = actor.Name;
            existing.Projects = "";
            existing.Points = null;
            log.Append(target.Process, actor, "paper-ballot.counted", new { budget = budgetId, serial, enteredBy = existing.EnteredByName, confirmedBy = actor.Name });
            await db.SaveChangesAsync(ct);
            return new PaperResult(PaperStatus.Counted);
        }, cancellationToken);
    }

    /// <summary>Removes a first entry that is wrong (after a mismatch), so the paper can be entered again.</summary>
    public async Task<PaperResult> DiscardAsync(int budgetId, string serial, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await db.RetryOnConflictAsync(async ct =>
        {
            var target = await access.ForChangeAsync(budgetId, user, ct);
            if (target is null)
            {
                return new PaperResult(PaperStatus.NotFound);
            }
            if (!target.Allows(BudgetAction.EnterPaperBallots))
            {
                return new PaperResult(PaperStatus.Denied);
            }
            var entry = await db.Set<PaperBallotEntry>().SingleOrDefaultAsync(e => e.BudgetId == budgetId && e.Serial == serial.Trim() && !e.Counted, ct);
            if (entry is null)
            {
                return new PaperResult(PaperStatus.UnknownSerial);
            }
            db.Remove(entry);
            log.Append(target.Process, await LegacyChanges.ActorAsync(db, target.Process, user, ct), "paper-ballot.discarded", new { budget = budgetId, serial = entry.Serial, enteredBy = entry.EnteredByName });
            await db.SaveChangesAsync(ct);
            return new PaperResult(PaperStatus.Discarded);
        }, cancellationToken);

    public async Task<List<PaperBallotEntry>> EntriesAsync(int budgetId, CancellationToken cancellationToken = default) =>
        await db.Set<PaperBallotEntry>().AsNoTracking().Where(e => e.BudgetId == budgetId).OrderBy(e => e.Counted).ThenBy(e => e.Serial).ToListAsync(cancellationToken);
}
