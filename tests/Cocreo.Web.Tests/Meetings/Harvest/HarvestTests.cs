using System.Net;
using System.Text.Json;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Features.Meetings.Harvest;
using Cocreo.Web.Platform.Live;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Conversations;
using Cocreo.Web.Tests.Proposals;
using Cocreo.Web.Tests.Shared;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.Harvest;

/// <summary>
/// The live harvest over HTTP on both databases: who posts, pending and hidden items never public, one item per
/// submission, the live topic, and turning items into statements and proposals with links both ways, once.
/// </summary>
public abstract class HarvestTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task Pending_and_hidden_items_never_reach_the_public_and_published_ones_do()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var published = await cast.PostedAsync(cast.People.ParticipantClient, "More shade on the **main square**.");
        var hidden = await cast.PostedAsync(cast.People.ParticipantClient, "Something rude about a neighbour.");
        var pending = await cast.PostedAsync(cast.People.ParticipantClient, "Should the market move?", kind: "Question");

        // Nothing is public before a facilitator decides.
        Assert.DoesNotContain("shade", (await cast.People.AnonymousClient.GetOkPageAsync(cast.Page)).Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await cast.ModerateAsync(cast.People.FacilitatorClient, published)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ModerateAsync(cast.People.FacilitatorClient, hidden, publish: false)).StatusCode);

        foreach (var client in new[] { cast.People.AnonymousClient, cast.People.ParticipantClient, cast.People.OtherStaffClient })
        {
            var page = await client.GetOkPageAsync(cast.Page);
            var text = page.QuerySelector("#harvest-live")!.TextContent;
            Assert.Contains("More shade on the", text, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector($"#item-{published} strong"));
            Assert.DoesNotContain("rude", text, StringComparison.Ordinal);
            Assert.DoesNotContain("market", text, StringComparison.Ordinal);
            var api = JsonDocument.Parse(await client.Http.GetStringAsync($"/api/v1/meetings/{cast.MeetingId}/harvest")).RootElement;
            Assert.Equal([published], api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            Assert.DoesNotContain("author", api.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
        // The waiting list is the organisers': the public and the harvesters do not get it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await cast.People.AnonymousClient.Http.GetAsync($"/api/v1/meetings/{cast.MeetingId}/harvest?status=Pending")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.People.ParticipantClient.Http.GetAsync($"/api/v1/meetings/{cast.MeetingId}/harvest?status=Pending")).StatusCode);
        var desk = JsonDocument.Parse(await cast.People.FacilitatorClient.Http.GetStringAsync($"/api/v1/meetings/{cast.MeetingId}/harvest?status=Pending")).RootElement;
        Assert.Equal([pending], desk.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));

        // The log says which items were published and hidden, never who wrote them or what.
        var log = await cast.LogAsync();
        Assert.Contains(log, e => e.Action == "meeting.harvest-published" && e.Data.Contains($"[{published}]", StringComparison.Ordinal));
        Assert.Contains(log, e => e.Action == "meeting.harvest-hidden" && e.Data.Contains($"[{hidden}]", StringComparison.Ordinal));
        Assert.DoesNotContain(log, e => e.Data.Contains(cast.People.Participant.Id, StringComparison.Ordinal) || e.Data.Contains("rude", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_named_harvesters_and_the_team_post_and_a_removed_harvester_no_longer_can()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app, nameHarvester: false);

        Assert.Equal(HttpStatusCode.Forbidden, (await ProposalScenario.PostAsync(cast.People.ParticipantClient, cast.Page, new() { ["Input.Text"] = "Early", ["Input.Kind"] = "Note" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.PostAsync(cast.People.FacilitatorClient, "The team posts without being named.")).StatusCode);
        // Only people registered for the meeting can be named.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await cast.NameAsync(cast.People.OwnerClient, cast.People.OtherStaff.Id)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await cast.NameAsync(cast.People.OwnerClient, cast.People.Participant.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.PostAsync(cast.People.ParticipantClient, "Now named.")).StatusCode);

        var removed = await ProposalScenario.PostAsync(cast.People.OwnerClient, $"{cast.Desk}?handler=Remove", new() { ["harvesterId"] = cast.People.Participant.Id });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ProposalScenario.PostAsync(cast.People.ParticipantClient, cast.Page, new() { ["Input.Text"] = "After", ["Input.Kind"] = "Note" })).StatusCode);
        Assert.Equal(["The team posts without being named.", "Now named."], (await cast.ItemsAsync()).Select(i => i.Text));
        Assert.All(await cast.ItemsAsync(), i => Assert.Equal(HarvestStatus.Pending, i.Status));
    }

    [Fact]
    public async Task A_double_submit_or_the_Back_button_creates_one_item_and_bad_input_gets_a_message()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var (action, fields) = await cast.People.ParticipantClient.ReadFormAsync(cast.Page);
        fields["Input.Kind"] = "Decision";
        fields["Input.Text"] = "We meet again in March.";

        var first = await cast.People.ParticipantClient.PostAsync(action, fields);
        var again = await cast.People.ParticipantClient.PostAsync(action, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var item = Assert.Single(await cast.ItemsAsync());
        Assert.Equal(HarvestKind.Decision, item.Kind);
        Assert.Equal("We meet again in March.", item.Text);

        var empty = await cast.PostAsync(cast.People.ParticipantClient, "   ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Write what was said.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooLong = await cast.PostAsync(cast.People.ParticipantClient, new string('a', HarvestLimits.Text + 1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Single(await cast.ItemsAsync());
    }

    [Fact]
    public async Task A_published_item_reaches_the_live_topic_which_anyone_who_sees_the_meeting_may_watch()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var id = await cast.PostedAsync(cast.People.ParticipantClient, "Benches under the trees.");
        await using var page = await LivePages.ConnectAsync(app);
        var received = LivePages.Record(page);
        var topic = HarvestLiveTopic.For(cast.MeetingId);
        Assert.True(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), topic));
        Assert.False(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "harvest:not-a-number"));
        Assert.False(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "harvest:999999"));

        await cast.ModerateAsync(cast.People.FacilitatorClient, id);

        Assert.True(await LivePages.EventuallyAsync(() => received.Any(r => r.Topic == topic), TimeSpan.FromSeconds(15)), "the publication reached the watchers");
        Assert.All(received, r => Assert.DoesNotContain("Benches", r.Payload, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_published_item_becomes_a_statement_or_a_proposal_with_links_both_ways_and_only_once()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var team = cast.People.OwnerClient;
        var conversationId = await ConversationSteps.StartAsync(team, cast.People.ProcessId);
        await ProposalScenario.ConfigureAsync(team, cast.People.ProcessId, 0);
        var statementItem = await cast.PublishedAsync("The square needs drinking fountains.");
        var proposalItem = await cast.PublishedAsync("Open the school yard to children at weekends.");
        var unpublished = await cast.PostedAsync(cast.People.ParticipantClient, "Not yet published.");
        var turn = $"{cast.Desk}?handler=Turn";

        var toStatement = await ProposalScenario.PostAsync(cast.People.FacilitatorClient, turn,
            new() { ["itemId"] = $"{statementItem}", ["destination"] = $"conversation-{conversationId}", ["text"] = "The square needs drinking fountains." });
        Assert.Equal(HttpStatusCode.Redirect, toStatement.StatusCode);
        var statement = Assert.Single(await ConversationSteps.StatementsAsync(app, conversationId), s => s.Text == "The square needs drinking fountains.");
        Assert.Equal(StatementStatus.Accepted, statement.Status);

        var toProposal = await ProposalScenario.PostAsync(cast.People.FacilitatorClient, turn,
            new() { ["itemId"] = $"{proposalItem}", ["destination"] = "proposal", ["title"] = "Open school yards" });
        Assert.Equal(HttpStatusCode.Redirect, toProposal.StatusCode);
        var items = await cast.ItemsAsync();
        var turned = items.Single(i => i.Id == proposalItem);
        Assert.Equal("proposal", turned.BecameKind);
        var proposal = await ProposalScenario.ProposalAsync(app, turned.BecameId!.Value);
        Assert.Equal("Open school yards", proposal.Title);
        Assert.Equal(cast.People.Facilitator.Id, proposal.AuthorUserId);

        // The proposal says where it came from, with a link to the item; the public harvest links to what each became.
        var proposalPage = await cast.People.AnonymousClient.GetOkPageAsync(turned.BecameLink!);
        Assert.NotNull(proposalPage.QuerySelector($"a[href='/meetings/{cast.MeetingId}/harvest#item-{proposalItem}']"));
        var harvest = await cast.People.AnonymousClient.GetOkPageAsync(cast.Page);
        Assert.NotNull(harvest.QuerySelector($"#item-{proposalItem} a[href='{turned.BecameLink}']"));
        Assert.NotNull(harvest.QuerySelector($"#item-{statementItem} a[href='/conversations/{conversationId}']"));

        // Twice: refused, pointing at the first; an unpublished item cannot be turned.
        var again = await ProposalScenario.PostAsync(cast.People.FacilitatorClient, turn, new() { ["itemId"] = $"{statementItem}", ["destination"] = "proposal" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("This item was turned already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var early = await ProposalScenario.PostAsync(cast.People.FacilitatorClient, turn, new() { ["itemId"] = $"{unpublished}", ["destination"] = "proposal" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        var api = await ProposalScenario.ApiAsync(cast.People.FacilitatorClient, HttpMethod.Post, $"/api/v1/meetings/{cast.MeetingId}/harvest/{proposalItem}/turn", new { to = "Proposal" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);

        var proposals = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Budgeting.Proposal>().CountAsync(p => p.ProcessId == cast.People.ProcessId));
        Assert.Equal(1, proposals);
        var log = (await cast.LogAsync()).Select(e => e.Action).ToList();
        Assert.Equal(2, log.Count(a => a == "meeting.harvest-turned"));
        Assert.Contains("statement.seeded", log);
    }
}

public sealed class HarvestOnSqlite(MeetingsSqliteApp app) : HarvestTests<MeetingsSqliteApp>(app);

public sealed class HarvestOnPostgres(MeetingsPostgresApp app) : HarvestTests<MeetingsPostgresApp>(app);
