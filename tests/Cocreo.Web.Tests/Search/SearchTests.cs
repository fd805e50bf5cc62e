using System.Net;
using System.Net.Http.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Search;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Search;

/// <summary>How words become index terms: the same on both databases, in English and Slovenian, folded.</summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("proračun", "proračuna proračunu proračunom proračuni proračunov proracun")]
    [InlineData("šola", "šole šoli šolo šolami šolah sola SOLA Šola")]
    [InlineData("crossing", "crossings crossed Crossing")]
    [InlineData("park", "parks parka parku parki parkov")]
    public void Inflected_forms_and_spellings_without_diacritics_share_a_stem(string word, string forms)
    {
        var stems = SearchTerms.ForQuery(word).Single();
        foreach (var form in forms.Split(' '))
        {
            Assert.True(SearchTerms.ForQuery(form).Single().Intersect(stems).Any(), $"{form} does not match {word}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("- \" * : ( ) ^ + ~ |")]
    [InlineData("\"\"\"")]
    [InlineData("🙂🙂")]
    public void Operators_and_punctuation_alone_are_no_words(string query) => Assert.Empty(SearchTerms.ForQuery(query));

    [Fact]
    public void A_query_is_words_only_and_at_most_eight_of_them()
    {
        var terms = SearchTerms.ForQuery("park\" OR title:x* NEAR(a b) -drop ^c; DROP TABLE \"SearchEntries\"; --");
        Assert.All(terms.SelectMany(t => t), term => Assert.True(term.All(char.IsLetterOrDigit), term));
        Assert.Equal(SearchTerms.MaxQueryWords, SearchTerms.ForQuery(string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"w{i}"))).Count);
        Assert.Equal(["москва"], SearchTerms.ForQuery("Москва").Single());
    }

    [Fact]
    public void A_snippet_encodes_the_text_and_marks_the_matching_words()
    {
        var html = SiteSearch.Snippet("<script>alert(1)</script> Nova šola & parks", SearchTerms.ForQuery("sola park").SelectMany(t => t).ToHashSet()).ToString();
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; Nova <mark>&#x161;ola</mark> &amp; <mark>parks</mark>", html);
    }
}

/// <summary>
/// Search as people use it: the words they type in English or Slovenian find processes, announcements, proposals and
/// comments they may see, never a private process of someone else's, never what moderation hid or an author deleted;
/// what changes is found changed at once; nothing typed makes it fail.
/// </summary>
public abstract class SearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private static int titles;

    /// <summary>A word no other test uses, so each test finds only what it made.</summary>
    private static string Unique(string word) => $"{word}{Interlocked.Increment(ref titles)}x";

    [Fact]
    public async Task Slovenian_and_English_forms_find_a_process_and_a_private_process_stays_with_its_people()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        await Scenarios.VerifyOrganisationAsync(App, cast.OrganisationId);
        var tag = Unique("zx");
        var fields = Scenarios.ProcessFields($"Varnejša pot v šolo {tag}");
        fields["Input.Language"] = "sl";
        fields["Input.ProblemStatement"] = "Otroci pravijo, da je pot do šole nevarna. Where crossings go matters.";
        var open = await Scenarios.CreateProcessAsync(cast.OwnerClient, cast.OrganisationId, fields);
        var secret = Scenarios.ProcessFields($"Zaupni proračun {tag}");
        secret["Input.Visibility"] = "Private";
        var hidden = await Scenarios.CreateProcessAsync(cast.OwnerClient, cast.OrganisationId, secret);

        Assert.Equal([open], await FoundAsync(cast.AnonymousClient, $"šole {tag}", SearchKind.Process));
        Assert.Equal([open], await FoundAsync(cast.AnonymousClient, $"SOLA {tag}", SearchKind.Process));
        Assert.Equal([open], await FoundAsync(cast.AnonymousClient, $"crossing {tag}", SearchKind.Process));
        Assert.Equal([open], await FoundAsync(cast.AnonymousClient, $"Varnejše poti {tag}", SearchKind.Process));

        // The private one: not for the public, nor another organisation's staff, nor a participant of the other process.
        foreach (var outsider in new[] { cast.AnonymousClient, cast.OtherStaffClient, cast.ParticipantClient })
        {
            Assert.Empty(await FoundAsync(outsider, $"proračunom {tag}", SearchKind.Process));
            var page = await outsider.GetOkPageAsync($"/search?q={Uri.EscapeDataString("Zaupni " + tag)}");
            Assert.DoesNotContain("Zaupni", page.QuerySelector(".search-results")?.TextContent ?? "", StringComparison.Ordinal);
        }
        // Its organisation's staff and platform administrators find it.
        Assert.Equal([hidden], await FoundAsync(cast.FacilitatorClient, $"proračunom {tag}", SearchKind.Process));
        Assert.Equal([hidden], await FoundAsync(cast.AdminClient, $"proracun {tag}", SearchKind.Process));
    }

    [Fact]
    public async Task Proposals_comments_and_announcements_are_found_with_filters_and_hidden_or_deleted_comments_are_not()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        await Scenarios.VerifyOrganisationAsync(App, cast.OrganisationId);
        var tag = Unique("qv");
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea($"Benches in the park {tag}", 5_000m));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = $"Klopi ob drevesih {tag} <b>zdaj</b>" }, handler: "Comment")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OtherStaffClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = $"Another bench comment {tag}" }, handler: "Comment")).StatusCode);
        var comments = await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().Where(c => c.TargetKind == "proposal" && c.TargetId == proposalId).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/announcements/new", new()
        {
            ["Input.Title"] = $"Bench workshop {tag}",
            ["Input.Body"] = "Bring ideas for **benches**.",
        })).StatusCode);

        Assert.Equal([proposalId], await FoundAsync(cast.AnonymousClient, $"bench {tag}", SearchKind.Proposal));
        Assert.Equal(3 + 1, (await SearchApiAsync(cast.AnonymousClient, $"{tag}")).Count); // proposal, two comments, announcement
        Assert.Equal(comments, (await FoundAsync(cast.AnonymousClient, tag, SearchKind.Comment)).Order());
        Assert.Single(await FoundAsync(cast.AnonymousClient, tag, SearchKind.Announcement));
        // Filters: organisation, phase, dates.
        Assert.Equal(4, (await SearchApiAsync(cast.AnonymousClient, tag, $"&organisation={cast.OrganisationId}&phase=ProblemDefinition")).Count);
        Assert.Equal(0, (await SearchApiAsync(cast.AnonymousClient, tag, "&phase=Evaluation")).Count);
        Assert.Equal(0, (await SearchApiAsync(cast.AnonymousClient, tag, $"&organisation={cast.OrganisationId + 1000}")).Count);
        Assert.Equal(0, (await SearchApiAsync(cast.AnonymousClient, tag, "&to=2000-01-01")).Count);
        Assert.Equal(4, (await SearchApiAsync(cast.AnonymousClient, tag, $"&from={DateTime.UtcNow:yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}")).Count);

        // The page shows counts, the kind, and the snippet with the text encoded and the words marked.
        var page = await cast.AnonymousClient.GetOkPageAsync($"/search?q={Uri.EscapeDataString("klop " + tag)}");
        Assert.Equal("1 result", page.QuerySelector(".search-count")!.TextContent.Trim());
        var snippet = page.QuerySelector(".search-snippet")!;
        Assert.All(snippet.Children, c => Assert.Equal("MARK", c.TagName));
        Assert.Equal(["Klopi", tag], snippet.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Equal("4 results", (await cast.AnonymousClient.GetOkPageAsync($"/search?q={tag}")).QuerySelector(".search-count")!.TextContent.Trim());

        // Hidden by the team: gone from search at once; shown again: back.
        var (action, fields) = await cast.FacilitatorClient.ReadFormAsync($"/proposals/{proposalId}", handler: "Hide");
        // The page's first hide form is the proposal's own: point it at the first comment.
        (fields["kind"], fields["item"], fields["returnUrl"]) = (Cocreo.Web.Features.Debate.DebateComments.Kind, comments[0].ToString(System.Globalization.CultureInfo.InvariantCulture), $"/proposals/{proposalId}#comment-{comments[0]}");
        fields["reason"] = "Off topic.";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.PostAsync(action, fields)).StatusCode);
        var stillThere = await FoundAsync(cast.AnonymousClient, tag, SearchKind.Comment);
        Assert.Single(stillThere);
        // Deleted by its author: gone.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OtherStaffClient.SubmitAsync($"/proposals/{proposalId}", [], handler: "DeleteComment")).StatusCode);
        Assert.Empty(await FoundAsync(cast.AnonymousClient, tag, SearchKind.Comment));
    }

    [Fact]
    public async Task Proposals_of_a_process_and_their_comments_are_found_at_their_pages_until_hidden()
    {
        var cast = await Proposals.ProposalScenario.ProcessWithProposalsAsync(App);
        await Scenarios.VerifyOrganisationAsync(App, cast.OrganisationId);
        var tag = Unique("pp");
        var id = await Proposals.ProposalScenario.PutForwardAsync(cast.ParticipantClient, cast.ProcessId, $"Evening library {tag}");
        var posted = await Proposals.ProposalScenario.ApiAsync(cast.OtherStaffClient, HttpMethod.Post, $"/api/v1/debates/process-proposal/{id}/comments",
            new { body = $"Reading room volunteers {tag}", submissionId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var link = $"/processes/{cast.ProcessId}/proposals/{id}";

        Assert.Equal([link], (await SearchApiAsync(cast.AnonymousClient, $"library {tag}", $"&type={SearchKind.Proposal}")).Results.Select(r => r.Url));
        var comment = Assert.Single((await SearchApiAsync(cast.AnonymousClient, $"volunteers {tag}", $"&type={SearchKind.Comment}")).Results);
        Assert.StartsWith(link + "#comment-", comment.Url, StringComparison.Ordinal);
        Assert.Equal($"Evening library {tag}", comment.Title);

        // Hidden by the team: the proposal is no longer found.
        var (action, fields) = await cast.FacilitatorClient.ReadFormAsync(link, handler: "Hide");
        fields["reason"] = "Off topic.";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.PostAsync(action, fields)).StatusCode);
        Assert.Empty((await SearchApiAsync(cast.AnonymousClient, $"library {tag}", $"&type={SearchKind.Proposal}")).Results);
    }

    [Fact]
    public async Task An_edited_process_is_found_by_its_new_words_and_not_its_old_ones()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        await Scenarios.VerifyOrganisationAsync(App, cast.OrganisationId);
        var before = Unique("before");
        var after = Unique("after");
        var processId = await Scenarios.CreateProcessAsync(cast.OwnerClient, cast.OrganisationId, Scenarios.ProcessFields($"Title {before}"));
        Assert.Equal([processId], await FoundAsync(cast.AnonymousClient, before, SearchKind.Process));

        var (action, fields) = await cast.OwnerClient.ReadFormAsync($"/processes/{processId}/edit");
        fields["Input.Title"] = $"Title {after}";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.PostAsync(action, fields)).StatusCode);

        Assert.Empty(await FoundAsync(cast.AnonymousClient, before, SearchKind.Process));
        Assert.Equal([processId], await FoundAsync(cast.AnonymousClient, after, SearchKind.Process));
        Assert.Equal("/processes/" + processId, (await SearchApiAsync(cast.AnonymousClient, after)).Results.Single().Url);

        // A rebuild writes the same entries.
        await App.WithDbAsync(async db => await new SearchIndexer(db).RebuildAsync(CancellationToken.None));
        Assert.Equal([processId], await FoundAsync(cast.AnonymousClient, after, SearchKind.Process));
    }

    [Fact]
    public async Task The_process_listing_filters_by_words_organisation_and_phase()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        await Scenarios.VerifyOrganisationAsync(App, cast.OrganisationId);
        var tag = Unique("list");
        var first = await Scenarios.CreateProcessAsync(cast.OwnerClient, cast.OrganisationId, Scenarios.ProcessFields($"Zelene ulice {tag}"));
        var second = await Scenarios.CreateProcessAsync(cast.OwnerClient, cast.OrganisationId, Scenarios.ProcessFields($"Green streets {tag}"));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/processes/{second}/phases", new() { ["from"] = "ProblemDefinition" }, handler: "Advance")).StatusCode);

        async Task<List<string>> ListedAsync(string query)
        {
            var page = await cast.AnonymousClient.GetOkPageAsync("/processes?" + query);
            return page.QuerySelectorAll(".cards h2 a").Select(a => a.GetAttribute("href")!).ToList();
        }
        Assert.Equal([$"/processes/{second}", $"/processes/{first}"], await ListedAsync($"q={tag}"));
        Assert.Equal([$"/processes/{first}"], await ListedAsync($"q=ulica+{tag}"));
        Assert.Equal([$"/processes/{second}"], await ListedAsync($"q={tag}&phase=SolutionDesign&organisation={cast.OrganisationId}"));
        Assert.Empty(await ListedAsync($"q={tag}&organisation={cast.OrganisationId + 1000}"));
        Assert.Empty(await ListedAsync($"q={tag}&phase=closed"));
        Assert.Equal(HttpStatusCode.OK, (await cast.AnonymousClient.Http.GetAsync("/processes?q=%22&phase=nonsense&organisation=x&page=-1")).StatusCode);
        Assert.Contains("2 processes", (await cast.AnonymousClient.GetOkPageAsync($"/processes?q={tag}")).Body!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadQueries => new()
    {
        "",
        "AND OR NOT",
        "\"unbalanced quote",
        "park\" OR \"",
        "-park * : ( ) ^ NEAR(a b)",
        "title:park*",
        "'; DROP TABLE \"SearchEntries\"; --",
        "1 OR 1=1",
        "Москва и Санкт-Петербург",
        "北京 公园",
        "🙂🚲🌳",
        "\u0000\u0001 nul",
        "a{0}b{1}",
        new string('x', 10_000),
        string.Join(' ', Enumerable.Repeat("park", 2_000)),
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Nothing_typed_makes_search_fail(string query)
    {
        var client = App.NewClient();
        var escaped = Uri.EscapeDataString(query);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/search?q={escaped}&phase=Nonsense&from=yesterday&page=-3&type=x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/search?q={escaped}&page=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/api/v1/search?q={escaped}&phase=Nonsense&from=yesterday&page=-3&pageSize=100000")).StatusCode);
    }

    private static async Task<List<int>> FoundAsync(FormClient client, string query, SearchKind kind)
    {
        var answer = await SearchApiAsync(client, query, $"&type={kind}");
        return answer.Results.Select(r => int.Parse(r.Url.Split('/', '#')[2], System.Globalization.CultureInfo.InvariantCulture) is var id && kind == SearchKind.Comment
            ? int.Parse(r.Url.Split("#comment-")[1], System.Globalization.CultureInfo.InvariantCulture)
            : kind == SearchKind.Announcement ? int.Parse(r.Url.Split("#announcement-")[1], System.Globalization.CultureInfo.InvariantCulture) : id).ToList();
    }

    private static async Task<SearchDocument> SearchApiAsync(FormClient client, string query, string filters = "")
    {
        var response = await client.Http.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}{filters}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchDocument>(Api))!;
    }
}

public sealed class SearchOnSqlite(BudgetingSqliteApp app) : SearchTests<BudgetingSqliteApp>(app);

public sealed class SearchOnPostgres(BudgetingPostgresApp app) : SearchTests<BudgetingPostgresApp>(app);

/// <summary>What the demo city seeds is found; its hidden comment is not.</summary>
public sealed class SearchDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_demo_city_is_searchable_and_its_hidden_comment_is_not()
    {
        var anonymous = app.NewClient();
        var page = await anonymous.GetOkPageAsync("/search?q=participatory+budget");
        Assert.Contains("Participatory budget 2027", page.QuerySelector(".search-results")!.TextContent, StringComparison.Ordinal);
        var indexed = await app.WithDbAsync(db => db.Set<SearchEntry>().GroupBy(e => e.Kind).Select(g => g.Key).ToListAsync());
        Assert.Contains(SearchKind.Process, indexed);
        Assert.Contains(SearchKind.Proposal, indexed);
        Assert.Contains(SearchKind.Comment, indexed);
        var hidden = await anonymous.GetOkPageAsync("/search?q=garden+furniture");
        Assert.Null(hidden.QuerySelector(".search-results"));
    }
}

/// <summary>
/// PostgreSQL finds the newest matches one of two ways, chosen from how many items the words are expected to match
/// (the stem frequencies ANALYZE keeps): both ways find the same items in the same order.
/// </summary>
public sealed class PostgreSqlSearchWaysTests(BudgetingPostgresApp app) : IClassFixture<BudgetingPostgresApp>
{
    [Fact]
    public void Few_matches_are_found_through_the_index_and_many_by_reading_the_newest_items()
    {
        // At 1,000,000 items the ways cost the same near 18,000 matches.
        Assert.True(new MatchEstimate(1_000_000, 3_300).Few);
        Assert.True(new MatchEstimate(1_000_000, 18_000).Few);
        Assert.False(new MatchEstimate(1_000_000, 19_000).Few);
        Assert.False(new MatchEstimate(1_000_000, 400_000).Few);
        Assert.True(new MatchEstimate(100, 100).Few);
    }

    [Fact]
    public async Task Both_ways_find_the_same_items_in_the_same_order()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        await Scenarios.VerifyOrganisationAsync(app, cast.OrganisationId);
        var tag = $"wy{Guid.NewGuid():N}"[..12];
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        for (var i = 0; i < 6; i++)
        {
            await ProposeAsync(cast.ParticipantClient, budgetId, new Idea($"Kolesarska steza {tag} number {i}{(i % 2 == 0 ? " ob parku" : "")}", 1_000m + i));
        }
        var queries = new[] { tag, $"kolesarske {tag}", $"parkom {tag}", $"steze kolesarska {tag}", $"nothing {tag}" };
        var frequencies = app.Services.GetRequiredService<PostgreSqlStemFrequencies>();
        async Task<List<string>> FindAsync(string query)
        {
            var response = await cast.AnonymousClient.Http.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = (await response.Content.ReadFromJsonAsync<SearchDocument>(Api))!;
            return answer.Results.Select(r => r.Url).ToList();
        }
        try
        {
            // Every stem as common as can be: the newest items are read backwards.
            frequencies.Assume(1_000_000, new Dictionary<string, double> { [tag] = 1, ["kolesarsk"] = 1, ["stez"] = 1, ["park"] = 1, ["parkom"] = 1, ["nothing"] = 1 });
            Assert.False((await app.WithDbAsync(db => frequencies.EstimateAsync(db, SearchTerms.ForQuery(queries[1]), CancellationToken.None)))!.Few);
            var backwards = new List<List<string>>();
            foreach (var query in queries)
            {
                backwards.Add(await FindAsync(query));
            }
            // Every stem rare: all matches through the GIN index first.
            frequencies.Assume(1_000_000, new Dictionary<string, double> { ["someotherword"] = 0.0001 });
            Assert.True((await app.WithDbAsync(db => frequencies.EstimateAsync(db, SearchTerms.ForQuery(queries[1]), CancellationToken.None)))!.Few);
            for (var i = 0; i < queries.Length; i++)
            {
                Assert.Equal(backwards[i], await FindAsync(queries[i]));
            }
            Assert.Equal(6, backwards[0].Count);
            Assert.Equal(3, backwards[2].Count);
            Assert.Equal(6, backwards[3].Count);
            Assert.Empty(backwards[4]);

            // PostgreSQL's own statistics, once ANALYZE has made them.
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE \"SearchEntries\""));
            frequencies.Forget();
            Assert.NotNull(await app.WithDbAsync(db => frequencies.EstimateAsync(db, SearchTerms.ForQuery(queries[0]), CancellationToken.None)));
            for (var i = 0; i < queries.Length; i++)
            {
                Assert.Equal(backwards[i], await FindAsync(queries[i]));
            }
        }
        finally
        {
            frequencies.Forget();
        }
    }
}
