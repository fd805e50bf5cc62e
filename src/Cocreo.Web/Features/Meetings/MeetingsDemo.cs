using Cocreo.Web.Data;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings;

/// <summary>
/// The demo city's meetings in the old town's process: a past walk through the old town with its check-ins, a
/// walk-in and the attendance in the log; and a residents' evening coming up (about ten days after the demo is made)
/// that is full, with needs for the organisers to prepare for and two people on the waiting list.
/// </summary>
public sealed class MeetingsDemo(CocreoDbContext db, TimeProvider clock) : IDemoSeed
{
    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var processId = city.Process("old-town");
        var process = await db.Set<Process>().SingleAsync(p => p.Id == processId, cancellationToken);
        var facilitator = LogActor.Named(city.Facilitator.DisplayName, "facilitator");
        // Dated from the real clock, not the demo's walking one (which other seeds move on by days), so that one
        // meeting is past and one to come whenever the demo is made.
        var now = clock.GetUtcNow().UtcDateTime;
        var planned = now.AddDays(-12);
        var walkStart = now.AddDays(-5).Date.AddHours(15);
        var walk = Meeting.Plan(process.OrganisationId, process.Id, new MeetingDetails(
            "Walking the old town's streets together",
            "A two-hour walk with residents, shopkeepers and the city's traffic planners: we stop at the five places people mention most in the conversation and look at them together.\n\nMeet at the fountain on the main square. The route is step-free; a minibus follows for anyone who needs a rest.",
            walkStart, walkStart.AddHours(2), MeetingKind.InPerson,
            new MeetingPlace("Main square 1", "At the fountain", true, false, true, "The route is step-free; a minibus follows the walk."),
            null, 25, true), planned, process.Language, isDemo: true);
        db.Add(walk);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(process.Id, facilitator, "meeting.planned", MeetingLogData.Of(walk), cancellationToken);
        foreach (var citizen in city.Citizens.Take(7))
        {
            db.Add(MeetingRegistration.For(walk.Id, citizen.Id, MeetingNeeds.None, hasPlace: true, planned.AddHours(2)));
        }
        await db.SaveChangesAsync(cancellationToken);

        var door = walkStart.AddMinutes(5);
        foreach (var registration in await db.Set<MeetingRegistration>().Where(r => r.MeetingId == walk.Id).OrderBy(r => r.Id).Take(6).ToListAsync(cancellationToken))
        {
            registration.CheckIn(door);
        }
        db.Add(MeetingRegistration.WalkIn(walk.Id, "Shopkeeper from Stari trg", door.AddMinutes(10)));
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(process.Id, facilitator, "meeting.attendance", new { meeting = walk.Id, registered = 8, waiting = 0, checkedIn = 7, walkIns = 1 }, cancellationToken);
        await Harvest.HarvestDemo.SeedAsync(db, city, walk, cancellationToken);

        var eveningStart = now.AddDays(10).Date.AddHours(16);
        var evening = Meeting.Plan(process.OrganisationId, process.Id, new MeetingDetails(
            "Residents' evening: quiet nights in the old town",
            "Noise at night came up again and again in the conversation. This evening is for residents and bar owners to hear each other and agree on what to try this summer.\n\nInterpretation into Slovenian sign language on request; tell us when you register.",
            eveningStart, eveningStart.AddHours(2), MeetingKind.Hybrid,
            new MeetingPlace("Town hall, Mestni trg 1", "Council chamber", true, true, true, "Lift at the back entrance on Ciril-Metodov trg."),
            "https://video.example.org/old-town-evening", 8, true), planned, process.Language, isDemo: true);
        db.Add(evening);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(process.Id, facilitator, "meeting.planned", MeetingLogData.Of(evening), cancellationToken);
        await RunSheets.RunSheetsDemo.SeedAsync(db, city, evening, facilitator, cancellationToken);
        var needs = new[]
        {
            new MeetingNeeds(false, null, true, false, null, false, null),
            new MeetingNeeds(false, null, false, true, null, false, null),
            new MeetingNeeds(false, null, false, false, "Vegetarian", true, null),
            new MeetingNeeds(true, "Ukrainian", false, false, null, false, null),
        };
        for (var i = 0; i < city.Citizens.Count; i++)
        {
            db.Add(MeetingRegistration.For(evening.Id, city.Citizens[i].Id, i < needs.Length ? needs[i] : MeetingNeeds.None, hasPlace: i < 8, planned.AddHours(5 * (i + 1))));
        }
        await db.SaveChangesAsync(cancellationToken);
        await new TablePlans.TablePlanDemo(db, clock).SeedAsync(city, process, cancellationToken);
        await OpenSpace.OpenSpaceDemo.SeedAsync(db, city, process, facilitator, now, cancellationToken);
    }
}
