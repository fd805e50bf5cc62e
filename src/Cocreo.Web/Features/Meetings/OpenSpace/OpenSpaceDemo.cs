using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Meetings.OpenSpace;

/// <summary>
/// The demo city's Open Space: "The old town's open day" runs today (it began about two hours before the demo was
/// made and ends in the evening), made from the Open Space format with 3 session slots × 4 spaces. The opening, the
/// marketplace and the first slot are over, the second slot is running; residents posted sessions with themselves as
/// conveners, and the first session's convener wrote its report. A newcomer finds the grid, a session with its report,
/// and the projector and phone views, and can post a session into a free place after registering. A demo database
/// started again on a later day would show it over: on every start the demo's Open Space is moved to today as it was
/// when made (<see cref="KeepLiveAsync"/>).
/// </summary>
public static class OpenSpaceDemo
{
    public const string Title = "The old town's open day: what would you change?";

    public static async Task SeedAsync(CocreoDbContext db, DemoCity city, Process process, LogActor facilitator, DateTime now, CancellationToken cancellationToken)
    {
        var sl = process.Language == "sl";
        var start = StartFor(now);
        var sheet = RunSheetTemplates.Create(MeetingFormat.OpenSpace, new FormatParameters
        {
            Start = new DateTimeOffset(start),
            Slots = 3,
            SlotMinutes = 60,
            Spaces = 4,
            Language = process.Language,
        });
        var end = sheet.PlannedEnd.UtcDateTime;
        var meeting = Meeting.Plan(process.OrganisationId, process.Id, new MeetingDetails(
            Title,
            "An open space for everyone who lives or works in the old town: bring the topic you care about, post it at the marketplace and host a conversation about it. Everyone goes to the sessions they like.\n\nThe grid of sessions is on the meeting's Open Space page, live.",
            start, end, MeetingKind.InPerson,
            new MeetingPlace("Old town library, Stari trg 5", "Ground floor and courtyard", true, true, true, "Step-free entrance from the courtyard."),
            null, 60, true), now.AddDays(-14), process.Language, isDemo: true);
        db.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(process.Id, facilitator, "meeting.planned", MeetingLogData.Of(meeting), cancellationToken);
        foreach (var citizen in city.Citizens.Take(6))
        {
            db.Add(MeetingRegistration.For(meeting.Id, citizen.Id, MeetingNeeds.None, hasPlace: true, now.AddDays(-7)));
        }

        // The spaces of the library, instead of the format's numbered ones.
        string[] names = sl ? ["Čitalnica", "Otroški kotiček", "Dvorišče", "Kavarna"] : ["Reading room", "Children's corner", "Courtyard", "Café"];
        sheet = sheet with { Grid = sheet.Grid! with { Spaces = names.Select((n, i) => new GridSpace(i + 1, n)).ToList(), NextSpaceId = names.Length + 1 } };
        var slots = GridCells.Slots(sheet);
        var participant = MeetingTarget.ParticipantActor;
        var log = new List<(LogActor Actor, string Action, object Data)>
        {
            (facilitator, "meeting.runsheet.created", new { meeting = meeting.Id, format = nameof(MeetingFormat.OpenSpace), blocks = sheet.Blocks.Count, version = sheet.Version }),
        };
        RunSheet Apply(RunSheetCommand command) =>
            RunSheetEditor.Apply(sheet, sheet.Version, command) is { Applied: true } result ? result.Sheet : throw new InvalidOperationException($"The Open Space demo's {command} was refused.");

        var posts = new (int Slot, int Space, string Title, int Citizen)[]
        {
            (0, 1, sl ? "Senca in klopi na glavnem trgu" : "Shade and benches on the main square", 0),
            (0, 2, sl ? "Dostava pred deseto uro?" : "Deliveries before 10 am?", 1),
            (0, 3, sl ? "Nočni župan za staro mesto" : "A night mayor for the old town", 2),
            (1, 1, sl ? "Ure miru, s katerimi lahko živijo tudi lokali" : "Quiet hours that bars can live with", 3),
            (1, 4, sl ? "Grafiti na roletah: umetnost ali nered?" : "Street art on the shutters: art or mess?", 0),
            (2, 2, sl ? "Sobotni kotiček za otroke" : "A children's corner on Saturdays", 4),
            (2, 3, sl ? "Kdo pospravi po tržnici?" : "Who cleans up after the market?", 5),
        };
        foreach (var (slot, space, title, citizen) in posts)
        {
            sheet = Apply(new PostSession(slots[slot].Id, space, title, city.Citizens[citizen].Id));
            log.Add((participant, "meeting.grid.posted", new { meeting = meeting.Id, version = sheet.Version, session = sheet.Grid!.NextSessionId - 1, slot = slots[slot].Id, space }));
        }

        // The meeting as it ran: the opening, the marketplace and the first slot are over; the second slot is running.
        var at = new DateTimeOffset(start);
        foreach (var block in sheet.Blocks.TakeWhile(b => b.Id != slots[1].Id).Append(slots[1]))
        {
            sheet = Apply(new StartBlock(block.Id, at));
            log.Add((facilitator, "meeting.runsheet.started", new { meeting = meeting.Id, version = sheet.Version, block = block.Id, title = block.Title }));
            at = at.AddMinutes(block.Minutes);
        }

        var report = sl
            ? "Prišlo je 14 ljudi, od tega trije trgovci.\n\n- Največ sence manjka ob vodnjaku med 12. in 16. uro.\n- Predlog: premične klopi z drevesi v koritih, ki jih pozimi umaknemo.\n- Trgovci bi skrbeli za zalivanje, če jim mesto priskrbi vodo.\n\n**Naprej:** Luka in Eva pripravita predlog za proračun."
            : "Fourteen people came, three of them shopkeepers.\n\n- Shade is missing most around the fountain between noon and 4 pm.\n- Proposal: movable benches with trees in planters, taken away in winter.\n- The shopkeepers would water them if the city provides the water.\n\n**Next:** Luka and Eva write it up as a proposal for the budget.";
        var first = sheet.Grid!.Sessions[0];
        sheet = Apply(new ReportSession(first.Id, report));
        log.Add((participant, "meeting.grid.reported", new { meeting = meeting.Id, version = sheet.Version, session = first.Id, written = true }));

        db.Add(MeetingRunSheet.For(meeting.Id, sheet, now));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (actor, action, data) in log)
        {
            await city.Log.AppendAsync(process.Id, actor, action, data, cancellationToken);
        }
    }

    /// <summary>When the demo's Open Space starts for a demo made at <paramref name="now"/>: the quarter hour about two hours before.</summary>
    public static DateTime StartFor(DateTime now) =>
        new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute / 15 * 15, 0, DateTimeKind.Utc).AddMinutes(-130);

    /// <summary>
    /// Keeps the demo's Open Space live: when it is not running at <paramref name="now"/> (the demo database was made
    /// on an earlier day), the meeting and its run sheet (planned and actual times alike, so the same blocks are over
    /// and the same one runs) move by the same span to start as a fresh demo's would, in one transaction; the sheet's
    /// version grows by one so open pages fetch it again. Only the demo's meeting (marked demo, with the demo's title)
    /// is touched. Returns whether it moved.
    /// </summary>
    public static async Task<bool> KeepLiveAsync(CocreoDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking().Where(m => m.IsDemo && m.Title == Title)
            .Select(m => new { m.Id, m.StartsAt, m.EndsAt }).FirstOrDefaultAsync(cancellationToken);
        if (meeting is null || (meeting.StartsAt <= now && now < meeting.EndsAt))
        {
            return false;
        }
        var shift = StartFor(now) - meeting.StartsAt;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<Meeting>().Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.StartsAt, meeting.StartsAt + shift)
            .SetProperty(m => m.EndsAt, meeting.EndsAt + shift), cancellationToken);
        var stored = await db.Set<MeetingRunSheet>().SingleOrDefaultAsync(s => s.MeetingId == meeting.Id, cancellationToken);
        if (stored?.Read(out _) is { } sheet)
        {
            stored.Store(sheet with
            {
                Version = sheet.Version + 1,
                Start = sheet.Start + shift,
                Blocks = sheet.Blocks.Select(b => b with { Start = b.Start + shift, ActualStart = b.ActualStart + shift, ActualEnd = b.ActualEnd + shift }).ToList(),
            }, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

/// <summary>On start of a demo (Demo:Enabled), after the demo is seeded, keeps the demo's Open Space live (<see cref="OpenSpaceDemo.KeepLiveAsync"/>).</summary>
public sealed partial class OpenSpaceDemoStartup(IServiceScopeFactory scopes, IOptions<DemoOptions> demo, TimeProvider clock, ILogger<OpenSpaceDemoStartup> logger) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Enabled)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await OpenSpaceDemo.KeepLiveAsync(scope.ServiceProvider.GetRequiredService<CocreoDbContext>(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(logger, error);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping the demo's Open Space live failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
