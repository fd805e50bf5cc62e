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
    public async Task The_ballot_and_the_results_show_the_readers_translation_and_keep_the_original_as_the_record()
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
    }
}

public sealed class BallotTranslationsOnSqlite(BudgetingSqliteApp app) : BallotTranslationTests<BudgetingSqliteApp>(app);

public sealed class BallotTranslationsOnPostgres(BudgetingPostgresApp app) : BallotTranslationTests<BudgetingPostgresApp>(app);
