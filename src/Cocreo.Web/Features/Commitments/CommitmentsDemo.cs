using Cocreo.Web.Data;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Commitments;

/// <summary>
/// The demo city's library renewal follows through: the librarian holds a commitment to open until 21:00 on weekdays
/// (in progress, one milestone reached), and the library's maintenance unit one for a quiet room, delayed with its
/// reason and new date.
/// </summary>
public sealed class CommitmentsDemo(CocreoDbContext db) : IDemoSeed
{
    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var processId = city.Process("library");
        var staff = LogActor.Named(city.Facilitator.DisplayName, "facilitator");
        city.Time.Advance(TimeSpan.FromDays(3));
        var today = DateOnly.FromDateTime(city.Time.Now);

        var evenings = Commitment.Make(processId, new CommitmentContent(
            "Open until 21:00 on weekdays",
            "From next term the reading room stays open until **21:00** from Monday to Friday, because working parents asked for it in many proposals.\n\nTwo librarians move their shifts; the evening security is paid from the library's own budget.",
            city.Librarian.Id, "Central library", today.AddMonths(4), "Library operating budget 2027, staff costs", 18_500m), today, city.Time.Now);
        evenings.AddMilestone("New shift plan agreed with the staff", today.AddMonths(1), city.Time.Now);
        evenings.AddMilestone("Evening opening starts", today.AddMonths(4), city.Time.Now);
        var quietRoom = Commitment.Make(processId, new CommitmentContent(
            "A quiet room for exam study",
            "The first-floor store room becomes a silent study room with six desks and sockets, open in the exam weeks.",
            null, "Library maintenance unit", today.AddMonths(2)), today, city.Time.Now);
        quietRoom.AddMilestone("Store room emptied", today.AddDays(20), city.Time.Now);
        db.AddRange(evenings, quietRoom);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var c in new[] { evenings, quietRoom })
        {
            await city.Log.AppendAsync(processId, staff, "commitment.made", new
            {
                commitment = c.Id, title = c.Title, unit = c.Unit, deadline = CommitmentChecks.Iso(c.Deadline), milestones = c.Milestones.Count, budget = c.BudgetAmount,
            });
        }

        city.Time.Advance(TimeSpan.FromDays(30));
        var later = DateOnly.FromDateTime(city.Time.Now);
        evenings.ChangeStatus(CommitmentStatus.InProgress, null, null, later, city.Time.Now);
        evenings.MarkMilestone(evenings.Milestones[0].Id, true, city.Time.Now);
        quietRoom.ChangeStatus(CommitmentStatus.Delayed, later.AddMonths(3), "The fire inspection asks for a second exit first; it is planned for the spring.", later, city.Time.Now);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, staff, "commitment.status-changed", new { commitment = evenings.Id, status = evenings.Status.ToString(), deadline = CommitmentChecks.Iso(evenings.Deadline), reason = "" });
        await city.Log.AppendAsync(processId, staff, "commitment.milestone-done", new { commitment = evenings.Id, milestone = evenings.Milestones[0].Id });
        await city.Log.AppendAsync(processId, staff, "commitment.status-changed", new { commitment = quietRoom.Id, status = quietRoom.Status.ToString(), deadline = CommitmentChecks.Iso(quietRoom.Deadline), reason = quietRoom.StatusReason });
    }
}
