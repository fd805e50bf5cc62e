using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.ParticipatoryTexts;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using static Cocreo.Web.Tests.Proposals.ProposalScenario;

namespace Cocreo.Web.Tests.Search;

/// <summary>
/// The site search finds sections of participatory texts (as their last published version says them, never the team's
/// working draft) and amendments (their amended title and explanation; never withdrawn ones), on SQLite and PostgreSQL.
/// </summary>
public abstract class TextSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private static string Unique(string word) => $"{word}{Guid.NewGuid():N}"[..14] + "x";

    private async Task<List<string>> FoundAsync(string query, string type)
    {
        var response = await App.NewClient().Http.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}&type={type}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()!).ToList();
    }

    [Fact]
    public async Task Sections_are_found_as_published_and_amendments_while_not_withdrawn()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        await Scenarios.VerifyOrganisationAsync(App, cast.OrganisationId);
        var (heading, article, drafted) = (Unique("qtree"), Unique("qshade"), Unique("qdraft"));
        var created = await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/processes/{cast.ProcessId}/texts",
            new { title = "Green charter", markdown = $"# Trees {heading}\nPlant {article} along the streets.\n\n# Review\nEvery year." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        // A draft is not found.
        Assert.Empty(await FoundAsync(heading, "TextSection"));
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/texts/{id}/versions", new { number = 1 })).StatusCode);
        var found = Assert.Single(await FoundAsync(article, "TextSection"));
        Assert.StartsWith($"/texts/{id}/sections/", found, StringComparison.Ordinal);
        Assert.Equal([found], await FoundAsync(heading, "TextSection"));

        // The team's working draft is not searched until published; a section the new version dropped is no longer found.
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.OwnerClient, HttpMethod.Put, $"/api/v1/texts/{id}/draft",
            new { markdown = $"# Trees {heading}\nPlant {drafted} along the streets." })).StatusCode);
        Assert.Empty(await FoundAsync(drafted, "TextSection"));
        var review = await FoundAsync("Every year", "TextSection");
        Assert.Single(review);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/texts/{id}/versions", new { number = 2, note = "Shorter." })).StatusCode);
        Assert.Equal([found], await FoundAsync(drafted, "TextSection"));
        Assert.Empty(await FoundAsync(article, "TextSection"));
        Assert.DoesNotContain(review[0], await FoundAsync("Every year", "TextSection"));

        // An amendment is found by its explanation, until its author withdraws it.
        var section = int.Parse(found.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var why = Unique("qpram");
        var proposed = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/amendable/{TextSectionDebateTargets.DebateKind}/{section}/amendments",
            new { baseVersion = 1, title = $"Trees {heading}", body = "Plant oaks along the streets.", explanation = $"Oaks give {why} shade." });
        Assert.True(proposed.StatusCode == HttpStatusCode.Created, $"{(int)proposed.StatusCode}: {await proposed.Content.ReadAsStringAsync()}");
        var amendment = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal([$"/amendments/{amendment}"], await FoundAsync(why, "Amendment"));
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/amendments/{amendment}/withdraw")).StatusCode);
        Assert.Empty(await FoundAsync(why, "Amendment"));
    }

    [Fact]
    public async Task An_amendment_of_a_proposal_is_found_by_its_amended_title()
    {
        var (cast, proposalId) = await Amendments.AmendmentScenario.ProposalAsync(App);
        await Scenarios.VerifyOrganisationAsync(App, cast.OrganisationId);
        var title = Unique("qlamp");
        var (response, amendment) = await Amendments.AmendmentScenario.ProposeAsync(cast.FacilitatorClient, proposalId, 1, $"Evening opening with {title}", "Open later, please.");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal([$"/amendments/{amendment}"], await FoundAsync(title, "Amendment"));
    }
}

public sealed class TextSearchOnSqlite(BudgetingSqliteApp app) : TextSearchTests<BudgetingSqliteApp>(app);

public sealed class TextSearchOnPostgres(BudgetingPostgresApp app) : TextSearchTests<BudgetingPostgresApp>(app);
