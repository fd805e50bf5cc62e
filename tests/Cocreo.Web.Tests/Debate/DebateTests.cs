using System.Net;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;

namespace Cocreo.Web.Tests.Debate;

/// <summary>
/// Threaded debate on a process's problem and on a budget proposal, through the pages and /api/v1, on SQLite and on
/// PostgreSQL: replies (deep ones shown flat), one vote per person (a parallel double submit counts once), the sorts
/// (best and bridging on hand-worked examples), paging that shows every comment exactly once, and closed or hidden
/// targets that refuse new comments with the reason.
/// </summary>
public abstract class DebateTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static async Task<HttpResponseMessage> SendAsync(FormClient client, HttpMethod method, string url, object? body)
    {
        var token = await Scenarios.AntiforgeryTokenAsync(client);
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, Json), System.Text.Encoding.UTF8, "application/json");
        }
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.Http.SendAsync(request);
    }

    private static async Task<int> PostAsync(FormClient client, string kind, int id, string body, int? parentId = null, Alignment alignment = Alignment.Neutral)
    {
        var response = await SendAsync(client, HttpMethod.Post, $"/api/v1/debates/{kind}/{id}/comments", new { body, parentId, alignment, submissionId = Guid.NewGuid() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> ReadAsync(FormClient client, string kind, int id, string query = "")
    {
        var response = await client.Http.GetAsync($"/api/v1/debates/{kind}/{id}{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private static List<int> Ids(JsonElement page) => page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();

    [Fact]
    public async Task The_totals_follow_every_comment_and_every_moved_thread_at_once_whoever_saves_it()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var other = await Scenarios.ProcessWithCastAsync(app);
        var p = cast.ProcessId;
        async Task<(int TopLevel, int Total)> TotalsAsync(int processId)
        {
            var page = await ReadAsync(cast.AnonymousClient, "process", processId);
            return (page.GetProperty("topLevel").GetInt32(), page.GetProperty("total").GetInt32());
        }
        Assert.Equal((0, 0), await TotalsAsync(p));
        var root = await PostAsync(cast.ParticipantClient, "process", p, "The opening hours are the problem.");
        Assert.Equal((1, 1), await TotalsAsync(p));
        await PostAsync(cast.OwnerClient, "process", p, "Which hours would suit you?", root);
        Assert.Equal((1, 2), await TotalsAsync(p));
        await PostAsync(cast.OwnerClient, "process", p, "And the staff is too small.");
        Assert.Equal((2, 3), await TotalsAsync(p));

        // Saves outside the use cases (a seed, another instance's) move the stamp all the same: a comment written
        // directly, then the whole debate carried into another process's (as a merge does).
        await app.WithDbAsync(async db =>
        {
            db.Add(Comment.Post("process", p, p, null, cast.Participant.Id, "Participant", "Written directly.", Alignment.Neutral, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        Assert.Equal((3, 4), await TotalsAsync(p));
        Assert.Equal((0, 0), await TotalsAsync(other.ProcessId));
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(4, await new DebateCarryOver(db).CarryAsync("process", p, other.ProcessId, CancellationToken.None));
            await db.SaveChangesAsync();
        });
        Assert.Equal((0, 0), await TotalsAsync(p));
        Assert.Equal((3, 4), await TotalsAsync(other.ProcessId));
    }

    [Fact]
    public async Task Replies_nest_deeper_ones_show_flat_and_count_on_their_thread()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var p = cast.ProcessId;
        var root = await PostAsync(cast.ParticipantClient, "process", p, "The problem is the opening hours.", alignment: Alignment.For);
        var parent = root;
        var chain = new List<int>();
        for (var i = 1; i <= 5; i++)
        {
            parent = await PostAsync(i % 2 == 1 ? cast.OwnerClient : cast.ParticipantClient, "process", p, $"Reply at depth {i}.", parent, Alignment.Against);
            chain.Add(parent);
        }
        var page = await ReadAsync(cast.AnonymousClient, "process", p);
        Assert.Equal(6, page.GetProperty("total").GetInt32());
        var top = Assert.Single(page.GetProperty("comments").EnumerateArray());
        Assert.Equal(root, top.GetProperty("id").GetInt32());
        Assert.Equal("For", top.GetProperty("alignment").GetString());
        // Depth 1 under the root, 2 under it, 3 under that; 4 and 5 flat beside 3 (the last shown level).
        var one = Assert.Single(top.GetProperty("replies").EnumerateArray());
        var two = Assert.Single(one.GetProperty("replies").EnumerateArray());
        var three = two.GetProperty("replies").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(chain[2..], three);
        Assert.Equal(5, await app.WithDbAsync(db => db.Set<Comment>().Where(c => c.Id == root).Select(c => c.Replies).SingleAsync()));

        // The page: a nested list, the flattened reply says whom it answers, "show more" collapses long threads.
        var html = await cast.AnonymousClient.GetOkPageAsync($"/debate/process/{p}");
        Assert.NotNull(html.QuerySelector($".debate-threads > li > .debate-replies > li > .debate-replies > li > .debate-replies #comment-{chain[4]}"));
        Assert.Contains("in reply to", html.QuerySelector($"#comment-{chain[4]}")!.TextContent, StringComparison.Ordinal);
        Assert.Null(html.QuerySelector(".more-replies"));
        var processPage = await cast.AnonymousClient.GetOkPageAsync($"/processes/{p}");
        Assert.NotNull(processPage.QuerySelector($"#comment-{root}"));
    }

    [Fact]
    public async Task Long_threads_collapse_behind_a_link_that_works_without_script()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var p = cast.ProcessId;
        var root = await PostAsync(cast.ParticipantClient, "process", p, "Start.");
        for (var i = 0; i < DebateLimits.RepliesShown + 3; i++)
        {
            await PostAsync(cast.OwnerClient, "process", p, $"Reply {i}.", root);
        }
        var html = await cast.AnonymousClient.GetOkPageAsync($"/debate/process/{p}");
        var more = html.QuerySelector(".more-replies a")!;
        Assert.Equal("Show 3 more replies", more.TextContent.Trim());
        var expanded = await cast.AnonymousClient.GetOkPageAsync(WebUtility.HtmlDecode(more.GetAttribute("href")!).Split('#')[0]);
        Assert.Equal(DebateLimits.RepliesShown + 3, expanded.QuerySelectorAll($"#comment-{root} ~ .debate-replies > li").Length);
        Assert.Null(expanded.QuerySelector(".more-replies"));
    }

    [Fact]
    public async Task One_vote_per_person_a_parallel_double_submit_counts_once_and_a_vote_can_change()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var p = cast.ProcessId;
        var comment = await PostAsync(cast.OwnerClient, "process", p, "Open the reading room in the evening.");
        var url = $"/api/v1/debates/process/{p}/comments/{comment}/vote";
        var twice = await Task.WhenAll(SendAsync(cast.ParticipantClient, HttpMethod.Post, url, new { value = 1 }), SendAsync(cast.ParticipantClient, HttpMethod.Post, url, new { value = 1 }));
        Assert.All(twice, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        async Task<(int Up, int Down, int Rows)> TallyAsync() => await app.WithDbAsync(async db =>
        {
            var c = await db.Set<Comment>().AsNoTracking().SingleAsync(x => x.Id == comment);
            return (c.Up, c.Down, await db.Set<CommentVote>().CountAsync(v => v.CommentId == comment));
        });
        Assert.Equal((1, 0, 1), await TallyAsync());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(cast.FacilitatorClient, HttpMethod.Post, url, new { value = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(cast.ParticipantClient, HttpMethod.Post, url, new { value = -1 })).StatusCode);
        Assert.Equal((1, 1, 2), await TallyAsync());
        // Never on one's own comment; a value other than up, down or back is bad input.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(cast.OwnerClient, HttpMethod.Post, url, new { value = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SendAsync(cast.ParticipantClient, HttpMethod.Post, url, new { value = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(cast.ParticipantClient, HttpMethod.Post, url, new { value = 0 })).StatusCode);
        Assert.Equal((1, 0, 1), await TallyAsync());
    }

    [Fact]
    public void The_wilson_lower_bound_matches_the_hand_computed_values()
    {
        Assert.Equal(0, Comment.Wilson(0, 0));
        Assert.Equal(0.2065, Comment.Wilson(1, 0), 4);
        Assert.Equal(0.7225, Comment.Wilson(10, 0), 4);
        Assert.Equal(0.3127, Comment.Wilson(6, 4), 4);
    }

    /// <summary>Adds comments with given tallies directly (voters are made up: the tallies are what the sorts read).</summary>
    private Task<List<int>> SeedAsync(int processId, string authorId, IEnumerable<(int Up, int Down, int Replies, DateTime At)> shapes) => app.WithDbAsync(async db =>
    {
        var comments = new List<Comment>();
        foreach (var (up, down, replies, at) in shapes)
        {
            var c = Comment.Post("process", processId, processId, null, authorId, "Seeded", $"Seeded {comments.Count}", Alignment.Neutral, at);
            for (var i = 0; i < up; i++)
            {
                c.Tally(0, 1);
            }
            for (var i = 0; i < down; i++)
            {
                c.Tally(0, -1);
            }
            for (var i = 0; i < replies; i++)
            {
                c.Replied();
            }
            comments.Add(c);
        }
        db.AddRange(comments);
        await db.SaveChangesAsync();
        return comments.Select(c => c.Id).ToList();
    });

    [Fact]
    public async Task Best_and_most_discussed_follow_the_hand_computed_order()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var at = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        // A: 1 up (0.2065); B: 10 up (0.7225); C: 6 up 4 down (0.3127); D: no votes (0), the most replies.
        var ids = await SeedAsync(cast.ProcessId, cast.Participant.Id, [(1, 0, 1, at), (10, 0, 0, at.AddMinutes(1)), (6, 4, 2, at.AddMinutes(2)), (0, 0, 7, at.AddMinutes(3))]);
        var (a, b, c, d) = (ids[0], ids[1], ids[2], ids[3]);
        Assert.Equal([b, c, a, d], Ids(await ReadAsync(cast.AnonymousClient, "process", cast.ProcessId, "?sort=Best")));
        Assert.Equal([d, c, a, b], Ids(await ReadAsync(cast.AnonymousClient, "process", cast.ProcessId, "?sort=Discussed")));
        Assert.Equal([a, b, c, d], Ids(await ReadAsync(cast.AnonymousClient, "process", cast.ProcessId, "?sort=Oldest")));
        // Too few votes to bridge: said, and sorted by best.
        var bridging = await ReadAsync(cast.AnonymousClient, "process", cast.ProcessId, "?sort=Bridging");
        Assert.True(bridging.GetProperty("bridgingFellBack").GetBoolean());
        Assert.Equal([b, c, a, d], Ids(bridging));
        var html = await cast.AnonymousClient.GetOkPageAsync($"/debate/process/{cast.ProcessId}?sort=Bridging");
        Assert.Contains("Too few votes yet", html.QuerySelector(".debate .notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bridging_puts_first_what_both_sides_upvote_and_last_what_one_side_alone_likes()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var p = cast.ProcessId;
        var at = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        // Two camps: 10 people on the left, 6 on the right. X1 the left likes and the right does not, X2 the other way;
        // Q: 5 of the left and all 6 of the right up, 5 of the left down (Wilson 0.444); S: the left alone, all up (0.7225).
        var ids = await SeedAsync(p, cast.Owner.Id, [(0, 0, 0, at), (0, 0, 0, at.AddMinutes(1)), (0, 0, 0, at.AddMinutes(2)), (0, 0, 0, at.AddMinutes(3))]);
        var (x1, x2, q, s) = (ids[0], ids[1], ids[2], ids[3]);
        var left = Enumerable.Range(0, 10).Select(i => $"left-{i}").ToList();
        var right = Enumerable.Range(0, 6).Select(i => $"right-{i}").ToList();
        var votes = new List<(int Comment, string User, int Value)>();
        votes.AddRange(left.Select(u => (x1, u, 1)));
        votes.AddRange(right.Select(u => (x1, u, -1)));
        votes.AddRange(left.Select(u => (x2, u, -1)));
        votes.AddRange(right.Select(u => (x2, u, 1)));
        votes.AddRange(left.Select((u, i) => (q, u, i < 5 ? 1 : -1)));
        votes.AddRange(right.Select(u => (q, u, 1)));
        votes.AddRange(left.Select(u => (s, u, 1)));
        await app.WithDbAsync(async db =>
        {
            foreach (var (comment, user, value) in votes)
            {
                db.Add(new CommentVote { CommentId = comment, UserId = user, Value = value, VotedAt = at });
                (await db.Set<Comment>().SingleAsync(c => c.Id == comment)).Tally(0, value);
                await db.SaveChangesAsync();
            }
        });
        var best = Ids(await ReadAsync(cast.AnonymousClient, "process", p, "?sort=Best"));
        Assert.Equal([s, q], best[..2]);
        var order = await app.WithDbAsync(db => BridgingCache.ComputeAsync(db, "process", p, CancellationToken.None));
        Assert.NotNull(order);
        Assert.Equal(q, order![0]);
        Assert.Equal(s, order[^1]);
        var page = await ReadAsync(cast.AnonymousClient, "process", p, "?sort=Bridging");
        Assert.False(page.GetProperty("bridgingFellBack").GetBoolean());
        Assert.Equal(order, Ids(page));
    }

    [Fact]
    public async Task Paging_shows_every_top_level_comment_exactly_once_in_every_sort()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var at = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        // 45 comments: ties everywhere (same time in threes, same tallies in fives, same replies in fours).
        var ids = await SeedAsync(cast.ProcessId, cast.Participant.Id, Enumerable.Range(0, 45).Select(i => (i % 5, i % 2, i % 4, at.AddMinutes(i / 3))));
        foreach (var sort in Enum.GetValues<DebateSort>())
        {
            var seen = new List<int>();
            string? after = null;
            var pages = 0;
            do
            {
                var page = await ReadAsync(cast.AnonymousClient, "process", cast.ProcessId, $"?sort={sort}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
                seen.AddRange(Ids(page));
                after = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
                pages++;
            }
            while (after is not null && pages < 10);
            Assert.Equal(3, pages);
            Assert.Equal(ids.Order().ToList(), seen.Order().ToList());
        }
        var bad = await cast.AnonymousClient.Http.GetAsync($"/api/v1/debates/process/{cast.ProcessId}?sort=Best&after=nonsense");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
    }

    [Fact]
    public async Task A_closed_process_and_a_hidden_proposal_refuse_new_comments_with_the_reason()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budgetId = await BudgetingScenario.CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await BudgetingScenario.ProposeAsync(cast.OtherStaffClient, budgetId, new Idea("A pocket park", 40_000m));
        var comment = await PostAsync(cast.ParticipantClient, "proposal", proposalId, "Yes please.");

        await app.WithDbAsync(async db =>
        {
            var hidden = ModerationCase.Open(ProposalContents.Kind, proposalId, cast.ProcessId);
            hidden.Hide("Not a proposal.", DateTime.UtcNow);
            db.Add(hidden);
            await db.SaveChangesAsync();
        });
        var refused = await SendAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/debates/proposal/{proposalId}/comments", new { body = "More." });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("hidden by the moderators", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/debates/proposal/{proposalId}/comments/{comment}/vote", new { value = 1 })).StatusCode);

        await app.WithDbAsync(async db =>
        {
            var process = await db.Set<Process>().Include(x => x.Phases).SingleAsync(x => x.Id == cast.ProcessId);
            while (process.AdvancePhase(DateTime.UtcNow) is not null)
            {
            }
            await db.SaveChangesAsync();
        });
        var closed = await SendAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/debates/process/{cast.ProcessId}/comments", new { body = "Too late?" });
        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
        Assert.Contains("This process is closed", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await cast.ParticipantClient.GetOkPageAsync($"/debate/process/{cast.ProcessId}");
        Assert.Contains("This process is closed", page.QuerySelector(".debate .notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Comment']"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Comment>().CountAsync(c => c.TargetKind == "process" && c.TargetId == cast.ProcessId)));
    }

    [Fact]
    public async Task A_reply_tells_the_author_it_answers_and_empty_text_is_refused_on_the_page()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var p = cast.ProcessId;
        var root = await PostAsync(cast.ParticipantClient, "process", p, "A first thought.");
        var response = await cast.OwnerClient.SubmitAsync($"/debate/process/{p}", new() { ["Comment"] = "  ", ["parentId"] = $"{root}" }, handler: "Comment");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains("Write your comment.", page.QuerySelector($"#reply-{root}-error")!.TextContent, StringComparison.Ordinal);

        var ok = await cast.OwnerClient.SubmitAsync($"/debate/process/{p}", new() { ["Comment"] = "An answer.", ["parentId"] = $"{root}", ["alignment"] = "Against" }, handler: "Comment");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var reply = await app.WithDbAsync(db => db.Set<Comment>().SingleAsync(c => c.ParentId == root));
        Assert.Equal(Alignment.Against, reply.Alignment);
        Assert.StartsWith($"/processes/{p}#comment-{reply.Id}", ok.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Cocreo.Web.Features.Notifications.NotificationFanOut>().CatchUpAsync(p, CancellationToken.None);
        }
        Assert.True(await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Notifications.Notification>().AnyAsync(n => n.UserId == cast.Participant.Id && n.Event == "comment.replied")));
    }
}

public sealed class DebateOnSqlite(BudgetingSqliteApp app) : DebateTests<BudgetingSqliteApp>(app);

public sealed class DebateOnPostgres(BudgetingPostgresApp app) : DebateTests<BudgetingPostgresApp>(app);
