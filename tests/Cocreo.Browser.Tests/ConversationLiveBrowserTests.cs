using System.Net;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// Conversations with JavaScript in a real browser: voting on five statements swaps in the next one without leaving
/// the page (no navigation, the same document), and the counter moves; the opinion map open in a browser updates
/// itself when others vote elsewhere (through the live hub), without a reload, and axe finds nothing serious after.
/// The test server is plain HTTP while the platform's CSP says upgrade-insecure-requests (right in production, behind
/// HTTPS), which would turn the page's fetch and the live hub's connection into HTTPS requests this server cannot
/// answer; the browser context therefore drops only that directive from each page's CSP (<see cref="PlainHttpAsync"/>),
/// and every other directive stays in force.
/// </summary>
public sealed class ConversationLiveBrowserTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task With_javascript_five_votes_happen_without_leaving_the_page_and_the_counter_moves()
    {
        var conversationId = await SeedAsync("Lea Lead", participants: 0);
        var context = await PlainHttpAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/conversations/{conversationId}");
        await page.WaitForFunctionAsync(Accessibility.StylesApplied);
        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                navigations++;
            }
        };
        await page.EvaluateAsync("() => { window.__sameDocument = 'still here'; }");
        for (var i = 0; i < 5; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = i % 2 == 0 ? "Agree" : "Disagree", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".step-count")).ToContainTextAsync($"You voted on {i + 1} statement");
        }
        Assert.Equal(0, navigations);
        Assert.Equal("still here", await page.EvaluateAsync<string?>("() => window.__sameDocument ?? null"));
        Assert.Equal(5, await app.WithDbAsync(db => Task.FromResult(db.Set<ConversationVote>().Count(v => v.ConversationId == conversationId))));
        await page.AssertNoSeriousViolationsAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_open_map_updates_live_when_others_vote_without_a_reload_and_axe_finds_nothing_serious()
    {
        var conversationId = await SeedAsync("Mia Map", participants: 30);
        var context = await PlainHttpAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/conversations/{conversationId}/map");
        await Assertions.Expect(page.Locator("#opinion-map")).ToHaveAttributeAsync("data-live-state", "connected", new() { Timeout = 20_000 });
        var computedAt = await page.Locator("[data-computed-at]").GetAttributeAsync("data-computed-at");
        var counts = await page.Locator(".map-age").TextContentAsync();
        await page.EvaluateAsync("() => { window.__sameDocument = 'still here'; }");
        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                navigations++;
            }
        };

        // Others vote, elsewhere: new people, each with their own cookies, through the plain form (no JavaScript).
        for (var person = 0; person < 4; person++)
        {
            using var other = new FormClient(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) });
            for (var vote = 0; vote < 3; vote++)
            {
                var (action, fields) = await other.ReadFormAsync($"/conversations/{conversationId}", handler: "Vote");
                fields["choice"] = vote % 2 == 0 ? "Agree" : "Disagree";
                Assert.Equal(HttpStatusCode.Redirect, (await other.PostAsync(action, fields)).StatusCode);
            }
        }

        // The map is computed again (at most every MapRefresh, 5 s) and pushed: the open page swaps in the new one.
        await Assertions.Expect(page.Locator("[data-computed-at]")).Not.ToHaveAttributeAsync("data-computed-at", computedAt!, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".map-age")).Not.ToHaveTextAsync(counts!, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".map-age")).ToContainTextAsync("34 participants");
        Assert.Equal(0, navigations);
        Assert.Equal("still here", await page.EvaluateAsync<string?>("() => window.__sameDocument ?? null"));
        await page.AssertNoSeriousViolationsAsync();
        await context.CloseAsync();
    }

    /// <summary>A desktop browser context whose pages' CSP lacks only upgrade-insecure-requests (see the class summary).</summary>
    private async Task<IBrowserContext> PlainHttpAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-GB" });
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.ResourceType != "document")
            {
                await route.ContinueAsync();
                return;
            }
            var response = await route.FetchAsync(new() { MaxRedirects = 0 });
            var headers = response.Headers.ToDictionary(h => h.Key, h => h.Value);
            foreach (var name in headers.Keys.Where(k => k.Equals("content-security-policy", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                headers[name] = headers[name].Replace("; upgrade-insecure-requests", "", StringComparison.Ordinal).Replace("upgrade-insecure-requests", "", StringComparison.Ordinal);
            }
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
        return context;
    }

    /// <summary>A link conversation with 12 statements and, when asked, people in two camps who voted on all of them.</summary>
    private Task<int> SeedAsync(string lead, int participants) => app.WithDbAsync(async db =>
    {
        var user = await app.CreateUserAsync(lead);
        var now = DateTime.UtcNow;
        var city = Organisation.Create($"Municipality of {lead}", OrganisationType.Municipality, SizeBand.Small, "SI", ["sl", "en"], now);
        city.AddMember(user.Id, OrganisationRole.Administrator, now);
        db.Add(city);
        await db.SaveChangesAsync();
        var process = Process.Start(city.Id, new ProcessContent("The river bank", "Nobody agrees what the river bank is for.", "Find common ground.", "en", lead, "", ""), ProcessVisibility.Public, now);
        process.Join(user.Id, ProcessRole.Owner, now);
        db.Add(process);
        await db.SaveChangesAsync();
        await new ProcessLog(db, TimeProvider.System).AppendAsync(process.Id, LogActor.Named(user.DisplayName, "owner"), "process.created", new { title = process.Title });
        var conversation = Conversation.Start(city.Id, process.Id, new ConversationSettings("What should the river bank be for?", "The bank is being renewed.",
            ConversationAccess.Link, true, StatementModeration.Post, 280), now);
        db.Add(conversation);
        await db.SaveChangesAsync();
        var statements = Enumerable.Range(1, 12).Select(i => ConversationStatement.ByTheTeam(conversation, $"Statement {i}: the bank should have {(i % 2 == 0 ? "more" : "fewer")} {Things[i - 1]}.", true, now)).ToList();
        db.AddRange(statements);
        await db.SaveChangesAsync();
        var random = new Random(5);
        var people = Enumerable.Range(0, participants).Select(_ => ConversationParticipant.WithKey(conversation.Id, ParticipantKeys.Hash(conversation.Id, ParticipantKeys.New()), now)).ToList();
        db.AddRange(people);
        await db.SaveChangesAsync();
        var at = now.AddHours(-1);
        foreach (var (participant, index) in people.Select((p, i) => (p, i)))
        {
            foreach (var (statement, s) in statements.Select((s, i) => (s, i)))
            {
                at = at.AddSeconds(1);
                db.Add(ConversationVote.Cast(conversation.Id, participant.Id, statement.Id, random.NextDouble() < (s % 2 == index % 2 ? 0.85 : 0.2) ? ConversationChoice.Agree : ConversationChoice.Disagree, at));
            }
        }
        await db.SaveChangesAsync();
        return conversation.Id;
    });

    private static readonly string[] Things = ["trees", "parking", "benches", "cars", "market stalls", "events", "shade", "noise", "play areas", "lights", "cafés", "buses"];
}
