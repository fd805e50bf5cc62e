using Cocreo.Web.Testing;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>The app served by Kestrel on a free port of 127.0.0.1, for a real browser.</summary>
public sealed class ServedApp : SqliteApp
{
    private readonly int port = FreePort();

    public ServedApp()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, port));
    }

    // Links in e-mails (confirmation, reset) point at the address the browser uses.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Platform:PublicUrl"] = $"http://127.0.0.1:{port}" };

    public string BaseUrl
    {
        get
        {
            StartServer();
            return $"http://127.0.0.1:{port}";
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Debian's Chromium driven by Playwright (it cannot download its own browser here), one per test class.
/// The flags keep a headless Chromium from calling home on this machine's closed network.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            // ./test.sh installs it; without it the browser suites cannot run and must not pass silently.
            throw new InvalidOperationException($"Chromium is missing at {ExecutablePath}: install Debian's chromium package (./test.sh does).");
        }
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
    }
}

public static class Accessibility
{
    /// <summary>True once the document is parsed and each of its stylesheets is loaded and applied.</summary>
    public const string StylesApplied = "() => document.readyState !== 'loading' && [...document.querySelectorAll('link[rel=stylesheet]')].every(link => link.sheet !== null)";

    /// <summary>Runs axe (WCAG 2.0–2.2 A and AA rules) on the page and fails on any serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page)
    {
        // After a click that navigates, the new page may still be loading its stylesheet; judged unstyled, its links
        // would fail the target-size rule (seen once in CI). Wait for what axe needs, the document parsed and every
        // stylesheet applied, rather than for the load event (which waits for everything, and timed out on a busy machine).
        await page.WaitForFunctionAsync(StylesApplied);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"- [{v.Impact}] {v.Id}: {v.Help} at {string.Join("; ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html))}")));
    }
}

/// <summary>Keyboard use of a page.</summary>
public static class KeyboardReach
{
    /// <summary>Presses Tab until the element has the focus (it is reachable from the keyboard), failing after <paramref name="most"/> presses.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int most = 120)
    {
        for (var i = 0; i < most; i++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Not reached with {most} presses of Tab on {page.Url}: {await target.EvaluateAsync<string>("el => el.outerHTML.slice(0, 200)")}");
    }
}
