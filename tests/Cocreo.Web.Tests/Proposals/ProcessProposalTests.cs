using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Features.Proposals;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Cocreo.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Proposals.ProposalScenario;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>
/// Proposals of a process (no budget), one model with budget projects: the limit of supports per participant on
/// fresh data (also two supports sent at once), the organisation's public answers in the log and told to the author,
/// merging duplicates (each support carried once, both linked), similar proposals while writing, the list's filters
/// and order, and the two kinds kept apart.
/// </summary>
public abstract class ProcessProposalTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task The_support_limit_holds_on_fresh_data_even_for_two_supports_sent_at_once()
    {
        var cast = await ProcessWithProposalsAsync(App, supportLimit: 1);
        var first = await PutForwardAsync(cast.OwnerClient, cast.ProcessId, "Benches on the square");
        var second = await PutForwardAsync(cast.OwnerClient, cast.ProcessId, "Trees by the river");

        // Two supports by one person at once: one wins, the other starts again, counts it and is refused.
        var token = await Scenarios.AntiforgeryTokenAsync(cast.ParticipantClient);
        Task<HttpResponseMessage> Support(int id)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/process-proposals/{id}/supports");
            request.Headers.Add("X-CSRF-TOKEN", token);
            return cast.ParticipantClient.Http.SendAsync(request);
        }
        var answers = await Task.WhenAll(Support(first), Support(second));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(1, await SupportsAsync(App, first) + await SupportsAsync(App, second));
        var refused = answers.Single(a => a.StatusCode == HttpStatusCode.UnprocessableEntity);
        Assert.Contains("as many proposals as this process allows (1)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Supporting the same one again changes nothing; withdrawing frees the support for the other.
        var supported = (await SupportsAsync(App, first)) == 1 ? first : second;
        var other = supported == first ? second : first;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.ParticipantClient, $"/processes/{cast.ProcessId}/proposals/{supported}?handler=Support")).StatusCode);
        Assert.Equal(1, await SupportsAsync(App, supported));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.ParticipantClient, $"/processes/{cast.ProcessId}/proposals/{other}?handler=Support")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.ParticipantClient, $"/processes/{cast.ProcessId}/proposals/{supported}?handler=Unsupport")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.ParticipantClient, $"/processes/{cast.ProcessId}/proposals/{other}?handler=Support")).StatusCode);
        Assert.Equal((0, 1), (await SupportsAsync(App, supported), await SupportsAsync(App, other)));
        // Another person has their own limit.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.FacilitatorClient, $"/processes/{cast.ProcessId}/proposals/{supported}?handler=Support")).StatusCode);
    }

    [Fact]
    public async Task A_public_answer_is_logged_shown_and_told_to_the_author_and_bad_answers_change_nothing()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A playground in the park");
        var url = $"/processes/{cast.ProcessId}/proposals/{id}";

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.FacilitatorClient, url + "?handler=Answer", new() { ["status"] = "Accepted", ["reason"] = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.FacilitatorClient, url + "?handler=Answer", new() { ["status"] = "Merged", ["reason"] = "Why not." })).StatusCode);
        Assert.Equal(ProposalStatus.Submitted, (await ProposalAsync(App, id)).Status);
        Assert.Empty(await LogAsync(App, cast.ProcessId, "proposal.answered"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.FacilitatorClient, url + "?handler=Answer", new() { ["status"] = "Evaluating", ["reason"] = "We ask the parks department." })).StatusCode);
        var accepted = await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/process-proposals/{id}/answer", new { status = "Accepted", reason = "It will be built in spring." });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        // The same answer again changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.OwnerClient, url + "?handler=Answer", new() { ["status"] = "Accepted", ["reason"] = "It will be built in spring." })).StatusCode);

        var log = await LogAsync(App, cast.ProcessId, "proposal.answered");
        Assert.Equal(2, log.Count);
        using (var data = JsonDocument.Parse(log[^1].Data))
        {
            Assert.Equal("Accepted", data.RootElement.GetProperty("status").GetString());
            Assert.Equal("It will be built in spring.", data.RootElement.GetProperty("reason").GetString());
        }
        Assert.Equal("Owner Olga", log[^1].ActorName);
        var page = await cast.AnonymousClient.GetOkPageAsync(url);
        Assert.Contains("It will be built in spring.", page.QuerySelector("#answer-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        // Answered, its author can no longer withdraw it.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.ParticipantClient, url + "?handler=Withdraw")).StatusCode);

        await NotificationScenario.FanOutAsync(App);
        var told = await App.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == cast.Participant.Id && n.Event == "proposal.answered").OrderBy(n => n.Id).ToListAsync());
        Assert.Equal(2, told.Count);
        Assert.Equal("accepted:It will be built in spring.", told[^1].Detail);
        Assert.Equal(url, told[^1].Link);
    }

    [Fact]
    public async Task A_proposal_of_the_process_has_its_debate_open_while_the_proposal_is()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A reading room for students");
        var debate = $"/api/v1/debates/{ProcessProposalDebateTargets.DebateKind}/{id}/comments";
        var posted = await ApiAsync(cast.FacilitatorClient, HttpMethod.Post, debate, new { body = "Which building would it use?", submissionId = Guid.NewGuid() });
        Assert.True(posted.StatusCode == HttpStatusCode.Created, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/proposals/{id}");
        Assert.Contains("Which building would it use?", page.QuerySelector(".debate")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound,
            (await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/debates/{ProcessProposalDebateTargets.DebateKind}/999999/comments", new { body = "Nowhere." })).StatusCode);

        // Withdrawn by its author: the debate stays readable and takes no new comment, with the reason.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.ParticipantClient, $"/processes/{cast.ProcessId}/proposals/{id}?handler=Withdraw")).StatusCode);
        var refused = await ApiAsync(cast.FacilitatorClient, HttpMethod.Post, debate, new { body = "One more thing.", submissionId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("withdrawn or merged", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().CountAsync(c => c.TargetKind == ProcessProposalDebateTargets.DebateKind && c.TargetId == id)));
    }

    [Fact]
    public async Task Merging_a_duplicate_carries_each_support_once_links_both_and_is_logged()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var original = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Evening opening of the library");
        var duplicate = await PutForwardAsync(cast.FacilitatorClient, cast.ProcessId, "Open the library in the evening");
        foreach (var client in new[] { cast.ParticipantClient, cast.OtherStaffClient })
        {
            Assert.Equal(HttpStatusCode.OK, (await ApiAsync(client, HttpMethod.Post, $"/api/v1/process-proposals/{duplicate}/supports")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/process-proposals/{original}/supports")).StatusCode);
        async Task<int> CommentAsync(FormClient client, int proposal, string body, int? parentId = null)
        {
            var response = await ApiAsync(client, HttpMethod.Post, $"/api/v1/debates/process-proposal/{proposal}/comments", new { body, parentId, submissionId = Guid.NewGuid() });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }
        var onOriginal = await CommentAsync(cast.OtherStaffClient, original, "Evenings, yes.");
        var onDuplicate = await CommentAsync(cast.OtherStaffClient, duplicate, "Until 21:00 at least.");
        var reply = await CommentAsync(cast.ParticipantClient, duplicate, "20:00 would do.", onDuplicate);

        // Not into itself, nor into a proposal that does not exist.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.OwnerClient, $"/processes/{cast.ProcessId}/proposals/{duplicate}?handler=Merge", new() { ["into"] = duplicate.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.OwnerClient, $"/processes/{cast.ProcessId}/proposals/{duplicate}?handler=Merge", new() { ["into"] = "999999" })).StatusCode);

        var merged = await PostAsync(cast.OwnerClient, $"/processes/{cast.ProcessId}/proposals/{duplicate}?handler=Merge", new() { ["into"] = original.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal(2, await SupportsAsync(App, original));
        Assert.Equal(0, await SupportsAsync(App, duplicate));
        Assert.Equal(original, (await ProposalAsync(App, duplicate)).MergedIntoId);
        var entry = Assert.Single(await LogAsync(App, cast.ProcessId, "proposal.merged-into"));
        using (var data = JsonDocument.Parse(entry.Data))
        {
            Assert.Equal(1, data.RootElement.GetProperty("supportsCarriedOver").GetInt32());
            Assert.Equal(2, data.RootElement.GetProperty("commentsCarriedOver").GetInt32());
            Assert.Equal(1, data.RootElement.GetProperty("coAuthorsCarriedOver").GetInt32());
        }
        // Every comment once, under the original, its reply still under it; the duplicate's author writes the original with its author.
        var debate = await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().Where(c => c.TargetKind == ProcessProposalDebateTargets.DebateKind && (c.TargetId == original || c.TargetId == duplicate))
            .Select(c => new { c.Id, c.TargetId, c.ParentId }).ToListAsync());
        Assert.Equal([onOriginal, onDuplicate, reply], debate.Where(c => c.TargetId == original).Select(c => c.Id).Order());
        Assert.Equal(onDuplicate, debate.Single(c => c.Id == reply).ParentId);
        Assert.Equal([cast.Facilitator.Id], await App.WithDbAsync(db => db.Set<ProposalCoAuthor>().Where(c => c.ProposalId == original).Select(c => c.UserId!).ToListAsync()));
        var originalPage = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/proposals/{original}");
        Assert.NotNull(originalPage.QuerySelector($"#comment-{reply}"));
        Assert.Contains("Open the library in the evening", originalPage.QuerySelector("#merged-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var duplicatePage = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/proposals/{duplicate}");
        Assert.Contains("Evening opening of the library", duplicatePage.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        // Merged, it takes no supports, and is not merged twice.
        var late = await ApiAsync(cast.AdminClient, HttpMethod.Post, $"/api/v1/process-proposals/{duplicate}/supports");
        Assert.True(late.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict, $"support of a merged proposal: {(int)late.StatusCode}");
        Assert.Equal(0, await SupportsAsync(App, duplicate));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/process-proposals/{duplicate}/merge", new { into = original })).StatusCode);
        Assert.Equal(2, await SupportsAsync(App, original));
    }

    [Fact]
    public async Task Comments_on_a_proposal_are_told_to_its_followers_and_a_reply_to_the_author_it_answers()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Benches by the river");
        async Task<int> CommentAsync(FormClient client, string body, int? parentId = null)
        {
            var response = await ApiAsync(client, HttpMethod.Post, $"/api/v1/debates/process-proposal/{id}/comments", new { body, parentId, submissionId = Guid.NewGuid() });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }
        var comment = await CommentAsync(cast.OtherStaffClient, "Shade too, please.");
        await NotificationScenario.FanOutAsync(App);
        var told = Assert.Single(await App.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == cast.Participant.Id && n.Event == "proposal.commented").ToListAsync()));
        Assert.Equal($"/processes/{cast.ProcessId}/proposals/{id}#comment-{comment}", told.Link);
        Assert.Empty(await App.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == cast.OtherStaff.Id).ToListAsync()));

        var reply = await CommentAsync(cast.ParticipantClient, "Trees are planned next to them.", comment);
        await NotificationScenario.FanOutAsync(App);
        var answered = Assert.Single(await App.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == cast.OtherStaff.Id).ToListAsync()));
        Assert.EndsWith($"#comment-{reply}", answered.Link, StringComparison.Ordinal);
        Assert.Single(await App.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == cast.Participant.Id && n.Event == "proposal.commented").ToListAsync()));
    }

    [Fact]
    public async Task Similar_proposals_are_offered_while_writing_with_and_without_javascript()
    {
        var cast = await ProcessWithProposalsAsync(App);
        await PutForwardAsync(cast.OwnerClient, cast.ProcessId, "More benches in the city park");
        await PutForwardAsync(cast.OwnerClient, cast.ProcessId, "A bus line to the hospital");

        var found = await cast.ParticipantClient.Http.GetFromJsonAsync<List<SimilarProposal>>($"/api/v1/processes/{cast.ProcessId}/proposals/similar?title=" + Uri.EscapeDataString("more benches in the park"));
        Assert.Equal("More benches in the city park", Assert.Single(found!).Title);

        var page = await cast.ParticipantClient.GetOkPageAsync($"/processes/{cast.ProcessId}/proposals/new?check=true&Input.Title=" + Uri.EscapeDataString("Benches for the city park"));
        var offered = page.QuerySelectorAll("#similar-proposals li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["More benches in the city park"], offered);
        Assert.Equal("Benches for the city park", page.QuerySelector("[name='Input.Title']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_list_filters_sorts_and_pages_in_the_database_and_the_api_reads_the_same()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var quiet = await PutForwardAsync(cast.OwnerClient, cast.ProcessId, "Quiet streets", "Streets");
        var popular = await PutForwardAsync(cast.OwnerClient, cast.ProcessId, "Popular park", "Parks");
        var newest = await PutForwardAsync(cast.OwnerClient, cast.ProcessId, "Newest idea", "Parks");
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/process-proposals/{popular}/supports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.FacilitatorClient, HttpMethod.Post, $"/api/v1/process-proposals/{popular}/supports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/process-proposals/{quiet}/answer", new { status = "Rejected", reason = "Not ours to decide." })).StatusCode);

        async Task<List<int>> IdsAsync(string query)
        {
            using var json = JsonDocument.Parse(await cast.AnonymousClient.Http.GetStringAsync($"/api/v1/processes/{cast.ProcessId}/proposals?{query}"));
            return json.RootElement.GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
        }
        Assert.Equal([newest, popular, quiet], await IdsAsync(""));
        Assert.Equal(popular, (await IdsAsync("order=MostSupported"))[0]);
        Assert.Equal(2, await SupportsAsync(App, popular));
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.FacilitatorClient, HttpMethod.Delete, $"/api/v1/process-proposals/{popular}/supports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.FacilitatorClient, HttpMethod.Post, $"/api/v1/process-proposals/{newest}/supports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/process-proposals/{newest}/supports")).StatusCode);
        Assert.Equal([newest, popular, quiet], await IdsAsync("order=MostSupported"));
        Assert.Equal(1, await SupportsAsync(App, popular));
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.FacilitatorClient, HttpMethod.Post, $"/api/v1/process-proposals/{popular}/supports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.OtherStaffClient, HttpMethod.Post, $"/api/v1/process-proposals/{popular}/supports")).StatusCode);
        Assert.Equal([newest, popular], await IdsAsync("category=Parks"));
        Assert.Equal([quiet], await IdsAsync("status=Rejected"));
        var shuffled = await IdsAsync("order=Random&seed=42");
        Assert.Equal(shuffled, await IdsAsync("order=Random&seed=42"));
        Assert.Equal([newest, popular, quiet], shuffled.Order().Reverse().ToList());

        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/proposals?category=Parks&order=MostSupported");
        Assert.Equal(["Popular park", "Newest idea"], page.QuerySelectorAll(".proposal-card h2").Select(h => h.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task The_list_s_totals_follow_every_change_at_once_whoever_saves_it()
    {
        var cast = await ProcessWithProposalsAsync(App);
        async Task<int> TotalAsync(string query = "")
        {
            using var json = JsonDocument.Parse(await cast.AnonymousClient.Http.GetStringAsync($"/api/v1/processes/{cast.ProcessId}/proposals?{query}"));
            return json.RootElement.GetProperty("total").GetInt32();
        }
        var first = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Benches on the square");
        await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Trees by the river", category: "Streets");
        Assert.Equal(2, await TotalAsync());
        Assert.Equal(1, await TotalAsync("category=Streets"));
        Assert.Equal(0, await TotalAsync("status=Accepted"));

        // Each change is counted on the next read, though the totals were just kept.
        await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A fountain", category: "Streets");
        Assert.Equal(3, await TotalAsync());
        Assert.Equal(2, await TotalAsync("category=Streets"));
        Assert.True((await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/process-proposals/{first}/answer", new { status = "Accepted", reason = "It will be built in spring." })).IsSuccessStatusCode);
        Assert.Equal(1, await TotalAsync("status=Accepted"));
        var second = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A second fountain", category: "Streets");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.ParticipantClient, $"/processes/{cast.ProcessId}/proposals/{second}?handler=Withdraw")).StatusCode);
        Assert.Equal(3, await TotalAsync());
        Assert.Equal(1, await TotalAsync("status=Withdrawn"));

        // A save outside the use cases (another instance's, a seed) moves the stamp all the same.
        await App.WithDbAsync(async db =>
        {
            var proposal = await db.Set<Proposal>().SingleAsync(p => p.Id == first);
            Assert.True(proposal.Answer(ProposalStatus.Rejected, "The square is to be rebuilt first.", DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        Assert.Equal(3, await TotalAsync());
        Assert.Equal(0, await TotalAsync("status=Accepted"));
        Assert.Equal(1, await TotalAsync("status=Rejected"));
    }

    [Fact]
    public async Task The_random_order_shows_every_proposal_once_across_pages_and_each_seed_turns_one_shuffle()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var made = new List<int>();
        for (var i = 0; i < 45; i++)
        {
            made.Add(await PutForwardAsync(cast.OwnerClient, cast.ProcessId, $"Idea number {i} for the district"));
        }

        async Task<List<int>> ShuffledAsync(long seed)
        {
            var all = new List<int>();
            for (var page = 1; page <= 3; page++)
            {
                using var json = JsonDocument.Parse(await cast.AnonymousClient.Http.GetStringAsync($"/api/v1/processes/{cast.ProcessId}/proposals?order=Random&seed={seed}&page={page}"));
                all.AddRange(json.RootElement.GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
            }
            return all;
        }
        // Seeds whose cut falls before, inside and after the run of keys, the largest and negative ones: the three pages
        // (20, 20, 5) hold each proposal exactly once, whichever page the turn crosses on.
        var orders = new List<List<int>>();
        foreach (var seed in new long[] { 0, 1, 42, 33_333, 66_666, 100_002, -7, int.MaxValue, int.MinValue })
        {
            var order = await ShuffledAsync(seed);
            Assert.Equal(made.Order(), order.Order());
            Assert.Equal(order, await ShuffledAsync(seed));
            orders.Add(order);
        }
        // One shuffle, turned: every seed's order is the same cycle from another start, and the starts differ.
        var cycle = orders[0];
        foreach (var order in orders)
        {
            var start = cycle.IndexOf(order[0]);
            Assert.Equal(cycle.Skip(start).Concat(cycle.Take(start)), order);
        }
        Assert.True(orders.Select(o => o[0]).Distinct().Count() > 1);
        Assert.NotEqual(made, cycle);
    }

    [Fact]
    public async Task Budget_projects_and_process_proposals_are_one_model_kept_apart()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var budgetId = await BudgetingScenario.CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var project = await BudgetingScenario.ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A park in the east", 40_000m));
        var proposal = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A park in the west");

        var stored = await ProposalAsync(App, project);
        Assert.Equal((cast.ProcessId, (int?)budgetId), (stored.ProcessId, stored.BudgetId));
        Assert.Null((await ProposalAsync(App, proposal)).BudgetId);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.GetPageAsync($"/proposals/{proposal}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.GetPageAsync($"/processes/{cast.ProcessId}/proposals/{project}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/process-proposals/{project}/answer", new { status = "Accepted", reason = "No." })).StatusCode);
        var list = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/proposals");
        Assert.Equal(["A park in the west"], list.QuerySelectorAll(".proposal-card h2").Select(h => h.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task Proposals_not_turned_on_do_not_exist_for_the_public_and_closed_ones_take_no_new_proposals()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.ParticipantClient.GetPageAsync($"/processes/{cast.ProcessId}/proposals")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.GetPageAsync($"/processes/{cast.ProcessId}/proposals")).Response.StatusCode);
        await ConfigureAsync(cast.OwnerClient, cast.ProcessId, 0, open: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.GetPageAsync($"/processes/{cast.ProcessId}/proposals/new")).Response.StatusCode);
        var refused = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/processes/{cast.ProcessId}/proposals", new { title = "Late", body = "Too late." });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == cast.ProcessId)));
        // An unknown category is a form error, nothing saved.
        await ConfigureAsync(cast.OwnerClient, cast.ProcessId, 0, open: true);
        var bad = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/processes/{cast.ProcessId}/proposals", new { title = "Odd", body = "Odd.", category = "Rockets" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == cast.ProcessId)));
    }
}

public sealed class ProcessProposalsOnSqlite(BudgetingSqliteApp app) : ProcessProposalTests<BudgetingSqliteApp>(app);

public sealed class ProcessProposalsOnPostgres(BudgetingPostgresApp app) : ProcessProposalTests<BudgetingPostgresApp>(app);
