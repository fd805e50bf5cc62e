using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.OpenSpace;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Meetings.RunSheets;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.OpenSpace;

public sealed class OpenSpaceDemoSqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Enabled"] = "true" };
}

public sealed class OpenSpaceDemoPostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Enabled"] = "true" };
}

/// <summary>
/// A demo database made on an earlier day shows its Open Space over; on start it is moved to today as a fresh demo's
/// would be (the same blocks over and the same one running), only that meeting, once (a live one is left alone).
/// </summary>
public abstract class OpenSpaceDemoTimingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task An_old_demo_database_has_its_open_space_running_again_as_when_it_was_made()
    {
        app.RequireAvailable();
        var meeting = await app.WithDbAsync(db => db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.IsDemo && m.Title == OpenSpaceDemo.Title));
        var made = (await RunSheetSteps.SheetAsync(app, meeting.Id))!;
        var others = await app.WithDbAsync(db => db.Set<Meeting>().AsNoTracking().Where(m => m.Id != meeting.Id).OrderBy(m => m.Id).Select(m => new { m.Id, m.StartsAt, m.EndsAt }).ToListAsync());

        // The database as it is three days later: the meeting is over.
        var aged = TimeSpan.FromDays(-3);
        await app.WithDbAsync(async db =>
        {
            await db.Set<Meeting>().Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.StartsAt, meeting.StartsAt + aged).SetProperty(m => m.EndsAt, meeting.EndsAt + aged));
            var stored = await db.Set<MeetingRunSheet>().SingleAsync(s => s.MeetingId == meeting.Id);
            stored.Store(made with
            {
                Start = made.Start + aged,
                Blocks = made.Blocks.Select(b => b with { Start = b.Start + aged, ActualStart = b.ActualStart + aged, ActualEnd = b.ActualEnd + aged }).ToList(),
            }, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var now = DateTime.UtcNow;
        Assert.True(await app.WithDbAsync(db => db.Set<Meeting>().AnyAsync(m => m.Id == meeting.Id && m.EndsAt < now)));

        var moved = await app.WithDbAsync(db => OpenSpaceDemo.KeepLiveAsync(db, now, CancellationToken.None));

        Assert.True(moved);
        var live = await app.WithDbAsync(db => db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal(OpenSpaceDemo.StartFor(now), live.StartsAt);
        Assert.True(live.StartsAt <= now && now < live.EndsAt);
        Assert.Equal(meeting.EndsAt - meeting.StartsAt, live.EndsAt - live.StartsAt);
        var sheet = (await RunSheetSteps.SheetAsync(app, meeting.Id))!;
        Assert.Equal(made.Version + 1, sheet.Version);
        Assert.Empty(RunSheetValidator.Validate(sheet));
        Assert.Equal(live.StartsAt, sheet.Start.UtcDateTime);
        Assert.Equal(made.Blocks.Select(b => b.Start - made.Start), sheet.Blocks.Select(b => b.Start - sheet.Start));
        Assert.Equal(made.Blocks.Select(b => b.Status), sheet.Blocks.Select(b => b.Status));
        Assert.Equal(BlockStatus.Running, GridCells.Slots(sheet)[1].Status);
        Assert.Equal(made.Grid!.Sessions, sheet.Grid!.Sessions);
        var page = await app.NewClient().GetOkPageAsync($"/meetings/{meeting.Id}/now");
        Assert.NotNull(page.QuerySelector("[data-ends-at]"));

        // Live now: nothing moves again; no other meeting moved.
        Assert.False(await app.WithDbAsync(db => OpenSpaceDemo.KeepLiveAsync(db, now.AddMinutes(5), CancellationToken.None)));
        Assert.Equal(sheet.Version, (await RunSheetSteps.SheetAsync(app, meeting.Id))!.Version);
        var after = await app.WithDbAsync(db => db.Set<Meeting>().AsNoTracking().Where(m => m.Id != meeting.Id).OrderBy(m => m.Id).Select(m => new { m.Id, m.StartsAt, m.EndsAt }).ToListAsync());
        Assert.Equal(others, after);
    }
}

public sealed class OpenSpaceDemoTimingTestsOnSqlite(OpenSpaceDemoSqliteApp app) : OpenSpaceDemoTimingTests<OpenSpaceDemoSqliteApp>(app);

public sealed class OpenSpaceDemoTimingTestsOnPostgres(OpenSpaceDemoPostgresApp app) : OpenSpaceDemoTimingTests<OpenSpaceDemoPostgresApp>(app);
