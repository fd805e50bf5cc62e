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

    [Fact]
    public async Task Comments_on_a_section_are_found_once_the_text_is_published_and_never_while_it_is_a_draft()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        await Scenarios.VerifyOrganisationAsync(App, cast.OrganisationId);
        var (early, said) = (Unique("qearly"), Unique("qbench"));
        var created = await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/processes/{cast.ProcessId}/texts",
            new { title = "Bench charter", markdown = "# Benches\nA bench every 200 metres.\n\n# Shade\nTrees by each bench." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var section = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<TextSection>(), s => s.TextId == id && s.Position == 2));
        // A comment on a draft's section (none can be posted: written straight in the database) is not found.
        await App.WithDbAsync(async db =>
        {
            db.Add(Cocreo.Web.Features.Debate.Comment.Post(TextSectionDebateTargets.DebateKind, section.Id, cast.ProcessId, null, cast.Owner.Id, "Owner", $"Before anyone reads it {early}",
                Cocreo.Web.Features.Debate.Alignment.Neutral, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        Assert.Empty(await FoundAsync(early, "Comment"));

        // Published, the section's comments are found at the section's page, titled by the text and the section as published.
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/texts/{id}/versions", new { number = 1 })).StatusCode);
        Assert.StartsWith($"/texts/{id}/sections/{section.Id}#comment-", Assert.Single(await FoundAsync(early, "Comment")), StringComparison.Ordinal);
        var posted = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/debates/{TextSectionDebateTargets.DebateKind}/{section.Id}/comments",
            new { body = $"More shade by the {said} benches", submissionId = Guid.NewGuid() });
        Assert.True(posted.StatusCode == HttpStatusCode.Created, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        var response = await App.NewClient().Http.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={said}&type=Comment");
        var result = Assert.Single(response.GetProperty("results").EnumerateArray());
        Assert.StartsWith($"/texts/{id}/sections/{section.Id}#comment-", result.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bench charter · 2. Shade", result.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Comments_on_an_amendment_are_found_until_it_is_withdrawn_or_its_proposal_hidden()
    {
        var (cast, proposalId) = await Amendments.AmendmentScenario.ProposalAsync(App);
        await Scenarios.VerifyOrganisationAsync(App, cast.OrganisationId);
        var (first, second) = (Unique("qlamp"), Unique("qsofa"));
        var amendments = new List<int>();
        foreach (var word in new[] { first, second })
        {
            var (proposed, amendment) = await Amendments.AmendmentScenario.ProposeAsync(cast.FacilitatorClient, proposalId, 1, $"Evening opening {Guid.NewGuid():N}", "Open later, please.");
            Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
            var posted = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/debates/amendment/{amendment}/comments", new { body = $"Yes, with {word} light", submissionId = Guid.NewGuid() });
            Assert.True(posted.StatusCode == HttpStatusCode.Created, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
            Assert.StartsWith($"/amendments/{amendment}#comment-", Assert.Single(await FoundAsync(word, "Comment")), StringComparison.Ordinal);
            amendments.Add(amendment);
        }

        // Withdrawn, the first amendment's debate is no longer found; the second's is.
        Assert.Equal(HttpStatusCode.OK, (await Amendments.AmendmentScenario.PostAsync(cast.FacilitatorClient, amendments[0], "withdraw")).StatusCode);
        Assert.Empty(await FoundAsync(first, "Comment"));
        Assert.Single(await FoundAsync(second, "Comment"));

        // The moderators hide the proposal: its amendments' debates go with it, and come back when it is shown again.
        var link = $"/processes/{cast.ProcessId}/proposals/{proposalId}";
        var (action, fields) = await cast.OwnerClient.ReadFormAsync(link, handler: "Hide");
        fields["reason"] = "Off topic.";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.PostAsync(action, fields)).StatusCode);
        Assert.Empty(await FoundAsync(second, "Comment"));
        await App.WithDbAsync(async db =>
        {
            var hidden = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Cocreo.Web.Features.Moderation.ModerationCase>(),
                m => m.Kind == Cocreo.Web.Features.Proposals.ProcessProposalContents.Kind && m.ItemId == proposalId);
            db.Remove(hidden);
            await db.SaveChangesAsync();
        });
        Assert.Single(await FoundAsync(second, "Comment"));
        Assert.Empty(await FoundAsync(first, "Comment"));
    }
}

public sealed class TextSearchOnSqlite(BudgetingSqliteApp app) : TextSearchTests<BudgetingSqliteApp>(app);

public sealed class TextSearchOnPostgres(BudgetingPostgresApp app) : TextSearchTests<BudgetingPostgresApp>(app);
