using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The team enters a paper ballot, twice, by two different people: the first entry waits; the second is typed
/// without seeing the first, and only when both agree is the ballot counted (marked as paper, with no receipt). The
/// serial printed on each paper can be counted once. The log names both people; it never holds the ballot's content.
/// The choice is checked against the ballot's form before the change runs.
/// </summary>
public static class EnterPaperBallot
{
    public sealed record Command(int BudgetId, string Serial, BallotChoice Choice) : IBudgetCommand;

    /// <summary>Whether the entry counted the ballot (the second agreeing entry) or waits for its second entry.</summary>
    public sealed record Outcome(bool Counted);

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db, BallotPapers papers) : BudgetChange<Command, Outcome>(budgets, BudgetAction.EnterPaperBallots)
    {
        public override async Task<Outcome> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (budget, access) = (change.Target.Budget, change.Target.Access);
            var serial = command.Serial.Trim();
            var paper = (await papers.ForAsync(budget.Id, cancellationToken))!;
            var userId = access.UserId!;
            var existing = await db.Set<PaperBallotEntry>().SingleOrDefaultAsync(e => e.BudgetId == budget.Id && e.Serial == serial, cancellationToken);
            if (existing is null)
            {
                db.Add(new PaperBallotEntry
                {
                    BudgetId = budget.Id,
                    Serial = serial,
                    Projects = command.Choice.ProjectsText,
                    Points = paper.HasPoints ? command.Choice.PointsText : null,
                    EnteredByUserId = userId,
                    EnteredByName = change.Actor.Name ?? "",
                    EnteredAt = change.Now,
                });
                // A second first entry of the same serial at the same moment fails on the unique key; the runner
                // tries it again, and it finds this one: a second entry.
                return new Outcome(false);
            }
            if (existing.Counted)
            {
                throw new BudgetRuleException("PaperAlreadyCounted", "Serial", serial);
            }
            if (existing.EnteredByUserId == userId)
            {
                throw new BudgetRuleException("PaperSamePerson", "Serial", serial);
            }
            var first = BallotChoice.Decode(existing.Projects, existing.Points, "");
            if (!first.SameAs(command.Choice with { Points = paper.HasPoints ? command.Choice.Points : null }))
            {
                throw new BudgetRuleException("PaperMismatch", null, serial);
            }
            budget.RecordPaperBallot();
            db.Add(new BudgetBallot
            {
                Id = RandomIds.Next(),
                BudgetId = budget.Id,
                Projects = existing.Projects,
                Points = existing.Points,
                Answers = "",
                IsPaper = true,
            });
            existing.Counted = true;
            existing.ConfirmedByName = change.Actor.Name;
            existing.Projects = "";
            existing.Points = null;
            change.Log("paper-ballot.counted", new { budget = budget.Id, serial, enteredBy = existing.EnteredByName, confirmedBy = change.Actor.Name });
            return new Outcome(true);
        }
    }
}
