using System.Net;
using Cocreo.Web.Testing;

namespace Cocreo.Web.Tests.Meetings.RunSheets;

/// <summary>
/// The projector's part (<c>/meetings/{id}/now?handler=Part&amp;v={version}</c>), which every device in the room
/// fetches when the run sheet changes: it shows the sheet as it is, the room is answered from one rendering per
/// version (an Age header marks an answer from the output cache), a new version is never answered with an older
/// part, and signed-in people and the whole page are never served from the cache.
/// </summary>
public abstract class RunSheetNowPartTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static string Part(int meetingId, long version) => $"/meetings/{meetingId}/now?handler=Part&v={version}";

    [Fact]
    public async Task The_room_is_answered_from_one_rendering_per_version_and_a_new_version_shows_the_change()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await RunSheetSteps.CreatedAsync(app, cast.People.OwnerClient, cast.MeetingId);
        var projector = app.NewClient();

        var first = await projector.Http.GetAsync(Part(cast.MeetingId, sheet.Version));
        var again = await app.NewClient().Http.GetAsync(Part(cast.MeetingId, sheet.Version));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(again.Headers.Age);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains($"data-version=\"{sheet.Version}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);

        var renamed = await RunSheetSteps.RenameAsync(cast.People.OwnerClient, cast.MeetingId, sheet.Blocks[0].Id, "Welcome, coffee and the room's agreements");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var told = await projector.Http.GetAsync(Part(cast.MeetingId, sheet.Version + 1));
        var shown = await told.Content.ReadAsStringAsync();
        Assert.Null(told.Headers.Age);
        Assert.Contains($"data-version=\"{sheet.Version + 1}\"", shown, StringComparison.Ordinal);
        Assert.Contains("Welcome, coffee and the room&#x27;s agreements", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_people_and_the_whole_page_are_never_answered_from_the_cache()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await RunSheetSteps.CreatedAsync(app, cast.People.OwnerClient, cast.MeetingId);

        foreach (var client in new[] { cast.People.ParticipantClient, cast.People.ParticipantClient })
        {
            var response = await client.Http.GetAsync(Part(cast.MeetingId, sheet.Version));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Age);
        }
        foreach (var client in new[] { app.NewClient(), app.NewClient() })
        {
            var response = await client.Http.GetAsync($"/meetings/{cast.MeetingId}/now");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Age);
        }
    }

    [Fact]
    public async Task A_meeting_without_a_run_sheet_has_no_part_and_an_unknown_meeting_is_not_found()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().Http.GetAsync(Part(cast.MeetingId, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().Http.GetAsync(Part(cast.MeetingId + 1000, 1))).StatusCode);
    }
}

public sealed class RunSheetNowPartTestsOnSqlite(MeetingsSqliteApp app) : RunSheetNowPartTests<MeetingsSqliteApp>(app);

public sealed class RunSheetNowPartTestsOnPostgres(MeetingsPostgresApp app) : RunSheetNowPartTests<MeetingsPostgresApp>(app);
