using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Translations;

/// <summary>A process with an announcement, a budget and a proposal of the participant, for translating through the API.</summary>
internal sealed record TranslationCast(CocreoApp App, ProcessCast People, int AnnouncementId, int BudgetId, int ProposalId)
{
    public static async Task<TranslationCast> CreateAsync(CocreoApp app)
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/announcements/new",
            new() { ["Input.Title"] = "Walk-along on Saturday", ["Input.Body"] = "Meet at the school gate." })).StatusCode);
        var announcementId = await app.WithDbAsync(db => db.Set<Announcement>().Where(a => a.ProcessId == cast.ProcessId).Select(a => a.Id).SingleAsync());
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId, BudgetFields(questions: "Your age\n16–29\n30 or older"));
        var proposalId = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A bench by the river", 2_000m));
        return new(app, cast, announcementId, budgetId, proposalId);
    }

    /// <summary>A PUT with the sign-in cookie and, unless told otherwise, the antiforgery header.</summary>
    public static async Task<HttpResponseMessage> PutAsync(FormClient client, string url, object body, bool withToken = true)
    {
        var token = await Scenarios.AntiforgeryTokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (withToken)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }
        return await client.Http.SendAsync(request);
    }

    /// <summary>The process's log as it stands (every translation is logged).</summary>
    public Task<string> LogAsync() => App.WithDbAsync(async db =>
        (await db.Set<ProcessLogEntry>().CountAsync(e => e.ProcessId == People.ProcessId)).ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// Translations are written through <c>/api/v1</c> with the use cases of the translations pages: the same people
/// may, the same checks hold. Every person tries each endpoint; anonymous callers get 401.
/// </summary>
public sealed class TranslationApiAuthorizationTests(BudgetingSqliteApp app) : IClassFixture<BudgetingSqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];
    private static readonly string[] Team = ["401", Forbidden, Changed, Changed, Forbidden, Changed];

    private sealed record Row(Endpoint Endpoint, Func<TranslationCast, int, (string Url, object Body)> Attempt, string[] Expected);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["api/process translation"] = new(new("PUT", "/api/v1/processes/{id:int}/translations/{language}"),
            (cast, i) => ($"/api/v1/processes/{cast.People.ProcessId}/translations/sl", new { title = $"Varnejša pot v šolo {i}", sponsorName = "Županov urad" }), Team),
        ["api/announcement translation"] = new(new("PUT", "/api/v1/processes/{id:int}/announcements/{announcementId:int}/translations/{language}"),
            (cast, i) => ($"/api/v1/processes/{cast.People.ProcessId}/announcements/{cast.AnnouncementId}/translations/sl", new { title = $"Sprehod v soboto {i}", body = "Dobimo se pred šolo." }), Team),
        ["api/budget translation"] = new(new("PUT", "/api/v1/budgets/{id:int}/translations/{language}"),
            (cast, i) => ($"/api/v1/budgets/{cast.BudgetId}/translations/sl", new { title = $"Proračun {i}", categories = "Zelene površine" }), Team),
        // A proposal: its author (the participant) or the team.
        ["api/proposal translation"] = new(new("PUT", "/api/v1/proposals/{id:int}/translations/{language}"),
            (cast, i) => ($"/api/v1/proposals/{cast.ProposalId}/translations/sl", new { title = $"Klop ob reki {i}", description = "Prosimo, postavite klop." }),
            ["401", Changed, Changed, Changed, Forbidden, Changed]),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_translate_through_the_api(string name)
    {
        var row = Rows[name];
        var cast = await TranslationCast.CreateAsync(app);
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var (url, body) = row.Attempt(cast, i);
            var before = await cast.LogAsync();
            var response = await TranslationCast.PutAsync(clients[i], url, body);
            var after = await cast.LogAsync();
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem} {await response.Content.ReadAsStringAsync()}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }
}

/// <summary>What the API says to bad translations: 422 with the field's problem, nothing saved; and what it saves, the pages show.</summary>
public abstract class TranslationApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task Bad_translations_are_refused_with_the_field_and_nothing_is_saved()
    {
        var cast = await TranslationCast.CreateAsync(App);
        var owner = cast.People.OwnerClient;
        var budget = $"/api/v1/budgets/{cast.BudgetId}/translations/";
        var log = await cast.LogAsync();

        async Task<JsonElement> RefusedAsync(HttpResponseMessage response, string field)
        {
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{field}: {problem}");
            Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
            return messages;
        }

        await RefusedAsync(await TranslationCast.PutAsync(owner, budget + "xx", new { title = "Proračun" }), "language");
        // The original language cannot be "translated".
        var same = await RefusedAsync(await TranslationCast.PutAsync(owner, budget + "en", new { title = "Budget" }), "language");
        Assert.Contains("written in", same[0].GetString(), StringComparison.Ordinal);
        var tooLong = await RefusedAsync(await TranslationCast.PutAsync(owner, budget + "sl", new { title = new string('x', 201) }), "title");
        Assert.Equal("The title can have at most 200 characters.", tooLong[0].GetString());
        await RefusedAsync(await TranslationCast.PutAsync(owner, budget + "sl", new { title = "" }), "title");
        await RefusedAsync(await TranslationCast.PutAsync(owner, budget + "sl", new { title = "Proračun", categories = "A\nB\nC\nD" }), "categories");
        await RefusedAsync(await TranslationCast.PutAsync(owner, budget + "sl",
            new { title = "Proračun", questions = new[] { new { text = "Starost", options = new[] { "mlajši", new string('x', 201) } } } }), "questions");
        // The messages are the reader's language's.
        var slovenian = await RefusedAsync(await TranslationCast.PutAsync(owner, budget + "sl?culture=sl", new { title = new string('x', 201) }), "title");
        Assert.DoesNotContain("characters", slovenian[0].GetString(), StringComparison.Ordinal);
        await RefusedAsync(await TranslationCast.PutAsync(owner, $"/api/v1/processes/{cast.People.ProcessId}/translations/en", new { title = "A safer way" }), "language");
        await RefusedAsync(await TranslationCast.PutAsync(owner, $"/api/v1/proposals/{cast.ProposalId}/translations/en", new { title = "Bench", description = "A bench." }), "language");
        await RefusedAsync(await TranslationCast.PutAsync(cast.People.FacilitatorClient, $"/api/v1/processes/{cast.People.ProcessId}/announcements/{cast.AnnouncementId}/translations/sl",
            new { title = "Sprehod", body = "" }), "body");
        // Without the antiforgery header a signed-in call changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await TranslationCast.PutAsync(owner, budget + "sl", new { title = "Proračun" }, withToken: false)).StatusCode);
        Assert.Equal(log, await cast.LogAsync());
        Assert.False(await App.WithDbAsync(db => db.Set<BudgetTranslation>().AnyAsync(t => t.BudgetId == cast.BudgetId)));

        // A good one is saved as the page saves it, and read back in the reader's language.
        Assert.Equal(HttpStatusCode.NoContent, (await TranslationCast.PutAsync(owner, budget + "sl", new
        {
            title = "Participativni proračun 2027",
            categories = "Zelene površine\nPromet",
            questions = new[] { new { text = "Vaša starost", options = new[] { "16–29 let" } } },
        })).StatusCode);
        var document = await cast.People.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/budgets/{cast.BudgetId}?culture=sl");
        Assert.Equal("Participativni proračun 2027", document.GetProperty("budget").GetProperty("title").GetString());
        Assert.Equal(["Zelene površine", "Promet", "Culture"], document.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToArray());
        var form = await owner.GetOkPageAsync($"/budgets/{cast.BudgetId}/translations?language=sl");
        Assert.Equal("Vaša starost", form.QuerySelector("[name='Input.Questions[0].Text']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.NoContent, (await TranslationCast.PutAsync(cast.People.ParticipantClient, $"/api/v1/proposals/{cast.ProposalId}/translations/sl",
            new { title = "Klop ob reki", description = "Prosimo, postavite klop." })).StatusCode);
        var proposals = await cast.People.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/budgets/{cast.BudgetId}/proposals?culture=sl");
        Assert.Equal("Klop ob reki", proposals[0].GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await TranslationCast.PutAsync(owner, $"/api/v1/processes/{cast.People.ProcessId}/translations/sl",
            new { title = "Varnejša pot v šolo", canInfluence = "Prehodi\nHitrost" })).StatusCode);
        var process = await cast.People.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.People.ProcessId}?culture=sl");
        Assert.Equal("Varnejša pot v šolo", process.GetProperty("title").GetString());
        Assert.Equal(["Prehodi", "Hitrost"], process.GetProperty("canInfluence").EnumerateArray().Select(c => c.GetString()).ToArray());
    }
}

public sealed class TranslationApiOnSqlite(BudgetingSqliteApp app) : TranslationApiTests<BudgetingSqliteApp>(app);

public sealed class TranslationApiOnPostgres(BudgetingPostgresApp app) : TranslationApiTests<BudgetingPostgresApp>(app);
