using System.Net;
using System.Text;
using System.Text.Json;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Meetings.RunSheets;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.OpenSpace;

/// <summary>
/// The team renames a space of the grid, through the run sheet's compare-and-swap like the grid's other changes: the
/// sessions stay in it, the log says so by ids, an empty, over-long or duplicate name is refused with a clear message
/// and nothing changed, a rename on an old version is refused with the current grid, and the API does the same.
/// </summary>
public abstract class GridSpaceRenameTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static Task<HttpResponseMessage> RenameAsync(FormClient client, int meetingId, long version, int spaceId, string name, string culture = "") =>
        client.SubmitAsync($"/meetings/{meetingId}/grid?handler=RenameSpace{culture}", new() { ["version"] = GridSteps.N(version), ["spaceId"] = GridSteps.N(spaceId), ["name"] = name });

    [Fact]
    public async Task The_team_renames_a_space_its_sessions_stay_and_the_log_says_so()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.Participant.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await GridSteps.PostAsync(cast.People.ParticipantClient, cast.MeetingId, GridSteps.Cell(sheet, 0, 1), "Trees")).StatusCode);
        sheet = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        var space = sheet.Grid!.Spaces[1];

        var response = await RenameAsync(cast.People.FacilitatorClient, cast.MeetingId, sheet.Version, space.Id, "  The library's reading room ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        Assert.Equal(sheet.Version + 1, after.Version);
        Assert.Equal("The library's reading room", after.Grid!.Spaces.Single(s => s.Id == space.Id).Name);
        Assert.Equal(sheet.Grid.Spaces.Count, after.Grid.Spaces.Count);
        Assert.Equal(space.Id, Assert.Single(after.Grid.Sessions).SpaceId);
        var page = await cast.People.AnonymousClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/grid");
        Assert.Contains("The library's reading room", page.QuerySelector(".os-grid thead")!.TextContent, StringComparison.Ordinal);
        var entry = await app.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == cast.People.ProcessId && e.Action == "meeting.grid.space-renamed").SingleAsync());
        Assert.Equal(cast.People.Facilitator.DisplayName, entry.ActorName);
        Assert.Contains($"\"space\":{space.Id}", entry.Data, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await RenameAsync(cast.People.OwnerClient, cast.MeetingId, after.Version, space.Id, "THE LIBRARY'S READING ROOM")).StatusCode);
        Assert.Equal("THE LIBRARY'S READING ROOM", (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Grid!.Spaces.Single(s => s.Id == space.Id).Name);
    }

    [Theory]
    [InlineData("", "Give the space a name of 1 to 200 characters.")]
    [InlineData("   ", "Give the space a name of 1 to 200 characters.")]
    [InlineData("long", "Give the space a name of 1 to 200 characters.")]
    [InlineData("duplicate", "already has a space called")]
    public async Task A_bad_name_is_refused_with_a_clear_message_and_nothing_changes(string name, string message)
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        var spaces = sheet.Grid!.Spaces;
        var typed = name switch { "long" => new string('x', 201), "duplicate" => spaces[0].Name.ToUpperInvariant(), _ => name };

        var response = await RenameAsync(cast.People.OwnerClient, cast.MeetingId, sheet.Version, spaces[1].Id, typed);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#grid-live .os-grid"));
        var after = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        Assert.Equal(sheet.Version, after.Version);
        Assert.Equal(spaces.Select(s => s.Name), after.Grid!.Spaces.Select(s => s.Name));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ProcessLogEntry>().CountAsync(e => e.ProcessId == cast.People.ProcessId && e.Action == "meeting.grid.space-renamed")));
    }

    [Fact]
    public async Task A_rename_on_an_old_version_is_refused_with_the_current_grid()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        Assert.Equal(HttpStatusCode.Redirect, (await RenameAsync(cast.People.OwnerClient, cast.MeetingId, sheet.Version, sheet.Grid!.Spaces[0].Id, "Hall")).StatusCode);

        var late = await RenameAsync(cast.People.FacilitatorClient, cast.MeetingId, sheet.Version, sheet.Grid.Spaces[0].Id, "Foyer");

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var page = await FormClient.ParseAsync(late);
        Assert.Contains("Someone else changed the grid", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hall", page.QuerySelector(".os-grid thead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Hall", (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Grid!.Spaces[0].Name);
    }

    [Fact]
    public async Task The_api_renames_a_space_and_refuses_a_duplicate_or_empty_name_with_the_current_grid()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        var spaces = sheet.Grid!.Spaces;
        var token = await Scenarios.AntiforgeryTokenAsync(cast.People.OwnerClient);
        async Task<HttpResponseMessage> RenameAsync(int spaceId, string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{cast.MeetingId}/grid/spaces/{spaceId}/rename")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { name }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-CSRF-TOKEN", token);
            return await cast.People.OwnerClient.Http.SendAsync(request);
        }

        var renamed = await RenameAsync(spaces[2].Id, "Courtyard");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var document = JsonDocument.Parse(await renamed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Courtyard", document.GetProperty("spaces")[2].GetProperty("name").GetString());

        foreach (var bad in new[] { "courtyard", "" })
        {
            var refused = await RenameAsync(spaces[0].Id, bad);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("BadGrid", problem.GetProperty("problems")[0].GetProperty("kind").GetString());
            Assert.Equal(spaces[0].Name, problem.GetProperty("current").GetProperty("spaces")[0].GetProperty("name").GetString());
        }
        Assert.Equal(sheet.Version + 1, (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Version);
    }
}

public sealed class GridSpaceRenameTestsOnSqlite(MeetingsSqliteApp app) : GridSpaceRenameTests<MeetingsSqliteApp>(app);

public sealed class GridSpaceRenameTestsOnPostgres(MeetingsPostgresApp app) : GridSpaceRenameTests<MeetingsPostgresApp>(app);
