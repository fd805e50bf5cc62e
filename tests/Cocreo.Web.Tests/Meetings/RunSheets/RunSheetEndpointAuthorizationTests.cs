using System.Globalization;
using System.Net;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Meetings.RunSheets;

/// <summary>
/// Every state-changing endpoint of run sheets, tried by every kind of person over HTTP on a public process's meeting:
/// the answer and the effect (the stored sheet and the process's log; a refused attempt changed nothing). Each attempt
/// works on a meeting of its own, prepared by the owner (a sheet made, a block started or skipped) as the row needs.
/// The process's team plans the sheet and runs it live; participants, other organisations' staff and the public do not.
/// </summary>
public sealed class RunSheetEndpointAuthorizationTests(MeetingsSqliteApp app) : IClassFixture<MeetingsSqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiTeam = ["401", Forbidden, Changed, Changed, Forbidden, Changed];

    /// <summary>What a fresh meeting needs before the attempt.</summary>
    private enum Setup
    {
        None,
        Sheet,
        Running,
        Skipped,
    }

    private sealed record Attempt(string Url, Dictionary<string, string> Fields, string? Json = null);

    private sealed record Row(Endpoint Endpoint, Setup Setup, Func<int, RunSheet?, Attempt> Attempt, string[] Expected);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> On(RunSheet sheet, int blockId, params (string, string)[] more)
    {
        var fields = new Dictionary<string, string> { ["version"] = N(sheet.Version), ["blockId"] = N(blockId) };
        foreach (var (k, v) in more)
        {
            fields[k] = v;
        }
        return fields;
    }

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["runsheet/create"] = new(new("POST", "/meetings/{id:int}/run-sheet/new"), Setup.None,
            (id, _) => new($"/meetings/{id}/run-sheet/new", new() { ["Format"] = "WorldCafe", ["Input.Start"] = MeetingSteps.Local(DateTime.UtcNow.Date.AddDays(10).AddHours(17)), ["Input.TotalMinutes"] = "120" }), Team),
        ["runsheet/move"] = new(new("POST", "/meetings/{id:int}/run-sheet", "Move"), Setup.Sheet,
            (id, s) => new($"/meetings/{id}/run-sheet?handler=Move", On(s!, s!.Blocks[1].Id, ("toIndex", "0"))), Team),
        ["runsheet/remove"] = new(new("POST", "/meetings/{id:int}/run-sheet", "Remove"), Setup.Sheet,
            (id, s) => new($"/meetings/{id}/run-sheet?handler=Remove", On(s!, s!.Blocks[1].Id)), Team),
        ["runsheet/block"] = new(new("POST", "/meetings/{id:int}/run-sheet/blocks/{blockId:int?}"), Setup.Sheet,
            (id, s) => new($"/meetings/{id}/run-sheet/blocks/{s!.Blocks[0].Id}", new() { ["Version"] = N(s.Version), ["Input.Title"] = "Renamed", ["Input.Minutes"] = N(s.Blocks[0].Minutes), ["Input.Kind"] = s.Blocks[0].Kind.ToString() }), Team),
        ["live/start"] = new(new("POST", "/meetings/{id:int}/run-sheet/live", "Start"), Setup.Sheet,
            (id, s) => new($"/meetings/{id}/run-sheet/live?handler=Start", On(s!, s!.Blocks[0].Id)), Team),
        ["live/extend"] = new(new("POST", "/meetings/{id:int}/run-sheet/live", "Extend"), Setup.Running,
            (id, s) => new($"/meetings/{id}/run-sheet/live?handler=Extend", On(s!, s!.Blocks[0].Id, ("minutes", "5"))), Team),
        ["live/finish"] = new(new("POST", "/meetings/{id:int}/run-sheet/live", "Finish"), Setup.Running,
            (id, s) => new($"/meetings/{id}/run-sheet/live?handler=Finish", On(s!, s!.Blocks[0].Id)), Team),
        ["live/skip"] = new(new("POST", "/meetings/{id:int}/run-sheet/live", "Skip"), Setup.Running,
            (id, s) => new($"/meetings/{id}/run-sheet/live?handler=Skip", On(s!, s!.Blocks[1].Id)), Team),
        ["live/restore"] = new(new("POST", "/meetings/{id:int}/run-sheet/live", "Restore"), Setup.Skipped,
            (id, s) => new($"/meetings/{id}/run-sheet/live?handler=Restore", On(s!, s!.Blocks[1].Id)), Team),
        ["api/create"] = new(new("POST", "/api/v1/meetings/{id:int}/run-sheet"), Setup.None,
            (id, _) => new($"/api/v1/meetings/{id}/run-sheet", [], "{\"format\":\"Circle\"}"), ApiTeam),
        ["api/change"] = new(new("POST", "/api/v1/meetings/{id:int}/run-sheet/changes"), Setup.Sheet,
            (id, s) => new($"/api/v1/meetings/{id}/run-sheet/changes", [], $"{{\"version\":{s!.Version},\"change\":{{\"op\":\"extendBlock\",\"blockId\":{s.Blocks[0].Id},\"minutes\":5}}}}"), ApiTeam),
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
            var sheet = await PrepareAsync(people.OwnerClient, meetingId, row.Setup);
            var attempt = row.Attempt(meetingId, sheet);
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

    private async Task<RunSheet?> PrepareAsync(FormClient owner, int meetingId, Setup setup)
    {
        if (setup == Setup.None)
        {
            return null;
        }
        var sheet = await RunSheetSteps.CreatedAsync(app, owner, meetingId);
        if (setup is Setup.Running or Setup.Skipped)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/meetings/{meetingId}/run-sheet/live", [], handler: "Start")).StatusCode);
        }
        if (setup == Setup.Skipped)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/meetings/{meetingId}/run-sheet/live", [], handler: "Skip")).StatusCode);
        }
        return (await RunSheetSteps.SheetAsync(app, meetingId))!;
    }

    private Task<string> StateAsync(MeetingCast cast, int meetingId) => app.WithDbAsync(async db =>
        (await db.Set<MeetingRunSheet>().AsNoTracking().Where(s => s.MeetingId == meetingId).Select(s => s.Json).SingleOrDefaultAsync() ?? "")
        + "|" + await cast.LogAsync());
}
