using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Translations;

/// <summary>
/// Everything people write about a process can be read in the reader's language: the process (its sponsor too), its
/// announcements, its budgets and their proposals. A reader sees the translation into the interface language; where
/// there is none, or it leaves a field empty, the original is shown with its own <c>lang</c>, so a screen reader reads
/// it with the right voice. The API answers with the same text. A proposal is translated by its author or the team
/// only, and its page says in which language it was written and who translated it.
/// </summary>
public abstract class TranslationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task A_process_with_its_sponsor_reads_in_Slovenian_and_what_is_not_translated_keeps_its_language()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var saved = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/translations?language=sl", new()
        {
            ["Input.Title"] = "Varnejša pot v šolo",
            ["Input.ProblemStatement"] = "Otroci pravijo, da je pot v šolo nevarna.",
            ["Input.Purpose"] = "",
            ["Input.SponsorName"] = "Županov urad",
            ["Input.SponsorMandate"] = "Do 180.000 €.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var sl = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}?culture=sl");
        var h1 = sl.QuerySelector("h1")!;
        Assert.Equal("Varnejša pot v šolo", h1.TextContent.Trim());
        Assert.Equal("sl", h1.GetAttribute("lang"));
        var sponsor = sl.QuerySelector("strong[lang]")!;
        Assert.Equal("Županov urad", sponsor.TextContent);
        Assert.Equal("sl", sponsor.GetAttribute("lang"));
        // The purpose has no translation: shown as written, marked English.
        var purpose = sl.QuerySelectorAll(".prose").Single(p => p.TextContent.Contains("Design changes the city will build next year.", StringComparison.Ordinal));
        Assert.Equal("en", purpose.GetAttribute("lang"));
        var backing = sl.QuerySelectorAll(".prose").Single(p => p.TextContent.Contains("Council decision 45/2026.", StringComparison.Ordinal));
        Assert.Equal("en", backing.GetAttribute("lang"));

        var en = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}?culture=en");
        Assert.Equal("A safer way to school", en.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("en", en.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("Ana Kovač", en.QuerySelector("strong[lang]")!.TextContent);

        // The API says the same, in the language asked for.
        var document = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}?culture=sl");
        Assert.Equal("Varnejša pot v šolo", document.GetProperty("title").GetString());
        Assert.Equal("Županov urad", document.GetProperty("sponsorName").GetString());
        Assert.Equal("Design changes the city will build next year.", document.GetProperty("purpose").GetString());
        Assert.Equal("en", document.GetProperty("originalLanguage").GetString());
    }

    [Fact]
    public async Task The_team_translates_an_announcement_and_a_participant_cannot()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/announcements/new",
            new() { ["Input.Title"] = "Walk-along on Saturday", ["Input.Body"] = "Meet at the school gate." })).StatusCode);
        var id = await App.WithDbAsync(db => db.Set<Announcement>().Where(a => a.ProcessId == cast.ProcessId).Select(a => a.Id).SingleAsync());
        var url = $"/processes/{cast.ProcessId}/announcements/{id}/translations";

        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.GetPageAsync(url + "?language=sl")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync(url + "?language=sl",
            new() { ["Input.Title"] = "Skupni sprehod v soboto", ["Input.Body"] = "Dobimo se pred šolo." })).StatusCode);
        // The language it was written in is no translation.
        var same = await cast.FacilitatorClient.SubmitAsync(url + "?language=sl", new() { ["language"] = "en", ["Input.Title"] = "Again", ["Input.Body"] = "Again." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        Assert.Contains("Choose a language other than the one the announcement is written in.", (await FormClient.ParseAsync(same)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var sl = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}?culture=sl");
        var title = sl.QuerySelector($"#announcement-{id}")!;
        Assert.Equal("Skupni sprehod v soboto", title.TextContent);
        Assert.Equal("sl", title.GetAttribute("lang"));
        var en = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}?culture=en");
        Assert.Equal("Walk-along on Saturday", en.QuerySelector($"#announcement-{id}")!.TextContent);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AnnouncementTranslation>().CountAsync(t => t.AnnouncementId == id)));
        // Search finds it by its translation too.
        var found = await SearchAsync(cast.OwnerClient, "sprehod");
        Assert.Contains(found, url => url.EndsWith($"#announcement-{id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_budget_and_its_categories_read_in_Slovenian_with_the_untranslated_category_in_English()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var url = $"/budgets/{budgetId}/translations?language=sl";
        // Three categories: four names are too many, and nothing is saved.
        var tooMany = await cast.OwnerClient.SubmitAsync(url, new() { ["Input.Title"] = "Participativni proračun", ["Input.Categories"] = "A\nB\nC\nD" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<BudgetTranslation>().CountAsync(t => t.BudgetId == budgetId)));
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.GetPageAsync(url)).Response.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync(url, new()
        {
            ["Input.Title"] = "Participativni proračun 2027",
            ["Input.Description"] = "Predlogi za **bolj zelene** ulice.",
            ["Input.Categories"] = "Zelene površine\nPromet",
        })).StatusCode);

        var sl = await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}?culture=sl");
        Assert.Equal("Participativni proračun 2027", sl.QuerySelector("h1")!.TextContent);
        Assert.Equal("sl", sl.QuerySelector("h1")!.GetAttribute("lang"));
        var categories = sl.QuerySelectorAll("li[lang]").Select(li => (li.TextContent, li.GetAttribute("lang"))).ToList();
        Assert.Contains(("Zelene površine", "sl"), categories);
        Assert.Contains(("Promet", "sl"), categories);
        Assert.Contains(("Culture", "en"), categories);

        var document = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/budgets/{budgetId}?culture=sl");
        Assert.Equal("Participativni proračun 2027", document.GetProperty("budget").GetProperty("title").GetString());
        Assert.Equal(["Zelene površine", "Promet", "Culture"], document.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_proposal_written_in_Slovenian_is_translated_by_the_team_not_by_a_stranger_and_says_so()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposed = await cast.ParticipantClient.SubmitAsync($"/budgets/{budgetId}/proposals/new", new()
        {
            ["Input.Language"] = "sl",
            ["Input.Title"] = "Pitnik ob igrišču",
            ["Input.Description"] = "Poleti otroci nimajo vode.",
            ["Input.Location"] = "Vrtača",
            ["Input.Category"] = "Green spaces",
            ["Input.EstimatedCost"] = "3000",
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var proposalId = Scenarios.IdFrom(proposed, "/proposals/");
        var url = $"/proposals/{proposalId}/translations?language=en";
        var english = new Dictionary<string, string> { ["Input.Title"] = "A drinking fountain by the playground", ["Input.Description"] = "In summer the children have no water." };

        // Someone else signed in may not put words in the author's mouth; nor may someone signed out.
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.OtherStaffClient.GetPageAsync(url)).Response.StatusCode);
        var stranger = await PostAsync(cast.OtherStaffClient, url, english);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("/account/sign-in", (await PostAsync(cast.AnonymousClient, url, english)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<ProposalTranslation>().CountAsync(t => t.ProposalId == proposalId)));

        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync(url, english)).StatusCode);
        var translation = await App.WithDbAsync(db => db.Set<ProposalTranslation>().SingleAsync(t => t.ProposalId == proposalId));
        Assert.Equal(ProposalTranslator.Team, translation.TranslatedBy);

        var en = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}?culture=en");
        Assert.Equal("A drinking fountain by the playground", en.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", en.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Contains("Written in Slovenian; translation by the team.", en.QuerySelector("#written-in")!.TextContent, StringComparison.Ordinal);
        // The location was not translated: it keeps its language.
        Assert.Equal("sl", en.QuerySelectorAll("span[lang]").Single(s => s.TextContent == "Vrtača").GetAttribute("lang"));

        var sl = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}?culture=sl");
        Assert.Equal("Pitnik ob igrišču", sl.QuerySelector("h1")!.TextContent);
        Assert.Equal("sl", sl.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Contains("Izvirni jezik: slovenščina.", sl.QuerySelector("#written-in")!.TextContent, StringComparison.Ordinal);

        var list = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/budgets/{budgetId}/proposals?culture=en", Api);
        var item = list.EnumerateArray().Single();
        Assert.Equal("A drinking fountain by the playground", item.GetProperty("title").GetString());
        Assert.Equal("en", item.GetProperty("language").GetString());
        Assert.Equal("sl", item.GetProperty("originalLanguage").GetString());
        Assert.Equal("Team", item.GetProperty("translatedBy").GetString());
    }

    [Fact]
    public async Task An_author_translates_their_own_proposal_and_the_log_names_them_by_role_only()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A bench by the river", 2_000m));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}/translations?language=sl",
            new() { ["Input.Title"] = "Klop ob reki", ["Input.Description"] = "Prosimo, postavite klop." })).StatusCode);

        var sl = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}?culture=sl");
        Assert.Equal("Klop ob reki", sl.QuerySelector("h1")!.TextContent);
        Assert.Contains("Izvirni jezik: angleščina; prevod: avtor predloga.", sl.QuerySelector("#written-in")!.TextContent, StringComparison.Ordinal);
        // The list of proposals shows it in Slovenian too.
        var list = await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}/proposals?culture=sl");
        Assert.Contains(list.QuerySelectorAll("h2 span[lang=sl]"), s => s.TextContent == "Klop ob reki");

        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        var entry = log.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "proposal.translated");
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("actorName").ValueKind);
        Assert.DoesNotContain(cast.Participant.DisplayName, log.GetRawText(), StringComparison.Ordinal);
        Assert.Contains($"/proposals/{proposalId}", await SearchAsync(cast.OwnerClient, "klop"));

        // A notification about it names it in the reader's language.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = "Near the bridge?" }, handler: "Comment")).StatusCode);
        await Notifications.NotificationScenario.FanOutAsync(App);
        Assert.Contains("Klop ob reki", (await cast.ParticipantClient.GetOkPageAsync("/notifications?culture=sl")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A bench by the river", (await cast.ParticipantClient.GetOkPageAsync("/notifications?culture=en")).Body!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<List<string>> SearchAsync(FormClient client, string query)
    {
        var answer = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(query)}", Api);
        return answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()!).ToList();
    }

    private static async Task<HttpResponseMessage> PostAsync(FormClient client, string url, Dictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client) };
        return await client.PostAsync(url, all);
    }
}

/// <summary>A newcomer to the demo city who reads Slovenian sees the demo's translations, and what is not translated in English, marked so.</summary>
public sealed class TranslationDemoTests(Fuzz.InputFuzzTests.DemoApp app) : IClassFixture<Fuzz.InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_demo_has_a_translated_sponsor_announcement_budget_and_proposals()
    {
        var (schoolId, budgetId, teamTranslated, byAuthor) = await app.WithDbAsync(async db =>
        {
            var school = await db.Set<Process>().Where(p => p.Title == "A safer way to school").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var budget = await db.Set<Budget>().Where(b => b.Title == "City-wide budget 2027").Select(b => b.Id).SingleAsync();
            var team = await db.Set<Proposal>().Where(p => p.Title == "Shade trees on the market square").Select(p => p.Id).SingleAsync();
            var author = await db.Set<Proposal>().Where(p => p.Title == "Pitnik ob otroškem igrišču").Select(p => p.Id).SingleAsync();
            return (school, budget, team, author);
        });
        var client = app.NewClient();
        var process = await client.GetOkPageAsync($"/processes/{schoolId}?culture=sl");
        Assert.Equal("Županov urad (Ana Kovač, vodja urada)", process.QuerySelector("strong[lang=sl]")!.TextContent);
        Assert.Contains(process.QuerySelectorAll("h3[lang=sl]"), h => h.TextContent == "Skupni sprehod v soboto");
        Assert.Equal("Mestni proračun 2027", (await client.GetOkPageAsync($"/budgets/{budgetId}?culture=sl")).QuerySelector("h1")!.TextContent);
        var team = await client.GetOkPageAsync($"/proposals/{teamTranslated}?culture=sl");
        Assert.Equal("Drevesa za senco na tržnici", team.QuerySelector("h1")!.TextContent);
        Assert.Contains("prevod: ekipa proračuna", team.QuerySelector("#written-in")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Pristojni oddelek je potrdil, da jih lahko zgradi leta 2027.", team.QuerySelector("#review-reason[lang=sl]")!.TextContent.Trim());
        var author = await client.GetOkPageAsync($"/proposals/{byAuthor}?culture=en");
        Assert.Equal("A drinking fountain by the playground", author.QuerySelector("h1")!.TextContent);
        Assert.Contains("Written in Slovenian; translation by its author.", author.QuerySelector("#written-in")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class TranslationsOnSqlite(BudgetingSqliteApp app) : TranslationTests<BudgetingSqliteApp>(app);

public sealed class TranslationsOnPostgres(BudgetingPostgresApp app) : TranslationTests<BudgetingPostgresApp>(app);
