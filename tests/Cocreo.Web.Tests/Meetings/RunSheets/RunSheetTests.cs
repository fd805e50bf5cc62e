using System.Net;
using System.Text;
using System.Text.Json;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.RunSheets;

/// <summary>
/// Run sheets over HTTP on both databases: made from each format, edited on a version (an old version refused with the
/// current plan), parallel changes on one version (exactly one applied), the live operations and the projector and
/// phone views, Slovenian refusals, the API and the log.
/// </summary>
public abstract class RunSheetTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    public static TheoryData<MeetingFormat> Formats => new(RunSheetTemplates.Formats);

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_team_makes_a_run_sheet_from_each_format_with_the_meetings_start_and_length(MeetingFormat format)
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var form = await cast.People.OwnerClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/run-sheet/new");
        Assert.Contains(RunSheetTemplates.Explain(format, "en").Name, form.Body!.TextContent, StringComparison.Ordinal);

        // The design sprint needs a day of at least four hours, Open Space and unconferences their usual slots take
        // longer than the meeting's two hours (left empty: as long as the blocks need); the others fill the two hours.
        var fitsTwoHours = format is MeetingFormat.WorldCafe or MeetingFormat.Circle or MeetingFormat.Fishbowl;
        var fields = format == MeetingFormat.DesignSprint ? new Dictionary<string, string> { ["Input.TotalMinutes"] = "420" }
            : fitsTwoHours ? null : new Dictionary<string, string> { ["Input.TotalMinutes"] = "" };
        var response = await RunSheetSteps.CreateAsync(cast.People.OwnerClient, cast.MeetingId, format, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sheet = await RunSheetSteps.SheetAsync(app, cast.MeetingId);
        Assert.NotNull(sheet);
        Assert.Equal(format, sheet.Format);
        Assert.Empty(RunSheetValidator.Validate(sheet));
        var meeting = await app.WithDbAsync(db => db.Set<Features.Meetings.Meeting>().SingleAsync(m => m.Id == cast.MeetingId));
        Assert.Equal(meeting.StartsAt, sheet.Start.UtcDateTime);
        if (fitsTwoHours)
        {
            Assert.Equal(meeting.EndsAt, sheet.PlannedEnd.UtcDateTime);
        }
        var page = await cast.People.OwnerClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/run-sheet");
        Assert.Equal(sheet.Blocks.Count, page.QuerySelectorAll(".run-sheet-block").Length);
        Assert.Contains("meeting.runsheet.created", await cast.LogAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_format_says_what_to_change_in_Slovenian_too_and_stores_nothing()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);

        var range = await RunSheetSteps.CreateAsync(cast.People.OwnerClient, cast.MeetingId, MeetingFormat.WorldCafe, new() { ["Input.Rounds"] = "1" }, culture: "sl");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, range.StatusCode);
        Assert.Contains("Krogi: vnesite število od 2 do 8.", (await FormClient.ParseAsync(range)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var tooLong = await RunSheetSteps.CreateAsync(cast.People.OwnerClient, cast.MeetingId, MeetingFormat.WorldCafe,
            new() { ["Input.Rounds"] = "6", ["Input.RoundMinutes"] = "60", ["Input.TotalMinutes"] = "120" }, culture: "sl");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("Bloki ne gredo v čas srečanja", (await FormClient.ParseAsync(tooLong)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var english = await RunSheetSteps.CreateAsync(cast.People.OwnerClient, cast.MeetingId, MeetingFormat.WorldCafe,
            new() { ["Input.Rounds"] = "6", ["Input.RoundMinutes"] = "60", ["Input.TotalMinutes"] = "120" });
        Assert.Contains("overflow by", (await FormClient.ParseAsync(english)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        Assert.Null(await RunSheetSteps.SheetAsync(app, cast.MeetingId));
        Assert.DoesNotContain("runsheet", await cast.LogAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_made_on_an_old_version_is_refused_with_the_current_plan_shown()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await RunSheetSteps.CreatedAsync(app, cast.People.OwnerClient, cast.MeetingId);
        var block = sheet.Blocks[1];

        // The facilitator renames the block; the owner's form was made on the version before.
        Assert.Equal(HttpStatusCode.Redirect, (await RunSheetSteps.RenameAsync(cast.People.FacilitatorClient, cast.MeetingId, block.Id, "Fran's round")).StatusCode);
        var late = await RunSheetSteps.RenameAsync(cast.People.OwnerClient, cast.MeetingId, block.Id, "Olga's round", version: sheet.Version);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var page = await FormClient.ParseAsync(late);
        Assert.Contains("Someone else changed the run sheet", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Fran's round", page.QuerySelector("#run-sheet-plan")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Olga's round", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal((sheet.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("input[name='Version']")!.GetAttribute("value"));
        var now = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        Assert.Equal("Fran's round", now.Find(block.Id)!.Title);
        Assert.Equal(sheet.Version + 1, now.Version);

        // Seen the other change, the owner saves again: applied.
        Assert.Equal(HttpStatusCode.Redirect, (await RunSheetSteps.RenameAsync(cast.People.OwnerClient, cast.MeetingId, block.Id, "Olga's round", version: now.Version)).StatusCode);
        Assert.Equal("Olga's round", (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Find(block.Id)!.Title);
    }

    [Fact]
    public async Task Parallel_changes_made_on_one_version_apply_exactly_one()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await RunSheetSteps.CreatedAsync(app, cast.People.OwnerClient, cast.MeetingId);
        var block = sheet.Blocks[0];
        var clients = new[] { cast.People.OwnerClient, cast.People.FacilitatorClient, cast.People.AdminClient, cast.People.OwnerClient, cast.People.FacilitatorClient, cast.People.AdminClient };
        var forms = new List<(string Action, Dictionary<string, string> Fields)>();
        foreach (var client in clients)
        {
            forms.Add(await client.ReadFormAsync($"/meetings/{cast.MeetingId}/run-sheet/blocks/{block.Id}"));
        }

        var responses = await Task.WhenAll(clients.Select((client, i) =>
        {
            var (action, fields) = forms[i];
            fields["Input.Title"] = $"Title {i}";
            return client.PostAsync(action, fields);
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var after = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        Assert.Equal(sheet.Version + 1, after.Version);
        var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal($"Title {winner}", after.Find(block.Id)!.Title);
        Assert.Equal(1, (await cast.LogAsync()).Split(',').Count(a => a == "meeting.runsheet.edited"));
    }

    [Fact]
    public async Task The_lead_facilitator_starts_extends_and_skips_blocks_and_the_rest_of_the_plan_shifts()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await RunSheetSteps.CreatedAsync(app, cast.People.OwnerClient, cast.MeetingId);
        var phone = $"/meetings/{cast.MeetingId}/run-sheet/live";
        var facilitator = cast.People.FacilitatorClient;

        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(phone, [], handler: "Start")).StatusCode);
        var started = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        Assert.Equal(BlockStatus.Running, started.Blocks[0].Status);
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(phone, new() { ["minutes"] = "5" }, handler: "Extend")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(phone, [], handler: "Skip")).StatusCode);

        var after = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        Assert.Equal(5, after.Blocks[0].ExtraMinutes);
        Assert.True(after.Blocks[1].Skipped);
        Assert.Equal(sheet.Blocks[1].Start, after.Blocks[1].Start);  // the plan stays; what happened is beside it
        var projected = RunSheetClock.Project(after, DateTimeOffset.UtcNow);
        Assert.Equal(projected[1].Start, projected[1].End);         // the skipped block takes no time
        Assert.True(projected[2].Start >= projected[0].End);

        // The projector (anyone who may see the meeting) shows the running block and its countdown; the
        // facilitators' instructions only on the phone view.
        var projector = await cast.People.AnonymousClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/now");
        Assert.Contains(after.Blocks[0].Title, projector.QuerySelector(".now-current")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(projector.QuerySelector("[data-ends-at]"));
        Assert.Equal(RunSheetLive.Topic(cast.MeetingId), projector.QuerySelector("#runsheet-now")!.GetAttribute("data-live-topic"));
        Assert.DoesNotContain(after.Blocks[0].Instructions, projector.Body!.TextContent, StringComparison.Ordinal);
        var phonePage = await facilitator.GetOkPageAsync(phone);
        Assert.Contains(after.Blocks[0].Instructions, phonePage.Body!.TextContent, StringComparison.Ordinal);

        var log = await cast.LogAsync();
        Assert.Contains("meeting.runsheet.started", log, StringComparison.Ordinal);
        Assert.Contains("meeting.runsheet.extended", log, StringComparison.Ordinal);
        Assert.Contains("meeting.runsheet.skipped", log, StringComparison.Ordinal);

        // A button pressed on a view drawn before the skip is refused, with the current state.
        var stale = await facilitator.PostAsync($"{phone}?handler=Extend", new()
        {
            ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(facilitator),
            ["version"] = started.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["blockId"] = after.Blocks[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["minutes"] = "5",
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(5, (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Blocks[0].ExtraMinutes);
    }

    [Fact]
    public async Task The_api_reads_the_sheet_without_the_teams_texts_for_the_public_and_refuses_an_old_version_with_the_current_sheet()
    {
        app.RequireAvailable();
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await RunSheetSteps.CreatedAsync(app, cast.People.OwnerClient, cast.MeetingId);

        var publicJson = JsonDocument.Parse(await cast.People.AnonymousClient.Http.GetStringAsync($"/api/v1/meetings/{cast.MeetingId}/run-sheet")).RootElement;
        Assert.Equal(sheet.Version, publicJson.GetProperty("version").GetInt64());
        Assert.Equal("notStarted", publicJson.GetProperty("now").GetProperty("phase").GetString(), ignoreCase: true);
        Assert.DoesNotContain(sheet.Blocks[0].Instructions, publicJson.GetRawText(), StringComparison.Ordinal);
        var teamJson = await cast.People.FacilitatorClient.Http.GetStringAsync($"/api/v1/meetings/{cast.MeetingId}/run-sheet");
        Assert.Contains(JsonEncodedText.Encode(sheet.Blocks[0].Instructions).Value[..20], teamJson, StringComparison.Ordinal);

        var token = await Scenarios.AntiforgeryTokenAsync(cast.People.FacilitatorClient);
        async Task<HttpResponseMessage> ExtendAsync(long version)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{cast.MeetingId}/run-sheet/changes")
            {
                Content = new StringContent($"{{\"version\":{version},\"change\":{{\"op\":\"startBlock\",\"blockId\":{sheet.Blocks[0].Id},\"at\":\"2000-01-01T00:00:00Z\"}}}}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-CSRF-TOKEN", token);
            return await cast.People.FacilitatorClient.Http.SendAsync(request);
        }
        var applied = await ExtendAsync(sheet.Version);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var stored = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        Assert.True(stored.Blocks[0].ActualStart > DateTimeOffset.UtcNow.AddMinutes(-5), "a block starts at the server's time, not the request's");

        var conflict = await ExtendAsync(sheet.Version);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = JsonDocument.Parse(await conflict.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Conflict", problem.GetProperty("problems")[0].GetProperty("kind").GetString());
        Assert.Equal(sheet.Version + 1, problem.GetProperty("current").GetProperty("version").GetInt64());
    }
}

public sealed class RunSheetTestsOnSqlite(MeetingsSqliteApp app) : RunSheetTests<MeetingsSqliteApp>(app);

public sealed class RunSheetTestsOnPostgres(MeetingsPostgresApp app) : RunSheetTests<MeetingsPostgresApp>(app);
