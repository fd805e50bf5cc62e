using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Debate;

/// <summary>
/// The synthesis of a debate, on SQLite and PostgreSQL: the process's team writes it through the page or the API, it
/// is shown above the debate with arguments for and against linking to the comments that made them (each link finds
/// its comment however far down the debate it is), citations must be shown comments of the same debate, two editors
/// at once never overwrite each other unseen, and the log says that it was written without its text.
/// </summary>
public abstract class DebateSynthesisTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static async Task<HttpResponseMessage> SendAsync(FormClient client, HttpMethod method, string url, object? body)
    {
        var token = await Scenarios.AntiforgeryTokenAsync(client);
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, Json), System.Text.Encoding.UTF8, "application/json");
        }
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.Http.SendAsync(request);
    }

    private static async Task<int> PostAsync(FormClient client, int processId, string body, int? parentId = null)
    {
        var response = await SendAsync(client, HttpMethod.Post, $"/api/v1/debates/process/{processId}/comments", new { body, parentId, submissionId = Guid.NewGuid() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
    }

    private Task<string> SummaryAsync(int processId) => app.WithDbAsync(db =>
        db.Set<DebateSynthesis>().Where(s => s.TargetKind == "process" && s.TargetId == processId).Select(s => s.Summary).SingleOrDefaultAsync()).ContinueWith(t => t.Result ?? "");

    [Fact]
    public async Task The_team_writes_a_synthesis_whose_arguments_link_to_the_comments_that_made_them()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var p = cast.ProcessId;
        var first = await PostAsync(cast.ParticipantClient, p, "Evenings matter to people who work.");
        // 25 threads before the cited reply: it is not on the debate's first page.
        for (var i = 0; i < 24; i++)
        {
            await PostAsync(cast.OtherStaffClient, p, $"Another view {i}.");
        }
        var late = await PostAsync(cast.ParticipantClient, p, "Mornings matter to shift workers.");
        var reply = await PostAsync(cast.OtherStaffClient, p, "So do weekends.", late);

        var response = await cast.FacilitatorClient.SubmitAsync($"/debate/process/{p}/synthesis", new()
        {
            ["Input.Summary"] = "People want **longer** hours but not at the cost of mornings.",
            ["Input.Arguments[0].Side"] = "For",
            ["Input.Arguments[0].Text"] = "Evenings fit working people.",
            ["Input.Arguments[0].Comments"] = $"#{first}",
            ["Input.Arguments[1].Side"] = "Against",
            ["Input.Arguments[1].Text"] = "Mornings and weekends must stay.",
            ["Input.Arguments[1].Comments"] = $"{late}, https://example.org/debate/process/{p}#comment-{reply}",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await cast.AnonymousClient.GetOkPageAsync($"/debate/process/{p}");
        var synthesis = page.QuerySelector(".synthesis");
        Assert.NotNull(synthesis);
        Assert.Equal("longer", synthesis.QuerySelector(".prose strong")?.TextContent);
        var links = synthesis.QuerySelectorAll("a[href*='#comment-']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, links.Count);
        Assert.Null(page.QuerySelector($"#comment-{reply}"));
        var cited = await cast.AnonymousClient.GetOkPageAsync(WebUtility.HtmlDecode(links[2]));
        Assert.NotNull(cited.QuerySelector($"#comment-{reply}"));
        Assert.NotNull(cited.QuerySelector($"#comment-{late}"));
        Assert.Null(page.QuerySelector(".synthesis a[href$='/synthesis']"));

        // The team sees the way to edit it; the log says it was written, by whom, never what.
        var staffPage = await cast.FacilitatorClient.GetOkPageAsync($"/debate/process/{p}");
        Assert.NotNull(staffPage.QuerySelector($".synthesis a[href='/debate/process/{p}/synthesis']"));
        var entry = await app.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == p && e.Action == "debate.synthesis-written").SingleAsync());
        Assert.DoesNotContain("longer", entry.Data, StringComparison.Ordinal);
        Assert.Contains("\"against\":1", entry.Data, StringComparison.Ordinal);

        // The API reads the same.
        var read = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/debates/process/{p}/synthesis", Json);
        Assert.Equal(1, read.GetProperty("version").GetInt32());
        Assert.Equal([late, reply], read.GetProperty("arguments")[1].GetProperty("comments").EnumerateArray().Select(c => c.GetInt32()));

        // The process's followers hear of the first synthesis, not of later edits.
        await Notifications.NotificationScenario.FanOutAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(cast.FacilitatorClient, HttpMethod.Put, $"/api/v1/debates/process/{p}/synthesis", new { summary = "Edited.", version = 1 })).StatusCode);
        await Notifications.NotificationScenario.FanOutAsync(app);
        var told = Assert.Single(await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Notifications.Notification>()
            .Where(n => n.UserId == cast.Participant.Id && n.Event == "debate.synthesis-written").ToListAsync()));
        Assert.Equal($"/processes/{p}#synthesis-process-{p}", told.Link);
    }

    [Fact]
    public async Task Citations_must_be_shown_comments_of_this_debate_and_bad_rows_say_which()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var p = cast.ProcessId;
        var mine = await PostAsync(cast.ParticipantClient, p, "A view.");
        var gone = await PostAsync(cast.ParticipantClient, p, "A view taken back.");
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(cast.ParticipantClient, HttpMethod.Delete, $"/api/v1/debates/process/{p}/comments/{gone}", null)).StatusCode);
        var other = await Scenarios.ProcessWithCastAsync(app);
        var elsewhere = await PostAsync(other.ParticipantClient, other.ProcessId, "A view elsewhere.");

        async Task<string> RefusedAsync(Dictionary<string, string> fields)
        {
            var response = await cast.OwnerClient.SubmitAsync($"/debate/process/{p}/synthesis", fields);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var document = await FormClient.ParseAsync(response);
            Assert.Equal(fields["Input.Arguments[0].Text"], document.QuerySelector("textarea[name='Input.Arguments[0].Text']")?.TextContent.Trim());
            return document.QuerySelector(".error-summary")!.TextContent;
        }

        Dictionary<string, string> Row(string side, string text, string comments) => new()
        {
            ["Input.Summary"] = "A summary.",
            ["Input.Arguments[0].Side"] = side,
            ["Input.Arguments[0].Text"] = text,
            ["Input.Arguments[0].Comments"] = comments,
        };
        Assert.Contains($"#{elsewhere}", await RefusedAsync(Row("For", "An argument.", $"#{mine} #{elsewhere}")), StringComparison.Ordinal);
        Assert.Contains($"#{gone}", await RefusedAsync(Row("For", "An argument.", $"#{gone}")), StringComparison.Ordinal);
        Assert.Contains("Argument 1", await RefusedAsync(Row("For", "An argument.", "twelve")), StringComparison.Ordinal);
        Assert.Contains("Argument 1: choose for or against", await RefusedAsync(Row("", "An argument.", $"#{mine}")), StringComparison.Ordinal);
        Assert.Equal("", await SummaryAsync(p));

        // Only the team writes it; the page and the API refuse everyone else.
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.Http.GetAsync($"/debate/process/{p}/synthesis")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(cast.ParticipantClient, HttpMethod.Put, $"/api/v1/debates/process/{p}/synthesis", new { summary = "Mine.", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(cast.AnonymousClient, HttpMethod.Put, $"/api/v1/debates/process/{p}/synthesis", new { summary = "Mine.", version = 0 })).StatusCode);
        var bad = await SendAsync(cast.OwnerClient, HttpMethod.Put, $"/api/v1/debates/process/{p}/synthesis", new { summary = "S.", version = 0, arguments = new[] { new { side = "Neutral", text = "x", comments = Array.Empty<int>() } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("arguments", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("", await SummaryAsync(p));
    }

    [Fact]
    public async Task Two_editors_at_once_the_later_sees_the_earlier_and_keeps_what_they_typed()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var p = cast.ProcessId;
        var (action, fields) = await cast.OwnerClient.ReadFormAsync($"/debate/process/{p}/synthesis");
        Assert.Equal("0", fields["Input.Version"]);

        var api = await SendAsync(cast.FacilitatorClient, HttpMethod.Put, $"/api/v1/debates/process/{p}/synthesis", new { summary = "The facilitator's summary.", version = 0 });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(1, (await api.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("version").GetInt32());

        fields["Input.Summary"] = "The owner's summary.";
        var stale = await cast.OwnerClient.PostAsync(action, fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        var document = await FormClient.ParseAsync(stale);
        Assert.Contains("The facilitator's summary.", document.QuerySelector(".notice .synthesis")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("The owner's summary.", document.QuerySelector("textarea[name='Input.Summary']")?.TextContent.Trim());
        Assert.Equal("The facilitator's summary.", await SummaryAsync(p));

        // Having seen it, the owner saves again: the form now carries the version it was shown.
        var resubmit = await cast.OwnerClient.SubmitAsync($"/debate/process/{p}/synthesis", new() { ["Input.Summary"] = "The owner's summary." });
        Assert.Equal(HttpStatusCode.Redirect, resubmit.StatusCode);
        Assert.Equal("The owner's summary.", await SummaryAsync(p));

        // The API with the old version is refused; the same text again changes nothing and logs nothing more.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SendAsync(cast.FacilitatorClient, HttpMethod.Put, $"/api/v1/debates/process/{p}/synthesis", new { summary = "Late.", version = 1 })).StatusCode);
        var same = await SendAsync(cast.FacilitatorClient, HttpMethod.Put, $"/api/v1/debates/process/{p}/synthesis", new { summary = "The owner's summary.", version = 2 });
        Assert.False((await same.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("changed").GetBoolean());
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<ProcessLogEntry>().CountAsync(e => e.ProcessId == p && e.Action == "debate.synthesis-written")));
    }
}

public sealed class DebateSynthesisOnSqlite(BudgetingSqliteApp app) : DebateSynthesisTests<BudgetingSqliteApp>(app);

public sealed class DebateSynthesisOnPostgres(BudgetingPostgresApp app) : DebateSynthesisTests<BudgetingPostgresApp>(app);
