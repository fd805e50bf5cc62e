using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests.Meetings;

/// <summary>
/// Issue 18's "axe clean on every page including the projector view": every page of the demo city's meetings that a
/// link leads to from the meetings' own pages (details, registration, run sheet and its blocks and roles, the live
/// and projector views, the Open Space grid and its sessions, table plan, cards, attendance, attributes, harvest and
/// its moderation, report and its editor), as a visitor and as a platform administrator who sees the team's pages,
/// on a 390 px phone (a visitor in English, the team in Slovenian): no serious or critical axe violation on any of them.
/// </summary>
public sealed class MeetingPagesAxeTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    private const int MostPages = 250;

    [Fact]
    public async Task Every_meeting_page_of_the_demo_city_passes_axe_for_a_visitor_and_the_team_in_both_languages()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        var meetings = await app.WithDbAsync(db => db.Set<Meeting>().Select(m => m.Id).ToListAsync());
        Assert.NotEmpty(meetings);
        var problems = new List<string>();
        var visited = new HashSet<string>();
        // A visitor in English and the team (who sees every page a visitor sees, and theirs) in Slovenian: both languages
        // on every page, in two passes rather than four (the browser suite's time).
        foreach (var (admin, culture) in new[] { (false, "en"), (true, "sl") })
        {
            var page = await PageAsync(admin);
            await page.GotoAsync($"/culture/{culture}?returnUrl=/meetings");
            var queue = new Queue<string>(meetings.Select(id => $"/meetings/{id}").Prepend("/meetings"));
            var seen = new HashSet<string>(queue);
            while (queue.Count > 0 && seen.Count <= MostPages)
            {
                var url = queue.Dequeue();
                var response = await page.GotoAsync(url);
                if (response is null || !response.Ok || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
                {
                    continue;
                }
                visited.Add(url);
                try
                {
                    await page.AssertNoSeriousViolationsAsync();
                }
                catch (Exception violation) when (violation is Xunit.Sdk.XunitException)
                {
                    problems.Add($"{(admin ? "team" : "visitor")} {culture} {url}: {violation.Message}");
                }
                foreach (var link in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]:not([download])')].map(a => a.getAttribute('href'))"))
                {
                    if (MeetingPage(link) is { } next && seen.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
            await page.Context.CloseAsync();
        }
        foreach (var kind in new[] { "/now", "/grid", "/harvest", "/run-sheet", "/table-plan", "/report" })
        {
            Assert.True(visited.Any(u => u.Contains(kind, StringComparison.Ordinal)), $"no {kind} page was reached: " + string.Join(", ", visited.Order()));
        }
        Assert.True(problems.Count == 0, $"{problems.Count} meeting pages have serious axe violations:\n" + string.Join("\n", problems));
    }

    /// <summary>A page of the meetings (not a file, export, calendar or the API), without its fragment; null otherwise.</summary>
    private static string? MeetingPage(string? href)
    {
        if (href is null || !href.StartsWith("/meetings", StringComparison.Ordinal))
        {
            return null;
        }
        var url = href.Split('#')[0];
        string[] notPages = [".ics", ".md", ".html", "/export", "/photos/", "/download", "handler=Qr", "/culture/"];
        return notPages.Any(n => url.Contains(n, StringComparison.Ordinal)) ? null : url;
    }

    private async Task<IPage> PageAsync(bool admin)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        if (admin)
        {
            var user = await AdminAsync();
            await page.GotoAsync("/account/sign-in?culture=en");
            await page.GetByLabel("Email address").FillAsync(user.Email!);
            await page.GetByLabel("Password").FillAsync(CocreoApp.TestPassword);
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.GetByLabel("Code from your authenticator app").FillAsync(await app.AuthenticatorCodeAsync(user));
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.Locator("form[action='/account/sign-out']")).ToBeAttachedAsync();
        }
        return page;
    }

    private Web.Features.Accounts.CocreoUser? admin;

    private async Task<Web.Features.Accounts.CocreoUser> AdminAsync() => admin ??= await app.CreateUserAsync("Axe Admin", platformAdmin: true);
}
