using System.Globalization;
using System.Net;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Cocreo.Web.Tests.Meetings.RunSheets;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Meetings.OpenSpace;

/// <summary>
/// Every state-changing endpoint of the Open Space grid (and the run sheet's roles form), tried by every kind of person
/// over HTTP on a public process's meeting: the answer and the effect (the stored sheet and the process's log; a
/// refused attempt changed nothing). Each attempt works on a meeting of its own with an Open Space run sheet, where the
/// participant has a place (other organisations' staff do not) and, for the session rows, has posted a session. People
/// with a place and the team post; the convener and the team move, withdraw and report; the team manages spaces and roles.
/// </summary>
public sealed class GridEndpointAuthorizationTests(MeetingsSqliteApp app) : IClassFixture<MeetingsSqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    private static readonly string[] Placed = [SignIn, Changed, Changed, Changed, Forbidden, Changed];
    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiPlaced = ["401", Changed, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiTeam = ["401", Forbidden, Changed, Changed, Forbidden, Changed];

    private sealed record Attempt(string Url, Dictionary<string, string> Fields, string? Json = null);

    /// <summary>Builds the attempt from the meeting, its sheet and the participant's session (when the row has one).</summary>
    private sealed record Row(Endpoint Endpoint, bool Session, Func<int, RunSheet, int, Attempt> Attempt, string[] Expected);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Cell(RunSheet s, int slot, int space) => GridSteps.Cell(s, slot, space);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["grid/post"] = new(new("POST", "/meetings/{id:int}/grid"), false,
            (id, s, _) => new($"/meetings/{id}/grid", new() { ["Input.Cell"] = Cell(s, 1, 1), ["Input.Title"] = "Bike racks" }), Placed),
        ["grid/add-space"] = new(new("POST", "/meetings/{id:int}/grid", "AddSpace"), false,
            (id, s, _) => new($"/meetings/{id}/grid?handler=AddSpace", new() { ["version"] = N(s.Version), ["name"] = "Garden" }), Team),
        ["grid/remove-space"] = new(new("POST", "/meetings/{id:int}/grid", "RemoveSpace"), false,
            (id, s, _) => new($"/meetings/{id}/grid?handler=RemoveSpace", new() { ["version"] = N(s.Version), ["spaceId"] = N(s.Grid!.Spaces[^1].Id) }), Team),
        ["session/report"] = new(new("POST", "/meetings/{id:int}/grid/sessions/{sessionId:int}"), true,
            (id, s, session) => new($"/meetings/{id}/grid/sessions/{session}", new() { ["Version"] = N(s.Version), ["Input.Report"] = "What came out." }), Placed),
        ["session/move"] = new(new("POST", "/meetings/{id:int}/grid/sessions/{sessionId:int}", "Move"), true,
            (id, s, session) => new($"/meetings/{id}/grid/sessions/{session}?handler=Move", new() { ["Version"] = N(s.Version), ["cell"] = Cell(s, 2, 2) }), Placed),
        ["session/withdraw"] = new(new("POST", "/meetings/{id:int}/grid/sessions/{sessionId:int}", "Withdraw"), true,
            (id, s, session) => new($"/meetings/{id}/grid/sessions/{session}?handler=Withdraw", new() { ["Version"] = N(s.Version) }), Placed),
        ["runsheet/roles"] = new(new("POST", "/meetings/{id:int}/run-sheet/blocks/{blockId:int}/roles"), false,
            (id, s, _) => new($"/meetings/{id}/run-sheet/blocks/{s.Blocks[0].Id}/roles", new() { ["Version"] = N(s.Version), ["Roles[0].Role"] = "Timekeeper", ["Roles[0].Person"] = "" }), Team),
        ["api/post"] = new(new("POST", "/api/v1/meetings/{id:int}/grid/sessions"), false,
            (id, s, _) => new($"/api/v1/meetings/{id}/grid/sessions", [], $"{{\"slotBlockId\":{GridSteps.Cell(s, 1, 1).Split('-')[0]},\"spaceId\":{GridSteps.Cell(s, 1, 1).Split('-')[1]},\"title\":\"Bike racks\"}}"), ApiPlaced),
        ["api/move"] = new(new("POST", "/api/v1/meetings/{id:int}/grid/sessions/{sessionId:int}/move"), true,
            (id, s, session) => new($"/api/v1/meetings/{id}/grid/sessions/{session}/move", [], $"{{\"version\":{s.Version},\"slotBlockId\":{Cell(s, 2, 2).Split('-')[0]},\"spaceId\":{Cell(s, 2, 2).Split('-')[1]}}}"), ApiPlaced),
        ["api/withdraw"] = new(new("POST", "/api/v1/meetings/{id:int}/grid/sessions/{sessionId:int}/withdraw"), true,
            (id, s, session) => new($"/api/v1/meetings/{id}/grid/sessions/{session}/withdraw", [], $"{{\"version\":{s.Version}}}"), ApiPlaced),
        ["api/report"] = new(new("POST", "/api/v1/meetings/{id:int}/grid/sessions/{sessionId:int}/report"), true,
            (id, s, session) => new($"/api/v1/meetings/{id}/grid/sessions/{session}/report", [], $"{{\"version\":{s.Version},\"report\":\"What came out.\"}}"), ApiPlaced),
        ["api/add-space"] = new(new("POST", "/api/v1/meetings/{id:int}/grid/spaces"), false,
            (id, s, _) => new($"/api/v1/meetings/{id}/grid/spaces", [], $"{{\"version\":{s.Version},\"name\":\"Garden\"}}"), ApiTeam),
        ["api/remove-space"] = new(new("POST", "/api/v1/meetings/{id:int}/grid/spaces/{spaceId:int}/remove"), false,
            (id, s, _) => new($"/api/v1/meetings/{id}/grid/spaces/{s.Grid!.Spaces[^1].Id}/remove", [], $"{{\"version\":{s.Version}}}"), ApiTeam),
        ["grid/rename-space"] = new(new("POST", "/meetings/{id:int}/grid", "RenameSpace"), false,
            (id, s, _) => new($"/meetings/{id}/grid?handler=RenameSpace", new() { ["version"] = N(s.Version), ["spaceId"] = N(s.Grid!.Spaces[0].Id), ["name"] = "Garden room" }), Team),
        ["api/rename-space"] = new(new("POST", "/api/v1/meetings/{id:int}/grid/spaces/{spaceId:int}/rename"), false,
            (id, s, _) => new($"/api/v1/meetings/{id}/grid/spaces/{s.Grid!.Spaces[0].Id}/rename", [], $"{{\"version\":{s.Version},\"name\":\"Garden room\"}}"), ApiTeam),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await MeetingCast.CreateAsync(app);
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var meetingId = await cast.NewMeetingAsync();
            var sheet = await GridSteps.OpenSpaceAsync(app, people.OwnerClient, meetingId);
            await GridSteps.RegisterAsync(app, meetingId, people.Participant.Id);
            var session = 0;
            if (row.Session)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await GridSteps.PostAsync(people.ParticipantClient, meetingId, Cell(sheet, 0, 0), "Quiet nights")).StatusCode);
                sheet = (await RunSheetSteps.SheetAsync(app, meetingId))!;
                session = sheet.Grid!.Sessions[0].Id;
            }
            var attempt = row.Attempt(meetingId, sheet, session);
            var before = await StateAsync(cast, meetingId);
            var token = await Scenarios.AntiforgeryTokenAsync(clients[i]);
            HttpResponseMessage response;
            if (attempt.Json is { } json)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, attempt.Url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Add("X-CSRF-TOKEN", token);
                response = await clients[i].Http.SendAsync(request);
            }
            else
            {
                attempt.Fields["__RequestVerificationToken"] = token;
                response = await clients[i].PostAsync(attempt.Url, attempt.Fields);
            }
            var after = await StateAsync(cast, meetingId);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    private Task<string> StateAsync(MeetingCast cast, int meetingId) => app.WithDbAsync(async db =>
        (await db.Set<MeetingRunSheet>().AsNoTracking().Where(s => s.MeetingId == meetingId).Select(s => s.Json).SingleOrDefaultAsync() ?? "")
        + "|" + await cast.LogAsync());
}
