using System.Net;
using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Conversations.ConversationSteps;
using Engine = Cocreo.OpinionMap;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// Conversations end to end on each database: the team starts one with seed statements; people with the link vote
/// one statement at a time without an account (resumable by cookie), never seeing a statement twice; a repeat vote
/// counts once, also in parallel; statements are refused with the reason and the text kept; pre-moderation and flood
/// protection hold statements for the moderators; a closed conversation refuses; the map equals the engine's.
/// </summary>
public abstract class ConversationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task The_team_starts_a_conversation_with_seed_statements_and_the_log_says_so()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var statements = await StatementsAsync(App, id);
        Assert.Equal(Seeds, statements.Select(s => s.Text));
        Assert.All(statements, s => Assert.True(s.IsSeed && s.ByTeam && s.Status == StatementStatus.Accepted));
        Assert.Contains("conversation.created", await LogActionsAsync(App, cast.ProcessId));
        var list = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/conversations");
        Assert.Contains("What should the old town's streets be like?", list.Body!.TextContent, StringComparison.Ordinal);
        var process = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}");
        Assert.NotNull(process.QuerySelector($"a[href='/processes/{cast.ProcessId}/conversations']"));
    }

    [Fact]
    public async Task Someone_with_the_link_votes_one_statement_at_a_time_never_twice_and_resumes_by_cookie()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var visitor = App.NewClient();
        var seen = new List<int>();
        for (var i = 0; i < Seeds.Length; i++)
        {
            var (statement, response) = await VoteShownAsync(visitor, id, i == 1 ? "Disagree" : "Agree");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            if (i == 0)
            {
                var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ParticipantKeys.Cookie, StringComparison.Ordinal));
                Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
            }
            Assert.DoesNotContain(statement, seen);
            seen.Add(statement);
        }
        var done = await visitor.GetOkPageAsync($"/conversations/{id}");
        Assert.Contains("You have voted on every statement", done.Body!.TextContent, StringComparison.Ordinal);
        var votes = await VotesAsync(App, id);
        Assert.Equal(3, votes.Count);
        Assert.Single(votes.Select(v => v.ParticipantId).Distinct());
        var participant = await App.WithDbAsync(db => db.Set<ConversationParticipant>().SingleAsync(p => p.ConversationId == id));
        Assert.Null(participant.UserId);
        Assert.Equal(64, participant.KeyHash!.Length);
        // Votes are never in the log.
        Assert.DoesNotContain(await LogActionsAsync(App, cast.ProcessId), a => a.Contains("vote", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeat_vote_replaces_the_choice_and_counts_once_also_in_parallel()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var statement = (await StatementsAsync(App, id))[0].Id;
        var key = ParticipantKeys.New();
        var choices = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? ConversationChoice.Agree : ConversationChoice.Disagree).ToList();
        // Eight requests of one new participant at once: the first vote also makes the participant.
        await Task.WhenAll(choices.Select(choice => VoteAsync(new CastVote.Command(id, key, statement, choice))));
        var votes = await VotesAsync(App, id);
        Assert.Single(votes);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<ConversationParticipant>().CountAsync(p => p.ConversationId == id)));

        var outcome = await VoteAsync(new CastVote.Command(id, key, statement, ConversationChoice.Pass));
        Assert.True(outcome.Changed);
        var again = await VoteAsync(new CastVote.Command(id, key, statement, ConversationChoice.Pass));
        Assert.False(again.Changed);
        Assert.Equal(ConversationChoice.Pass, (await VotesAsync(App, id)).Single().Choice);
    }

    [Fact]
    public async Task Empty_long_duplicate_and_near_duplicate_statements_are_refused_with_the_reason_and_the_text_kept()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var visitor = App.NewClient();
        async Task RefusedAsync(string text, string reason)
        {
            var response = await AddAsync(visitor, id, text);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = await FormClient.ParseAsync(response);
            Assert.Contains(reason, page.QuerySelector(".error-summary")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(text, page.QuerySelector("textarea[name='Text']")!.TextContent);
        }
        await RefusedAsync("   ", "Write your statement: it cannot be empty.");
        await RefusedAsync(new string('x', 281), "A statement can have at most 280 characters.");
        await RefusedAsync("the OLD town should be car free on weekends!", "This statement is already in the conversation");
        await RefusedAsync("The old town should be car-free at weekends.", "A statement very like this one is already in the conversation");
        Assert.Equal(3, (await StatementsAsync(App, id)).Count);
        // Nothing was left behind: no participant was made for a refused statement.
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<ConversationParticipant>().CountAsync(p => p.ConversationId == id)));

        var added = await AddAsync(visitor, id, "Build fewer car parks and more bike racks.");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var statement = (await StatementsAsync(App, id))[^1];
        Assert.Equal((StatementStatus.Accepted, false), (statement.Status, statement.ByTeam));
        Assert.Contains("statement.added", await LogActionsAsync(App, cast.ProcessId));
    }

    [Fact]
    public async Task Near_duplicates_are_found_by_trigram_similarity_but_opposite_statements_are_not()
    {
        double Similarity(string a, string b) => StatementText.Similarity(StatementText.Normalize(a), StatementText.Normalize(b));
        Assert.True(Similarity("The old town should be car-free on weekends.", "The old town should be car free at weekends") >= StatementText.NearDuplicateSimilarity);
        Assert.True(Similarity("Build more bike lanes in the centre.", "Build fewer bike lanes in the centre.") < StatementText.NearDuplicateSimilarity);
        Assert.Equal("cesta je siroka", StatementText.Normalize("  Cesta  je ŠIROKA! "));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Pre_moderation_holds_new_statements_until_the_team_accepts_them()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId, moderation: "Pre");
        var visitor = App.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(visitor, id, "A tram line from the station to the castle.")).StatusCode);
        var held = (await StatementsAsync(App, id))[^1];
        Assert.Equal(StatementStatus.Pending, held.Status);
        Assert.Equal(ModerationState.AwaitingApproval, await App.WithDbAsync(db => db.Set<ModerationCase>().Where(c => c.Kind == ConversationStatements.Kind && c.ItemId == held.Id).Select(c => c.State).SingleAsync()));

        // A pending statement is never shown for voting, and a vote on it is refused.
        var other = App.NewClient();
        for (var i = 0; i < Seeds.Length; i++)
        {
            var (statement, _) = await VoteShownAsync(other, id);
            Assert.NotEqual(held.Id, statement);
        }
        var refused = await VoteRefusedAsync(new CastVote.Command(id, ParticipantKeys.New(), held.Id, ConversationChoice.Agree));
        Assert.Equal(RefusalKind.Invalid, refused.Kind);

        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/conversations/{id}/manage", new() { ["statementId"] = $"{held.Id}" }, handler: "Accept")).StatusCode);
        Assert.Equal(StatementStatus.Accepted, (await StatementsAsync(App, id))[^1].Status);
        var log = await LogActionsAsync(App, cast.ProcessId);
        Assert.Contains("content.held", log);
        Assert.Contains("content.published", log);
    }

    [Fact]
    public async Task Rejecting_needs_a_public_reason_and_takes_the_statement_out_of_voting()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var statement = (await StatementsAsync(App, id))[1];
        var noReason = await cast.OwnerClient.SubmitAsync($"/conversations/{id}/manage", new() { ["statementId"] = $"{statement.Id}", ["reason"] = "" }, handler: "Reject");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var reject = await cast.OwnerClient.SubmitAsync($"/conversations/{id}/manage", new() { ["statementId"] = $"{statement.Id}", ["reason"] = "It names a shop owner." }, handler: "Reject");
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        var rejected = (await StatementsAsync(App, id))[1];
        Assert.Equal((StatementStatus.Rejected, "It names a shop owner."), (rejected.Status, rejected.RejectedReason));
        Assert.Contains("It names a shop owner.", (await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation/log")).Body!.TextContent, StringComparison.Ordinal);
        var refused = await VoteRefusedAsync(new CastVote.Command(id, ParticipantKeys.New(), statement.Id, ConversationChoice.Agree));
        Assert.Equal(RefusalKind.Invalid, refused.Kind);
    }

    [Fact]
    public async Task A_duplicate_is_merged_into_the_statement_it_repeats_and_keeps_its_own_votes()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var visitor = App.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(visitor, id, "No cars in the old town on Saturdays and Sundays.")).StatusCode);
        var statements = await StatementsAsync(App, id);
        var duplicate = statements[^1];
        await VoteAsync(new CastVote.Command(id, ParticipantKeys.New(), duplicate.Id, ConversationChoice.Agree));
        var merge = await cast.OwnerClient.SubmitAsync($"/conversations/{id}/manage", new() { ["statementId"] = $"{duplicate.Id}", ["intoId"] = $"{statements[0].Id}" }, handler: "Merge");
        Assert.Equal(HttpStatusCode.Redirect, merge.StatusCode);
        var merged = (await StatementsAsync(App, id))[^1];
        Assert.Equal(StatementStatus.Rejected, merged.Status);
        Assert.Equal($"Merged into the statement “{Seeds[0]}”.", merged.RejectedReason);
        Assert.Single(await VotesAsync(App, id), v => v.StatementId == duplicate.Id);
        Assert.DoesNotContain(await VotesAsync(App, id), v => v.StatementId == statements[0].Id);
    }

    [Fact]
    public async Task Routing_follows_pins_rejections_and_changes_made_elsewhere_although_it_holds_the_open_statements()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var statements = await StatementsAsync(App, id);
        var (a, b, c) = (statements[0].Id, statements[1].Id, statements[2].Id);
        var visitor = App.NewClient();
        var token = await Scenarios.AntiforgeryTokenAsync(visitor);
        async Task<int?> NextAsync()
        {
            var response = await visitor.Http.GetAsync($"/api/v1/conversations/{id}/next");
            return response.StatusCode == HttpStatusCode.NoContent ? null
                : System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("statement").GetProperty("id").GetInt32();
        }
        Assert.Contains(await NextAsync(), new int?[] { a, b, c });

        // Pinned here: shown first at once.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/conversations/{id}/manage", new() { ["statementId"] = $"{c}", ["pinned"] = "true" }, handler: "Pin")).StatusCode);
        Assert.Equal(c, await NextAsync());
        // Rejected here: never shown again.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/conversations/{id}/manage", new() { ["statementId"] = $"{b}", ["reason"] = "Off topic." }, handler: "Reject")).StatusCode);
        using (var vote = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{id}/votes") { Content = new StringContent($"{{\"statementId\":{c},\"choice\":\"Agree\"}}", System.Text.Encoding.UTF8, "application/json") })
        {
            vote.Headers.Add("X-CSRF-TOKEN", token);
            Assert.Equal(HttpStatusCode.OK, (await visitor.Http.SendAsync(vote)).StatusCode);
        }
        Assert.Equal(a, await NextAsync());

        // Elsewhere (another instance, straight in the database): a rejected and an accepted statement swap, which
        // leaves the number of open statements and the highest open id as they were. The held list still names the
        // rejected one; routing reads it, finds it closed, and offers the open one.
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"ConversationStatements\" SET \"Status\" = CASE WHEN \"Id\" = {a} THEN 'Rejected' ELSE 'Accepted' END WHERE \"Id\" = {a} OR \"Id\" = {b}"));
        Assert.Equal(b, await NextAsync());
    }

    [Fact]
    public async Task The_api_answers_the_same_use_cases_as_the_pages()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var visitor = App.NewClient();
        var conversation = System.Text.Json.JsonDocument.Parse(await visitor.Http.GetStringAsync($"/api/v1/conversations/{id}")).RootElement;
        Assert.Equal(3, conversation.GetProperty("statements").GetArrayLength());
        Assert.True(conversation.GetProperty("youMayTakePart").GetBoolean());
        var token = await Scenarios.AntiforgeryTokenAsync(visitor);
        for (var i = 0; i < Seeds.Length; i++)
        {
            var next = System.Text.Json.JsonDocument.Parse(await visitor.Http.GetStringAsync($"/api/v1/conversations/{id}/next")).RootElement;
            Assert.Equal(i, next.GetProperty("voted").GetInt32());
            using var vote = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{id}/votes")
            {
                Content = new StringContent($"{{\"statementId\":{next.GetProperty("statement").GetProperty("id").GetInt32()},\"choice\":\"Agree\"}}", System.Text.Encoding.UTF8, "application/json"),
            };
            vote.Headers.Add("X-CSRF-TOKEN", token);
            Assert.Equal(HttpStatusCode.OK, (await visitor.Http.SendAsync(vote)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await visitor.Http.GetAsync($"/api/v1/conversations/{id}/next")).StatusCode);
        using var empty = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{id}/statements") { Content = new StringContent("{\"text\":\"  \"}", System.Text.Encoding.UTF8, "application/json") };
        empty.Headers.Add("X-CSRF-TOKEN", token);
        var refused = await visitor.Http.SendAsync(empty);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Write your statement: it cannot be empty.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var map = System.Text.Json.JsonDocument.Parse(await visitor.Http.GetStringAsync($"/api/v1/conversations/{id}/map")).RootElement;
        Assert.Equal(3, map.GetProperty("votes").GetInt32());
        Assert.Equal(1, map.GetProperty("participants").GetInt32());
    }

    [Fact]
    public async Task A_process_with_votes_in_a_conversation_is_archived_not_deleted()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        using (var scope = App.Services.CreateScope())
        {
            var activities = scope.ServiceProvider.GetServices<Cocreo.Web.Features.Processes.IProcessActivity>().OfType<ConversationProcessActivity>().Single();
            Assert.False(await activities.HasInputAsync(cast.ProcessId, CancellationToken.None));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(App.NewClient(), id)).Response.StatusCode);
        using (var scope = App.Services.CreateScope())
        {
            var activities = scope.ServiceProvider.GetServices<Cocreo.Web.Features.Processes.IProcessActivity>().OfType<ConversationProcessActivity>().Single();
            Assert.True(await activities.HasInputAsync(cast.ProcessId, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Flooding_queues_statements_for_moderation_instead_of_refusing_them()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var visitor = App.NewClient();
        string[] texts = ["More night buses on Fridays.", "A market hall by the river.", "Free water fountains in every square.", "Lower rents for small shops in the centre."];
        foreach (var text in texts)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(visitor, id, text)).StatusCode);
        }
        var added = (await StatementsAsync(App, id)).Where(s => !s.ByTeam).ToList();
        Assert.Equal([StatementStatus.Accepted, StatementStatus.Accepted, StatementStatus.Accepted, StatementStatus.Pending], added.Select(s => s.Status));
    }

    [Fact]
    public async Task A_closed_conversation_refuses_votes_and_statements_and_can_be_reopened()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var visitor = App.NewClient();
        var (action, fields) = await visitor.ReadFormAsync($"/conversations/{id}", handler: "Vote");
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/conversations/{id}/manage", new() { ["close"] = "true" }, handler: "Close")).StatusCode);
        fields["choice"] = "Agree";
        var vote = await visitor.PostAsync(action, fields);
        Assert.Equal(HttpStatusCode.Forbidden, vote.StatusCode);
        Assert.Contains("This conversation is closed", await vote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await VotesAsync(App, id));
        var page = await visitor.GetOkPageAsync($"/conversations/{id}");
        Assert.Null(page.QuerySelector("form[action*='handler=Vote']"));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/conversations/{id}/manage", new() { ["close"] = "false" }, handler: "Close")).StatusCode);
        var log = await LogActionsAsync(App, cast.ProcessId);
        Assert.Contains("conversation.closed", log);
        Assert.Contains("conversation.reopened", log);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(visitor, id)).Response.StatusCode);
    }

    [Fact]
    public async Task Signed_in_and_verified_conversations_say_what_to_do()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var signedIn = await StartAsync(cast.OwnerClient, cast.ProcessId, access: "SignedIn");
        var statement = (await StatementsAsync(App, signedIn))[0].Id;
        var page = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{signedIn}");
        Assert.Contains("Sign in to take part in this conversation.", page.Body!.TextContent, StringComparison.Ordinal);
        var anonymous = await VoteRefusedAsync(new CastVote.Command(signedIn, ParticipantKeys.New(), statement, ConversationChoice.Agree));
        Assert.Equal(RefusalKind.SignIn, anonymous.Kind);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(cast.ParticipantClient, signedIn)).Response.StatusCode);
        Assert.Equal(cast.Participant.Id, await App.WithDbAsync(db => db.Set<ConversationParticipant>().Where(p => p.ConversationId == signedIn).Select(p => p.UserId).SingleAsync()));

        var verified = await StartAsync(cast.OwnerClient, cast.ProcessId, access: "Verified", seeds: ["Only verified people vote here."]);
        await App.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == cast.Participant.Id);
            user.EmailConfirmed = false;
            await db.SaveChangesAsync();
        });
        var unverified = await cast.ParticipantClient.GetOkPageAsync($"/conversations/{verified}");
        Assert.Contains("confirm your e-mail address", unverified.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_in_the_platform_equals_the_engines_map_for_the_same_votes()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId, seeds: Enumerable.Range(1, 12).Select(i => $"Statement number {i} about the streets of the old town, camp {i % 3}.").ToArray());
        var statements = await StatementsAsync(App, id);
        await App.WithDbAsync(async db =>
        {
            var random = new Random(7);
            var participants = Enumerable.Range(0, 60).Select(_ => ConversationParticipant.WithKey(id, ParticipantKeys.Hash(id, ParticipantKeys.New()), DateTime.UtcNow)).ToList();
            db.AddRange(participants);
            await db.SaveChangesAsync();
            var at = DateTime.UtcNow.AddHours(-1);
            foreach (var (participant, index) in participants.Select((p, i) => (p, i)))
            {
                var camp = index % 3;
                foreach (var statement in statements.Select((s, i) => (s, i)))
                {
                    var agree = statement.i % 3 == camp ? 0.9 : 0.2;
                    var roll = random.NextDouble();
                    var choice = roll < agree ? ConversationChoice.Agree : roll < 0.92 ? ConversationChoice.Disagree : ConversationChoice.Pass;
                    at = at.AddSeconds(1);
                    db.Add(ConversationVote.Cast(id, participant.Id, statement.s.Id, choice, at));
                }
            }
            await db.SaveChangesAsync();
        });

        using var scope = App.Services.CreateScope();
        var maps = scope.ServiceProvider.GetRequiredService<ConversationMaps>();
        var summary = await maps.CurrentAsync(id, CancellationToken.None);

        var votes = await VotesAsync(App, id);
        var engine = Engine.OpinionMapper.Compute(
            new Engine.Conversation(statements.Select(s => new Engine.Statement(s.Id, s.Text) { Moderation = Engine.Moderation.Accepted }),
                votes.Select(v => new Engine.Vote(v.ParticipantId, v.StatementId, ConversationMaps.ToEngine(v.Choice), new DateTimeOffset(v.VotedAt, TimeSpan.Zero)))),
            new Engine.OpinionMapOptions());
        Assert.True(engine.Groups.Count >= 2);
        Assert.Equal(engine.Groups.Select(g => (g.Id, g.Members.Count)), summary.Groups.Select(g => (g.Id, g.Size)));
        foreach (var group in engine.Groups)
        {
            Assert.All(group.Members, m => Assert.Equal(group.Id, summary.Participants[m].GroupId));
            Assert.Equal(group.RepresentativeStatements.Select(r => r.StatementId), summary.Groups.Single(g => g.Id == group.Id).Representative.Select(r => r.StatementId));
        }
        Assert.Equal(engine.Consensus.Agree.Select(c => c.StatementId), summary.ConsensusAgree.Select(c => c.StatementId));
        Assert.Equal(engine.Consensus.Disagree.Select(c => c.StatementId), summary.ConsensusDisagree.Select(c => c.StatementId));
        Assert.Equal(engine.Statements.Select(s => Math.Round(s.GroupAwareConsensus, 12)), summary.Statements.Select(s => Math.Round(s.GroupAwareConsensus, 12)));

        // The bridging ranking is computed with the map (the first time from scratch) and equals the engine's.
        var bridging = Engine.Bridging.BridgingRanker.Rank(
            new Engine.Conversation(statements.Select(s => new Engine.Statement(s.Id, s.Text) { Moderation = Engine.Moderation.Accepted }),
                votes.Select(v => new Engine.Vote(v.ParticipantId, v.StatementId, ConversationMaps.ToEngine(v.Choice), new DateTimeOffset(v.VotedAt, TimeSpan.Zero)))));
        Assert.NotNull(summary.Bridging);
        Assert.NotEmpty(summary.Bridging!.Ranked);
        Assert.Equal(bridging.Ranked.Select(b => (b.StatementId, b.Rank!.Value)), summary.Bridging.Ranked.Select(b => (b.StatementId, b.Rank)));
        Assert.Equal(bridging.Ranked.Select(b => Math.Round(b.Intercept, 9)), summary.Bridging.Ranked.Select(b => Math.Round(b.Intercept, 9)));

        var page = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}/map");
        Assert.NotNull(page.QuerySelector("svg[role='img'] title"));
        Assert.Contains("Group A", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Updated", page.QuerySelector(".map-age")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(statements.Count, page.QuerySelectorAll("section[aria-labelledby='table-heading'] table tbody tr").Length);
        Assert.Contains("Supported across the divide", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Agreed within every group", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(summary.Bridging.Ranked.Count, page.QuerySelectorAll(".common-ground ~ .table-scroll table tbody tr").Length);
        var document = System.Text.Json.JsonDocument.Parse(await cast.AnonymousClient.Http.GetStringAsync($"/api/v1/conversations/{id}/map")).RootElement;
        Assert.Equal(summary.Bridging.Ranked[0].StatementId, document.GetProperty("bridging").GetProperty("ranked")[0].GetProperty("statementId").GetInt32());
        // The open-data export reads back with the engine's reader to the same votes and the map's groups.
        var zip = await cast.AnonymousClient.Http.GetByteArrayAsync($"/conversations/{id}/export.zip");
        var folder = Path.Combine(Path.GetTempPath(), "cocreo-export-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            System.IO.Compression.ZipFile.ExtractToDirectory(new MemoryStream(zip), folder);
            var export = Engine.Polis.PolisExport.Read(folder);
            Assert.Equal(votes.Count, export.Votes.Count);
            Assert.Equal(votes.Select(v => (v.ParticipantId, v.StatementId, ConversationMaps.ToEngine(v.Choice))).Order(),
                export.Votes.Select(v => (v.ParticipantId, v.StatementId, v.Choice)).Order());
            Assert.Equal(summary.Participants.Where(p => p.Value.GroupId is not null).Select(p => (p.Key, p.Value.GroupId!.Value)).Order(),
                export.GroupIds.Select(g => (g.Key, g.Value)).Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // The map is stored: every instance shows the same map and its age.
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<ConversationMapSnapshot>().CountAsync(s => s.ConversationId == id)));
    }

    [Fact]
    public async Task The_engines_state_is_stored_with_the_map_and_another_instance_starts_from_it()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId, seeds: Enumerable.Range(1, 12).Select(i => $"Statement number {i} about the squares of the old town, camp {i % 3}.").ToArray());
        var statements = await StatementsAsync(App, id);
        await SeedCampsAsync(id, statements, 60, DateTime.UtcNow.AddHours(-2), new Random(11));
        using var scope = App.Services.CreateScope();
        var maps = scope.ServiceProvider.GetRequiredService<ConversationMaps>();
        await maps.CurrentAsync(id, CancellationToken.None);

        // Stored as the engine left it.
        var json = System.Text.Json.JsonSerializer.Deserialize<ConversationMaps.StoredState>(
            (await App.WithDbAsync(db => db.Set<ConversationMapSnapshot>().Where(s => s.ConversationId == id).Select(s => s.EngineState).SingleAsync()))!, Web)!;
        var cold = Engine.OpinionMapper.Compute(await maps.EngineConversationAsync(id, CancellationToken.None), ConversationMaps.EngineOptions);
        var stored = json.ToState();
        Assert.Equal(cold.State.InConversation.Order(), stored.InConversation.Order());
        Assert.Equal(cold.State.BaseClusters.Select(c => (c.Id, c.Members.Count, c.X)), stored.BaseClusters.Select(c => (c.Id, c.Members.Count, c.X)));
        Assert.Equal(cold.State.Components[statements[0].Id], stored.Components[statements[0].Id]);
        Assert.Equal(cold.State.GroupCount, stored.GroupCount);

        // Another instance (nothing in its memory) computes the next map from the stored state. To see that it does,
        // the stored groups are given other ids: a warm start keeps them, a cold one would not.
        var renamed = stored with
        {
            GroupClusterings = stored.GroupClusterings.ToDictionary(p => p.Key, p => (IReadOnlyList<Engine.GroupCluster>)[.. p.Value.Select(g => g with { Id = g.Id + 100 })]),
        };
        await App.WithDbAsync(db => db.Set<ConversationMapSnapshot>().Where(s => s.ConversationId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EngineState, System.Text.Json.JsonSerializer.Serialize(ConversationMaps.StoredState.Of(renamed), Web))));
        await SeedCampsAsync(id, statements, 10, DateTime.UtcNow.AddMinutes(-30), new Random(12));
        var other = ActivatorUtilities.CreateInstance<ConversationMaps>(scope.ServiceProvider, new ConversationMapCache());
        var next = await other.RefreshAsync(id, CancellationToken.None);
        var expected = Engine.OpinionMapper.Compute(await maps.EngineConversationAsync(id, CancellationToken.None), ConversationMaps.EngineOptions, renamed);
        Assert.All(expected.Groups, g => Assert.True(g.Id >= 100));
        Assert.Equal(expected.Groups.Select(g => (g.Id, g.Members.Count)), next!.Groups.Select(g => (g.Id, g.Size)));
    }

    [Fact]
    public async Task The_map_held_in_memory_is_recognised_as_the_stored_one()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        await SeedCampsAsync(id, await StatementsAsync(App, id), 12, DateTime.UtcNow.AddHours(-1), new Random(3));
        using var scope = App.Services.CreateScope();
        var summary = await scope.ServiceProvider.GetRequiredService<ConversationMaps>().CurrentAsync(id, CancellationToken.None);
        // Pages compare the map they hold with the stored one by its time: the database must give back the same time,
        // else every read deserialises the stored map again (PostgreSQL keeps microseconds).
        Assert.Equal(summary.ComputedAt, await App.WithDbAsync(db => db.Set<ConversationMapSnapshot>().Where(s => s.ConversationId == id).Select(s => s.ComputedAt).SingleAsync()));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>Participants in three camps who vote on every statement, one second apart from <paramref name="from"/>.</summary>
    private Task SeedCampsAsync(int id, List<ConversationStatement> statements, int count, DateTime from, Random random) => App.WithDbAsync(async db =>
    {
        var participants = Enumerable.Range(0, count).Select(_ => ConversationParticipant.WithKey(id, ParticipantKeys.Hash(id, ParticipantKeys.New()), DateTime.UtcNow)).ToList();
        db.AddRange(participants);
        await db.SaveChangesAsync();
        var at = from;
        foreach (var (participant, index) in participants.Select((p, i) => (p, i)))
        {
            foreach (var statement in statements.Select((s, i) => (s, i)))
            {
                var agree = statement.i % 3 == index % 3 ? 0.9 : 0.2;
                var roll = random.NextDouble();
                at = at.AddSeconds(1);
                db.Add(ConversationVote.Cast(id, participant.Id, statement.s.Id, roll < agree ? ConversationChoice.Agree : roll < 0.92 ? ConversationChoice.Disagree : ConversationChoice.Pass, at));
            }
        }
        await db.SaveChangesAsync();
    });

    [Fact]
    public void A_map_stored_before_the_bridging_ranking_still_reads_with_no_ranking()
    {
        var old = "{\"computedAt\":\"2026-12-01T10:00:00Z\",\"participantCount\":0,\"inConversationCount\":0,\"voteCount\":0,\"groups\":[],\"statements\":[],"
            + "\"consensusAgree\":[],\"consensusDisagree\":[],\"baseClusters\":[],\"participants\":{}}";
        var summary = System.Text.Json.JsonSerializer.Deserialize<MapSummary>(old, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.NotNull(summary);
        Assert.Null(summary!.Bridging);
    }

    private async Task<TResult> RunAsync<THandler, TCommand, TResult>(TCommand command) where THandler : IChange<TCommand, ConversationTarget, TResult>
    {
        using var scope = App.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<ChangeRunner>();
        return await runner.RunAsync(scope.ServiceProvider.GetRequiredService<THandler>(), command, new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None);
    }

    private async Task<CastVote.Outcome> VoteAsync(CastVote.Command command)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CastVote.Handler>().CastAsync(command, new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None);
    }

    private async Task<Refusal> VoteRefusedAsync(CastVote.Command command) =>
        (await Assert.ThrowsAsync<RefusedException>(() => VoteAsync(command))).Refusal;

    private async Task<Refusal> RunRefusedAsync<THandler, TCommand, TResult>(TCommand command) where THandler : IChange<TCommand, ConversationTarget, TResult> =>
        (await Assert.ThrowsAsync<RefusedException>(() => RunAsync<THandler, TCommand, TResult>(command))).Refusal;
}

public sealed class ConversationOnSqlite(ConversationOnSqlite.TestApp app) : ConversationTests<ConversationOnSqlite.TestApp>(app)
{
    public sealed class TestApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Conversations:MapRefresh"] = "00:00:00" };
    }
}

public sealed class ConversationOnPostgres(ConversationOnPostgres.TestApp app) : ConversationTests<ConversationOnPostgres.TestApp>(app)
{
    public sealed class TestApp : PostgresApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Conversations:MapRefresh"] = "00:00:00" };
    }
}
