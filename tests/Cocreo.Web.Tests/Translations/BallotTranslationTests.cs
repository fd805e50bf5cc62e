using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Translations;

/// <summary>
/// The ballot paper and the published results keep the original titles as the record, but the voting page, the results
/// page and the results API show each project by its proposal's translation into the reader's language, marked with
/// its <c>lang</c>; an untranslated title is shown as written, marked with its own language. The exports keep the originals.
/// </summary>
public abstract class BallotTranslationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task The_ballot_results_and_progress_updates_show_the_readers_translation_and_the_record_keeps_the_original()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, proposals, codes) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 2,
            new Idea("A bench by the river", 2_000m), new Idea("Bike racks", 1_000m));
        // Translated after the ballot was frozen: the paper does not change, the page shows the words.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/proposals/{proposals[0]}/translations?language=sl",
            new() { ["Input.Title"] = "Klop ob reki", ["Input.Description"] = "Prosimo, postavite klop." })).StatusCode);

        var vote = await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}/vote?culture=sl");
        var titles = vote.QuerySelectorAll(".project-title").Select(s => (s.TextContent, s.GetAttribute("lang"))).ToList();
        Assert.Equal([("Klop ob reki", "sl"), ("Bike racks", "en")], titles);
        var english = await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}/vote?culture=en");
        Assert.Equal(["A bench by the river", "Bike racks"], english.QuerySelectorAll(".project-title").Select(s => s.TextContent).ToArray());
        var numbers = await NumbersAsync(App, budgetId);
        Assert.True((await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [numbers[proposals[0]]])).IsSuccessStatusCode);
        await CloseAndPublishAsync(cast.OwnerClient, budgetId);

        var results = await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}/results?culture=sl");
        var funded = results.QuerySelector(".results-list strong")!;
        Assert.Equal("Klop ob reki", funded.TextContent);
        Assert.Equal("sl", funded.GetAttribute("lang"));

        var document = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/budgets/{budgetId}/results?culture=sl");
        var projects = document.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("number").GetInt32());
        var bench = projects[numbers[proposals[0]]];
        Assert.Equal("Klop ob reki", bench.GetProperty("title").GetString());
        Assert.Equal("sl", bench.GetProperty("language").GetString());
        Assert.Equal("A bench by the river", bench.GetProperty("originalTitle").GetString());
        var racks = projects[numbers[proposals[1]]];
        Assert.Equal("Bike racks", racks.GetProperty("title").GetString());
        Assert.Equal("en", racks.GetProperty("language").GetString());

        // The record and the exports keep the ballot's originals.
        var stored = await App.WithDbAsync(db => db.Set<BudgetResult>().Where(r => r.BudgetId == budgetId).Select(r => r.Document).SingleAsync());
        Assert.Contains("A bench by the river", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Klop ob reki", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("originalTitle", stored, StringComparison.Ordinal);
        var csv = await cast.AnonymousClient.Http.GetStringAsync($"/budgets/{budgetId}/results.csv?culture=sl");
        Assert.Contains("A bench by the river", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Klop ob reki", csv, StringComparison.Ordinal);
        var pb = await cast.AnonymousClient.Http.GetStringAsync($"/budgets/{budgetId}/election.pb?culture=sl");
        Assert.DoesNotContain("Klop ob reki", pb, StringComparison.Ordinal);

        // A progress update on the funded project: the team translates it on the proposal's translations page.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/proposals/{proposals[0]}/progress",
            new() { ["Input.Status"] = "InProgress", ["Input.Progress"] = "40", ["Input.Text"] = "The ground works started." })).StatusCode);
        var updateId = await App.WithDbAsync(db => db.Set<ProgressUpdate>().Where(u => u.ProposalId == proposals[0]).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/proposals/{proposals[0]}/translations?language=sl", new()
        {
            ["Input.Title"] = "Klop ob reki",
            ["Input.Description"] = "Prosimo, postavite klop.",
            [$"Input.Updates[{updateId}]"] = "Zemeljska dela so se začela.",
        })).StatusCode);
        var proposalSl = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposals[0]}?culture=sl");
        var update = proposalSl.QuerySelector(".update .prose")!;
        Assert.Equal("Zemeljska dela so se začela.", update.TextContent.Trim());
        Assert.Equal("sl", update.GetAttribute("lang"));
        var proposalEn = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposals[0]}?culture=en");
        Assert.Equal("The ground works started.", proposalEn.QuerySelector(".update .prose")!.TextContent.Trim());
        Assert.Equal("en", proposalEn.QuerySelector(".update .prose")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_team_translates_the_review_answer_and_the_author_cannot()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A bench by the river", 2_000m));
        await ReviewAsync(cast.FacilitatorClient, proposalId, feasible: true, 2_000m);
        var url = $"/proposals/{proposalId}/translations?language=sl";

        var form = await cast.FacilitatorClient.GetOkPageAsync(url);
        Assert.NotNull(form.QuerySelector("[name='Input.ReviewReason']"));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync(url, new()
        {
            ["Input.Title"] = "Klop ob reki",
            ["Input.Description"] = "Prosimo, postavite klop.",
            ["Input.ReviewReason"] = "Oddelek za parke jo lahko postavi.",
        })).StatusCode);

        var sl = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}?culture=sl");
        var reason = sl.QuerySelector("#review-reason")!;
        Assert.Equal("Oddelek za parke jo lahko postavi.", reason.TextContent.Trim());
        Assert.Equal("sl", reason.GetAttribute("lang"));
        // The team's review page names the proposal in the reader's language too.
        var review = (await cast.FacilitatorClient.GetOkPageAsync($"/proposals/{proposalId}/review?culture=sl")).QuerySelector(".meta span[lang]")!;
        Assert.Equal(("Klop ob reki", "sl"), (review.TextContent, review.GetAttribute("lang")));
        var en = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}?culture=en");
        Assert.Equal("The parks department can build it.", en.QuerySelector("#review-reason")!.TextContent.Trim());
        Assert.Equal("en", en.QuerySelector("#review-reason")!.GetAttribute("lang"));

        // The author translates their words, not the organisation's answer: the field is not theirs and is ignored.
        var own = await cast.ParticipantClient.GetPageAsync(url);
        if (own.Response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Null(own.Document.QuerySelector("[name='Input.ReviewReason']"));
        }
        await cast.ParticipantClient.PostAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "Klop ob reki",
            ["Input.Description"] = "Prosim, postavite klop.",
            ["Input.ReviewReason"] = "Seveda!",
            ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.ParticipantClient),
        });
        Assert.Equal("Oddelek za parke jo lahko postavi.", await App.WithDbAsync(db =>
            db.Set<ProposalTranslation>().Where(t => t.ProposalId == proposalId).Select(t => t.ReviewReason).SingleAsync()));
    }

    [Fact]
    public async Task The_ballots_questions_and_the_projects_read_in_the_readers_language_on_every_page_and_in_the_api()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, proposals, _) = await OpenVotingAsync(cast, BudgetFields(questions: "Your age\n16–29 | 20\n30–64 | 50\n65 or older | 30"), 0,
            new Idea("A bench by the river", 2_000m), new Idea("Bike racks", 1_000m));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/proposals/{proposals[0]}/translations?language=sl",
            new() { ["Input.Title"] = "Klop ob reki", ["Input.Description"] = "Prosimo, postavite klop." })).StatusCode);
        var url = $"/budgets/{budgetId}/translations?language=sl";

        // The translations page asks for each question and answer, showing the original; an over-long answer is refused whole.
        var form = await cast.OwnerClient.GetOkPageAsync(url);
        Assert.NotNull(form.QuerySelector("[name='Input.Questions[0].Text']"));
        Assert.NotNull(form.QuerySelector("[name='Input.Questions[0].Options[2]']"));
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Participativni proračun 2027",
            ["Input.Categories"] = "Zelene površine",
            ["Input.Questions[0].Text"] = "Vaša starost",
            ["Input.Questions[0].Options[0]"] = "16–29 let",
            ["Input.Questions[0].Options[1]"] = new string('x', 201),
        };
        var tooLong = await cast.OwnerClient.SubmitAsync(url, fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("at most 200 characters", await Problems(tooLong), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Set<BudgetTranslation>().AnyAsync(t => t.BudgetId == budgetId)));
        // The third answer left empty: shown as written.
        fields["Input.Questions[0].Options[1]"] = "30–64 let";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync(url, fields)).StatusCode);
        var again = await cast.OwnerClient.GetOkPageAsync(url);
        Assert.Equal("30–64 let", again.QuerySelector("[name='Input.Questions[0].Options[1]']")!.GetAttribute("value"));

        var vote = await cast.ParticipantClient.GetOkPageAsync($"/budgets/{budgetId}/vote?culture=sl");
        var label = vote.QuerySelector("label[for='answer-0'] span[lang]")!;
        Assert.Equal(("Vaša starost", "sl"), (label.TextContent, label.GetAttribute("lang")));
        var options = vote.QuerySelectorAll("#answer-0 option[value]").Where(o => o.GetAttribute("value") != "").Select(o => (o.TextContent, o.GetAttribute("lang"))).ToList();
        Assert.Equal([("16–29 let", "sl"), ("30–64 let", "sl"), ("65 or older", "en")], options);
        Assert.Contains("Participativni proračun 2027", vote.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var english = await cast.ParticipantClient.GetOkPageAsync($"/budgets/{budgetId}/vote?culture=en");
        Assert.Equal("Your age", english.QuerySelector("label[for='answer-0'] span[lang]")!.TextContent);

        // The paper ballot entry page shows the projects in the reader's language too.
        var paper = await cast.FacilitatorClient.GetOkPageAsync($"/budgets/{budgetId}/paper?culture=sl");
        Assert.Equal([("Klop ob reki", "sl"), ("Bike racks", "en")],
            paper.QuerySelectorAll(".project-title").Select(s => (s.TextContent, s.GetAttribute("lang"))).ToList());
        Assert.StartsWith("Zelene površine", paper.QuerySelector(".ballot-project .meta")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Zelene površine", vote.QuerySelector(".ballot-project .meta")!.TextContent, StringComparison.Ordinal);
        // The translated category is marked with its language, like the titles.
        var category = vote.QuerySelector(".ballot-project .project-category")!;
        Assert.Equal(("Zelene površine", "sl"), (category.TextContent, category.GetAttribute("lang")));
        Assert.Equal("sl", paper.QuerySelector(".ballot-project .project-category")!.GetAttribute("lang"));
        Assert.Equal("en", english.QuerySelector(".ballot-project .project-category")!.GetAttribute("lang"));

        // The API's ballot: the projects and the questions in the language asked for, the ballot's record unchanged.
        var document = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/budgets/{budgetId}?culture=sl");
        var projects = document.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal("Klop ob reki", projects[0].GetProperty("title").GetString());
        Assert.Equal("sl", projects[0].GetProperty("language").GetString());
        Assert.Equal("Bike racks", projects[1].GetProperty("title").GetString());
        Assert.Equal("en", projects[1].GetProperty("language").GetString());
        var question = document.GetProperty("questions")[0];
        Assert.Equal("Vaša starost", question.GetProperty("text").GetString());
        Assert.Equal(["16–29 let", "30–64 let", "65 or older"], question.GetProperty("options").EnumerateArray().Select(o => o.GetString()).ToArray());
        var englishDocument = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/budgets/{budgetId}?culture=en");
        Assert.Equal("A bench by the river", englishDocument.GetProperty("projects")[0].GetProperty("title").GetString());
        Assert.Equal("Your age", englishDocument.GetProperty("questions")[0].GetProperty("text").GetString());

        // Turnout once voting closed: the question and answers as the reader reads them.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/budgets/{budgetId}/vote", new() { ["Selected[0]"] = "1", ["Answers[0]"] = "0" })).StatusCode);
        Assert.Contains("Results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        var turnout = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/budgets/turnout?culture=sl");
        var heading = turnout.QuerySelectorAll("h2 span[lang]").Select(s => (s.TextContent, s.GetAttribute("lang"))).ToList();
        Assert.Contains(("Vaša starost", "sl"), heading);
        Assert.Contains("16–29 let", turnout.Body!.TextContent, StringComparison.Ordinal);
        // The chart's answers (its data table and its drawing) carry their language: translated ones and the one shown as written.
        var rows = turnout.QuerySelectorAll(".chart-table tbody th[scope='row']").Select(th => (th.TextContent, th.GetAttribute("lang"))).ToList();
        Assert.Equal([("16–29 let", "sl"), ("30–64 let", "sl"), ("65 or older", "en")], rows);
        Assert.Contains(turnout.QuerySelectorAll("svg text.label"), t => t.TextContent == "16–29 let" && t.GetAttribute("lang") == "sl");
    }
}

public sealed class BallotTranslationsOnSqlite(BudgetingSqliteApp app) : BallotTranslationTests<BudgetingSqliteApp>(app);

public sealed class BallotTranslationsOnPostgres(BudgetingPostgresApp app) : BallotTranslationTests<BudgetingPostgresApp>(app);
