using System.Net;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Meetings.RunSheets;

namespace Cocreo.Web.Tests.Meetings.OpenSpace;

/// <summary>
/// The grid's part (<c>/meetings/{id}/grid?handler=Part&amp;v={version}</c>), which every open grid fetches when the
/// run sheet changes: anonymous visitors are answered from one rendering per version and language (an Age header
/// marks an answer from the output cache), a new version shows the new grid, and signed-in people get their own part
/// (with their "post here" links and free places), never from the cache.
/// </summary>
public abstract class GridPartTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static string Part(int meetingId, long version, string culture = "") => $"/meetings/{meetingId}/grid?handler=Part&v={version}{culture}";

    [Fact]
    public async Task Anonymous_visitors_are_answered_from_one_rendering_per_version_and_a_new_version_shows_the_new_grid()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.Participant.Id);
        var visitor = app.NewClient();

        var first = await visitor.Http.GetAsync(Part(cast.MeetingId, sheet.Version));
        var again = await app.NewClient().Http.GetAsync(Part(cast.MeetingId, sheet.Version));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(again.Headers.Age);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains($"data-version=\"{sheet.Version}\"", html, StringComparison.Ordinal);
        Assert.Contains("os-grid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("os-post-here", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-free-cells", html, StringComparison.Ordinal);

        var slovenian = await app.NewClient().Http.GetAsync(Part(cast.MeetingId, sheet.Version, "&culture=sl"));
        Assert.Null(slovenian.Headers.Age);
        Assert.NotEqual(html, await slovenian.Content.ReadAsStringAsync());

        var posted = await GridSteps.PostAsync(cast.People.ParticipantClient, cast.MeetingId, GridSteps.Cell(sheet, 0, 1), "Benches & shade");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var told = await visitor.Http.GetAsync(Part(cast.MeetingId, sheet.Version + 1));
        var shown = await told.Content.ReadAsStringAsync();
        Assert.Null(told.Headers.Age);
        Assert.Contains($"data-version=\"{sheet.Version + 1}\"", shown, StringComparison.Ordinal);
        Assert.Contains("Benches &amp; shade", shown, StringComparison.Ordinal);
        Assert.Contains(cast.People.Participant.DisplayName, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.People.Participant.Id, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_people_get_their_own_part_never_from_the_cache_and_the_page_is_never_cached()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.Participant.Id);
        var anonymous = await app.NewClient().Http.GetAsync(Part(cast.MeetingId, sheet.Version));
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);

        foreach (var client in new[] { cast.People.ParticipantClient, cast.People.ParticipantClient })
        {
            var response = await client.Http.GetAsync(Part(cast.MeetingId, sheet.Version));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Age);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("os-post-here", html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{GridSteps.Cell(sheet, 0, 0)}\"", html, StringComparison.Ordinal);
        }
        foreach (var client in new[] { app.NewClient(), app.NewClient() })
        {
            var response = await client.Http.GetAsync($"/meetings/{cast.MeetingId}/grid");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Age);
            Assert.Contains($"data-part-url=\"/meetings/{cast.MeetingId}/grid?handler=Part\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_meeting_without_a_grid_has_no_part()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().Http.GetAsync(Part(cast.MeetingId, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().Http.GetAsync(Part(cast.MeetingId + 1000, 1))).StatusCode);
    }
}

public sealed class GridPartTestsOnSqlite(MeetingsSqliteApp app) : GridPartTests<MeetingsSqliteApp>(app);

public sealed class GridPartTestsOnPostgres(MeetingsPostgresApp app) : GridPartTests<MeetingsPostgresApp>(app);
