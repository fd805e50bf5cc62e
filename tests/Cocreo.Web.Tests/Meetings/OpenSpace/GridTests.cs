using System.Net;
using System.Text;
using System.Text.Json;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Meetings.RunSheets;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.OpenSpace;

/// <summary>
/// The Open Space grid over HTTP on both databases: a registered participant posts a session and convenes it (shown
/// by display name, logged by role), a taken cell is refused with the current grid, a double submit posts once, the
/// convener moves, reports and withdraws, strangers and the public may not, the marketplace closes when the meeting
/// is over, an old version is refused, the API does the same, and the team assigns roles shown on the phone view.
/// </summary>
public abstract class GridTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task A_registered_participant_posts_a_session_and_convenes_it_shown_by_name_only()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.Participant.Id);

        var response = await GridSteps.PostAsync(cast.People.ParticipantClient, cast.MeetingId, GridSteps.Cell(sheet, 1, 2), "Shade on the square");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        var session = Assert.Single(after.Grid!.Sessions);
        Assert.Equal(cast.People.Participant.Id, session.ConvenerId);
        Assert.Equal(GridCells(after)[1].Id, session.SlotBlockId);
        Assert.Equal(after.Grid.Spaces[2].Id, session.SpaceId);
        Assert.Equal(sheet.Version + 1, after.Version);

        var page = await cast.People.AnonymousClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/grid");
        var live = page.QuerySelector("#grid-live")!;
        Assert.Equal(RunSheetLive.Topic(cast.MeetingId), live.GetAttribute("data-live-topic"));
        Assert.Contains("Shade on the square", live.TextContent, StringComparison.Ordinal);
        Assert.Contains(cast.People.Participant.DisplayName, live.TextContent, StringComparison.Ordinal);
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(cast.People.Participant.Id, html, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.People.Participant.Email!, html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(GridCells(after).Count * after.Grid.Spaces.Count - 1, page.QuerySelectorAll(".os-cell.free").Length);

        var entry = await app.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == cast.People.ProcessId && e.Action == "meeting.grid.posted").SingleAsync());
        Assert.Null(entry.ActorName);
        Assert.Equal("participant", entry.ActorRole);
        Assert.DoesNotContain("Shade", entry.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.People.Participant.Id, entry.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_cell_is_refused_with_the_current_grid_and_a_double_submit_posts_once()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.Participant.Id);
        var cell = GridSteps.Cell(sheet, 0, 0);

        var (action, fields) = await cast.People.ParticipantClient.ReadFormAsync($"/meetings/{cast.MeetingId}/grid");
        fields["Input.Cell"] = cell;
        fields["Input.Title"] = "Night buses";
        var first = await cast.People.ParticipantClient.PostAsync(action, fields);
        var again = await cast.People.ParticipantClient.PostAsync(action, fields);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single((await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Grid!.Sessions);

        var taken = await GridSteps.PostAsync(cast.People.FacilitatorClient, cast.MeetingId, cell, "Cycling lanes");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        var page = await FormClient.ParseAsync(taken);
        Assert.Contains("already has the session \"Night buses\"", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Night buses", page.QuerySelector("#grid-live")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Cycling lanes", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        var stored = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        Assert.Equal("Night buses", Assert.Single(stored.Grid!.Sessions).Title);
        Assert.Equal(1, (await cast.LogAsync()).Split(',').Count(a => a == "meeting.grid.posted"));

        // In Slovenian the refusal says the same: the session there and the free spaces at that time.
        var sl = await cast.People.FacilitatorClient.SubmitAsync($"/meetings/{cast.MeetingId}/grid?culture=sl", new() { ["Input.Cell"] = cell, ["Input.Title"] = "Kolesarske steze" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sl.StatusCode);
        var slovenian = (await FormClient.ParseAsync(sl)).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains($"„{sheet.Grid!.Spaces[0].Name}“ ob ", slovenian, StringComparison.Ordinal);
        Assert.Contains("že ima pogovor „Night buses“; izberite enega od prostih prostorov ob tem času", slovenian, StringComparison.Ordinal);
        Assert.Contains(sheet.Grid.Spaces[1].Name, slovenian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_convener_moves_reports_and_withdraws_the_session_and_others_may_not()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.Participant.Id);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.OtherStaff.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await GridSteps.PostAsync(cast.People.ParticipantClient, cast.MeetingId, GridSteps.Cell(sheet, 0, 0), "Market days")).StatusCode);
        var id = Assert.Single((await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Grid!.Sessions).Id;
        var sessionPage = $"/meetings/{cast.MeetingId}/grid/sessions/{id}";

        // Someone else registered for the meeting, and the public, may not touch it; they see no forms.
        var stranger = await cast.People.OtherStaffClient.GetOkPageAsync(sessionPage);
        Assert.Null(stranger.QuerySelector("form[method='post'] textarea"));
        var strangerReport = await cast.People.OtherStaffClient.PostAsync(sessionPage, new()
        {
            ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.People.OtherStaffClient),
            ["Version"] = GridSteps.N(sheet.Version + 1),
            ["Input.Report"] = "Not mine",
        });
        Assert.Equal(HttpStatusCode.Forbidden, strangerReport.StatusCode);
        var anonymous = await cast.People.AnonymousClient.PostAsync(sessionPage + "?handler=Withdraw", new()
        {
            ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.People.AnonymousClient),
            ["Version"] = GridSteps.N(sheet.Version + 1),
        });
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var convener = cast.People.ParticipantClient;
        var target = GridSteps.Cell(sheet, 2, 3);
        Assert.Equal(HttpStatusCode.Redirect, (await convener.SubmitAsync(sessionPage, new() { ["cell"] = target }, handler: "Move")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await convener.SubmitAsync(sessionPage, new() { ["Input.Report"] = "We agreed on **two** market days.\n\n<script>alert(1)</script>" })).StatusCode);
        var moved = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        var session = Assert.Single(moved.Grid!.Sessions);
        Assert.Equal(target, Features.Meetings.OpenSpace.GridCells.Key(session.SlotBlockId, session.SpaceId));
        Assert.StartsWith("We agreed on **two** market days.", session.Report, StringComparison.Ordinal);

        var shown = await cast.People.AnonymousClient.GetOkPageAsync(sessionPage);
        Assert.Equal("two", shown.QuerySelector(".os-report strong")!.TextContent);
        Assert.Null(shown.QuerySelector(".os-report script"));
        Assert.Contains(cast.People.Participant.DisplayName, shown.Body!.TextContent, StringComparison.Ordinal);

        // The meeting's report draft includes the session's report.
        var draft = await cast.People.OwnerClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/report/edit");
        Assert.Contains("Open Space sessions", draft.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Market days", draft.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("market days.", draft.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await convener.SubmitAsync(sessionPage, [], handler: "Withdraw")).StatusCode);
        Assert.Empty((await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Grid!.Sessions);
        var log = await cast.LogAsync();
        Assert.Contains("meeting.grid.moved", log, StringComparison.Ordinal);
        Assert.Contains("meeting.grid.reported", log, StringComparison.Ordinal);
        Assert.Contains("meeting.grid.withdrawn", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_on_an_old_version_is_refused_with_the_current_grid_and_the_report_as_typed()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.Participant.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await GridSteps.PostAsync(cast.People.ParticipantClient, cast.MeetingId, GridSteps.Cell(sheet, 0, 0), "Playgrounds")).StatusCode);
        var id = Assert.Single((await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Grid!.Sessions).Id;
        var sessionPage = $"/meetings/{cast.MeetingId}/grid/sessions/{id}";
        var (action, fields) = await cast.People.ParticipantClient.ReadFormAsync(sessionPage);

        Assert.Equal(HttpStatusCode.Redirect, (await GridSteps.PostAsync(cast.People.FacilitatorClient, cast.MeetingId, GridSteps.Cell(sheet, 0, 1), "Parking")).StatusCode);
        fields["Input.Report"] = "Three new swings.";
        var late = await cast.People.ParticipantClient.PostAsync(action, fields);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var page = await FormClient.ParseAsync(late);
        Assert.Contains("Someone else changed the grid", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Parking", page.QuerySelector(".os-grid")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Three new swings.", page.QuerySelector("textarea[name='Input.Report']")!.TextContent.Trim());
        Assert.Equal("", (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Grid!.Sessions.Single(s => s.Id == id).Report);
    }

    [Fact]
    public async Task The_marketplace_is_closed_when_the_meeting_is_over_but_reports_can_still_be_written()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.Participant.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await GridSteps.PostAsync(cast.People.ParticipantClient, cast.MeetingId, GridSteps.Cell(sheet, 0, 0), "Trees")).StatusCode);
        var (action, fields) = await cast.People.ParticipantClient.ReadFormAsync($"/meetings/{cast.MeetingId}/grid");
        await GridSteps.EndAsync(app, cast.MeetingId);

        fields["Input.Cell"] = GridSteps.Cell(sheet, 1, 1);
        fields["Input.Title"] = "Too late";
        var refused = await cast.People.ParticipantClient.PostAsync(action, fields);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("The marketplace is closed: the meeting is over.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await cast.People.ParticipantClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/grid");
        Assert.Contains("The marketplace is closed", page.QuerySelector("#post")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#post form"));

        var id = Assert.Single((await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Grid!.Sessions).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await cast.People.ParticipantClient.SubmitAsync($"/meetings/{cast.MeetingId}/grid/sessions/{id}", new() { ["Input.Report"] = "Plant ten trees." })).StatusCode);
        Assert.Equal("Plant ten trees.", Assert.Single((await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Grid!.Sessions).Report);
    }

    [Fact]
    public async Task The_api_reads_the_grid_by_display_name_and_posts_refuses_a_taken_cell_with_the_current_grid()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.Participant.Id);
        var slot = GridCells(sheet)[0].Id;
        var space = sheet.Grid!.Spaces[0].Id;
        var token = await Scenarios.AntiforgeryTokenAsync(cast.People.ParticipantClient);
        async Task<HttpResponseMessage> PostAsync(FormClient client, string csrf, string title)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{cast.MeetingId}/grid/sessions")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { slotBlockId = slot, spaceId = space, title }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-CSRF-TOKEN", csrf);
            return await client.Http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(cast.People.ParticipantClient, token, "Benches")).StatusCode);
        var taken = await PostAsync(cast.People.FacilitatorClient, await Scenarios.AntiforgeryTokenAsync(cast.People.FacilitatorClient), "Lights");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        var problem = JsonDocument.Parse(await taken.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("BadGrid", problem.GetProperty("problems")[0].GetProperty("kind").GetString());
        Assert.Equal("Benches", problem.GetProperty("current").GetProperty("sessions")[0].GetProperty("title").GetString());

        var json = await cast.People.AnonymousClient.Http.GetStringAsync($"/api/v1/meetings/{cast.MeetingId}/grid");
        var grid = JsonDocument.Parse(json).RootElement;
        Assert.Equal(cast.People.Participant.DisplayName, grid.GetProperty("sessions")[0].GetProperty("convener").GetString());
        Assert.Equal(3, grid.GetProperty("slots").GetArrayLength());
        Assert.DoesNotContain(cast.People.Participant.Id, json, StringComparison.Ordinal);

        var anonymous = await PostAsync(cast.People.AnonymousClient, await Scenarios.AntiforgeryTokenAsync(cast.People.AnonymousClient), "Anonymous");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_team_assigns_a_blocks_roles_by_name_and_the_phone_view_shows_who_does_what_but_not_the_projector()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.Participant.Id);
        var block = sheet.Blocks[0];
        var rolesPage = $"/meetings/{cast.MeetingId}/run-sheet/blocks/{block.Id}/roles";
        var form = await cast.People.OwnerClient.GetOkPageAsync(rolesPage);
        Assert.Contains(cast.People.Participant.DisplayName, form.QuerySelector("select[name='Roles[0].Person']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(cast.People.Facilitator.DisplayName, form.QuerySelector("select[name='Roles[0].Person']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.People.OtherStaff.DisplayName, form.Body!.TextContent, StringComparison.Ordinal);

        var added = block.Roles.Count;
        var response = await cast.People.OwnerClient.SubmitAsync(rolesPage, new()
        {
            ["Roles[0].Person"] = cast.People.Facilitator.Id,
            [$"Roles[{added}].Role"] = nameof(FacilitationRole.Timekeeper),
            [$"Roles[{added}].Person"] = cast.People.Participant.Id,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Blocks[0];
        Assert.Equal(cast.People.Facilitator.Id, after.Roles[0].AssigneeId);
        Assert.Contains(new BlockRole(FacilitationRole.Timekeeper, cast.People.Participant.Id), after.Roles);

        // Someone outside the team and the registered people is refused.
        var outsider = await cast.People.OwnerClient.SubmitAsync(rolesPage, new() { ["Roles[0].Person"] = cast.People.OtherStaff.Id });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outsider.StatusCode);

        // The next block (the first, not started) on the phone view names them; the projector does not.
        var phone = await cast.People.FacilitatorClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/run-sheet/live");
        var roles = phone.QuerySelector(".now-roles")!.TextContent;
        Assert.Contains(cast.People.Facilitator.DisplayName, roles, StringComparison.Ordinal);
        Assert.Contains(cast.People.Participant.DisplayName, roles, StringComparison.Ordinal);
        var projector = await cast.People.AnonymousClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/now");
        Assert.Null(projector.QuerySelector(".now-roles"));
        Assert.DoesNotContain(cast.People.Participant.DisplayName, projector.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_convener_finds_their_sessions_in_their_data_and_deleting_the_account_leaves_the_session_convened_by_nobody()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await GridSteps.OpenSpaceAsync(app, cast.People.OwnerClient, cast.MeetingId);
        await GridSteps.RegisterAsync(app, cast.MeetingId, cast.People.Participant.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await GridSteps.PostAsync(cast.People.ParticipantClient, cast.MeetingId, GridSteps.Cell(sheet, 0, 0), "Dog park")).StatusCode);

        var data = JsonDocument.Parse(await (await cast.People.ParticipantClient.Http.GetAsync("/account/my-data")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Dog park", data.GetProperty("runSheets").EnumerateArray().Single().GetProperty("convenes").GetString());

        var before = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        Assert.Equal(HttpStatusCode.Redirect, (await cast.People.ParticipantClient.SubmitAsync("/account/delete", new() { ["Password"] = CocreoApp.TestPassword })).StatusCode);
        var after = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        var session = Assert.Single(after.Grid!.Sessions);
        Assert.Equal("Dog park", session.Title);
        Assert.Null(session.ConvenerId);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.DoesNotContain(cast.People.Participant.Id, await app.WithDbAsync(db => db.Set<MeetingRunSheet>().Where(s => s.MeetingId == cast.MeetingId).Select(s => s.Json).SingleAsync()), StringComparison.Ordinal);
    }

    private static IReadOnlyList<RunSheetBlock> GridCells(RunSheet sheet) => Features.Meetings.OpenSpace.GridCells.Slots(sheet);
}

public sealed class GridTestsOnSqlite(MeetingsSqliteApp app) : GridTests<MeetingsSqliteApp>(app);

public sealed class GridTestsOnPostgres(MeetingsPostgresApp app) : GridTests<MeetingsPostgresApp>(app);
