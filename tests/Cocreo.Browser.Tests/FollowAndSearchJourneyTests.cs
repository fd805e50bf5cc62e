using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// The search and notification journeys of issue 15 in Chromium, on the demo city: a resident finds a process with
/// the header's search box (in Slovenian word forms too), narrows the results with a filter, follows the process; its
/// facilitator publishes an announcement; the resident sees the unread count, reads the notification, marks it read
/// and chooses a weekly digest. Every page visited passes axe, on a desktop and on a phone.
/// </summary>
public sealed class FollowAndSearchJourneyTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    private async Task<IPage> SignedInPageAsync(Web.Features.Accounts.CocreoUser user, int width)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = width, Height = 844 },
        });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(user.Email!);
        await page.GetByLabel("Password").FillAsync(CocreoApp.TestPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("form[action='/account/sign-out']")).ToBeAttachedAsync();
        return page;
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_resident_finds_a_process_follows_it_and_reads_what_its_team_announces(int width)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        var resident = await app.CreateUserAsync($"Resident {width}");
        var facilitator = await app.CreateUserAsync($"Facilitator {width}");
        var processId = await app.WithDbAsync(async db =>
        {
            var process = await db.Set<Process>().Include(p => p.Members).SingleAsync(p => p.Title == "A safer way to school");
            process.Join(facilitator.Id, ProcessRole.Facilitator, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return process.Id;
        });

        var page = await SignedInPageAsync(resident, width);
        if (width < 600)
        {
            // On a phone the search box is in the folded menu.
            await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        }
        await page.GetByRole(AriaRole.Search).First.GetByLabel("Search").FillAsync("safer schools");
        await page.GetByRole(AriaRole.Search).First.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("result");
        var result = page.Locator(".search-result").Filter(new() { HasText = "A safer way to school" }).First;
        await Assertions.Expect(result).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Narrowed to processes only, the process is still found; narrowed to an organisation that does not exist, nothing is.
        await page.GetByLabel("Type").SelectOptionAsync("Process");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator(".search-result .badge").First).ToHaveTextAsync("Process");
        await Assertions.Expect(page.Locator(".search-result").Filter(new() { HasText = "A safer way to school" }).First).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Operators, quotes and other scripts are words like any other, never an error.
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("\"school\" OR -bench* (trees ключ"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Search", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GotoAsync($"/processes/{processId}");
        var follow = page.Locator(".follow-form button").First;
        await Assertions.Expect(follow).ToHaveTextAsync("Follow");
        await follow.ClickAsync();
        await Assertions.Expect(page.Locator(".follow-form button").First).ToHaveAttributeAsync("aria-pressed", "true");
        await page.AssertNoSeriousViolationsAsync();

        var team = await SignedInPageAsync(facilitator, width);
        await team.GotoAsync($"/processes/{processId}/announcements/new");
        await team.AssertNoSeriousViolationsAsync();
        var title = $"Walk to school together on Friday ({width})";
        await team.GetByLabel("Title").FillAsync(title);
        await team.GetByLabel("Announcement").FillAsync("Meet at the library at **7:30**.");
        await team.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(team.GetByText(title).First).ToBeVisibleAsync();
        await team.Context.CloseAsync();

        // The fan-out runs in the background every few seconds; the test runs it once instead of waiting.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationFanOut>().RunAsync(CancellationToken.None);
        }

        await page.GotoAsync("/");
        if (width < 600)
        {
            // The folded menu's button tells a phone user that something is unread.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToContainTextAsync("(1)");
            await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        }
        var unread = page.GetByRole(AriaRole.Link, new() { Name = "Notifications" });
        await Assertions.Expect(unread.Locator(".badge")).ToHaveAttributeAsync("data-unread", "1");
        await Assertions.Expect(unread).ToContainTextAsync("1 unread notification");
        await unread.ClickAsync();
        await Assertions.Expect(page.GetByText("1 new notification")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.unread").Filter(new() { HasText = title })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Nothing unread.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.unread")).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();

        await page.GotoAsync("/account");
        await page.GetByLabel("A weekly digest").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the choice" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GotoAsync("/account");
        await Assertions.Expect(page.GetByLabel("A weekly digest")).ToBeCheckedAsync();
        Assert.Equal(EmailFrequency.Weekly, await app.WithDbAsync(db => db.Set<NotificationPreference>().Where(p => p.UserId == resident.Id).Select(p => p.Email).SingleAsync()));
        await page.Context.CloseAsync();
    }
}
