using Cocreo.Web.Features.Demo;
using Cocreo.Web.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// Every page of the demo city on phones (issue 15 item 10): the test follows every link it can reach from the home
/// page, as a visitor and as a platform administrator (who sees the teams' pages too), and on each page checks at
/// 390 px (with a screenshot kept under TestResults/phone) and at 320 px that nothing needs sideways scrolling.
/// A page that does names the element that sticks out.
/// </summary>
public sealed class PhoneLayoutTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    private const int MostPages = 400;

    /// <summary>Links that are not pages to look at: files, the API, signing out, switching language.</summary>
    private static readonly string[] NotPages = ["/api/", "/openapi", "/account/sign-out", "/culture/", ".csv", ".pb", ".json", ".ics", ".png", ".jpg", ".webp", ".svg", "/images/", "/thumbnail", "/download", "/export", "handler=Qr"];

    private const string Overflow = """
        () => {
          const width = window.innerWidth;
          if (document.documentElement.scrollWidth <= width + 1) return null;
          const culprits = [...document.querySelectorAll('body *')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.right > width + 1 && r.width > 0 && !e.closest('.table-scroll, [data-scrolls]'); })
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)');
          return document.documentElement.scrollWidth + ' px wide: ' + culprits.slice(-3).join(', ');
        }
        """;

    [Fact]
    public async Task No_page_of_the_demo_city_scrolls_sideways_on_a_phone()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "phone");
        Directory.CreateDirectory(folder);
        var problems = new List<string>();
        var visited = 0;
        foreach (var admin in new[] { false, true })
        {
            var phone = await PageAsync(admin, 390);
            var narrow = await PageAsync(admin, 320);
            var queue = new Queue<string>(["/", "/processes", "/account", "/organisations"]);
            var seen = new HashSet<string>(queue);
            while (queue.Count > 0 && seen.Count <= MostPages)
            {
                var url = queue.Dequeue();
                IResponse? response;
                try
                {
                    response = await phone.GotoAsync(url);
                }
                catch (PlaywrightException download) when (download.Message.StartsWith("Download is starting", StringComparison.Ordinal))
                {
                    continue;
                }
                if (response is null || !response.Ok || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
                {
                    continue;
                }
                await phone.WaitForFunctionAsync(Accessibility.StylesApplied);
                visited++;
                if (await phone.EvaluateAsync<string?>(Overflow) is { } wide)
                {
                    problems.Add($"390 px {(admin ? "admin" : "visitor")} {url}: {wide}");
                }
                var shot = new PageScreenshotOptions { Path = Path.Combine(folder, $"{(admin ? "admin" : "visitor")}{FileName(url)}.png") };
                try
                {
                    await phone.ScreenshotAsync(shot);
                }
                catch (PlaywrightException)
                {
                    // Chromium answered "Unable to capture screenshot" once (a clean-clone run on 2026-12-07; the same
                    // test passed on the next run): one more try after a moment; a second failure names the page.
                    await Task.Delay(500);
                    try
                    {
                        await phone.ScreenshotAsync(shot);
                    }
                    catch (PlaywrightException failed)
                    {
                        throw new InvalidOperationException($"No screenshot of {url} ({(admin ? "admin" : "visitor")}, 390 px).", failed);
                    }
                }
                await narrow.GotoAsync(url);
                await narrow.WaitForFunctionAsync(Accessibility.StylesApplied);
                if (await narrow.EvaluateAsync<string?>(Overflow) is { } tooWide)
                {
                    problems.Add($"320 px {(admin ? "admin" : "visitor")} {url}: {tooWide}");
                }
                foreach (var link in await phone.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]:not([download])')].map(a => a.getAttribute('href'))"))
                {
                    if (Page(link) is { } next && seen.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
            await phone.Context.CloseAsync();
            await narrow.Context.CloseAsync();
        }
        Assert.True(visited > 60, $"only {visited} pages were reached");
        Assert.True(problems.Count == 0, $"{problems.Count} of {visited} pages scroll sideways:\n" + string.Join("\n", problems));
    }

    /// <summary>The local page a link leads to (without its fragment), or null when it is not a page of this site to look at.</summary>
    private static string? Page(string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || NotPages.Any(p => href.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var path = href.Split('#')[0];
        // Pages that differ only by their return address are one page.
        return path.Contains("returnUrl=", StringComparison.Ordinal) ? path.Split('?')[0] : path;
    }

    private static string FileName(string url) =>
        string.Concat(url.Select(c => char.IsLetterOrDigit(c) ? c : '_'))[..Math.Min(120, url.Length)];

    private async Task<IPage> PageAsync(bool admin, int width)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = width, Height = 844 },
        });
        var page = await context.NewPageAsync();
        if (admin)
        {
            var user = await AdminAsync();
            await page.GotoAsync("/account/sign-in");
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

    private async Task<Web.Features.Accounts.CocreoUser> AdminAsync() => admin ??= await app.CreateUserAsync("Phone Admin", platformAdmin: true);
}
