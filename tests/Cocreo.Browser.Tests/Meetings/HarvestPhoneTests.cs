using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.Harvest;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests.Meetings;

/// <summary>
/// The live harvest on 320 px phones: a table host posts an item, a facilitator publishes it with one click, and the
/// public harvest page open on a third phone shows it without a reload (through the live hub); axe finds nothing
/// serious and no page scrolls sideways. The test server is plain HTTP, so each page's CSP loses only its
/// upgrade-insecure-requests directive (as in <see cref="ConversationLiveBrowserTests"/>).
/// </summary>
public sealed class HarvestPhoneTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_harvester_posts_a_facilitator_publishes_and_the_public_page_shows_it_without_a_reload()
    {
        var lead = await app.CreateUserAsync("Hana Host Lead");
        var host = await app.CreateUserAsync("Tim Table Host");
        var meetingId = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var city = Organisation.Create("Town of Harvest", OrganisationType.Municipality, SizeBand.Small, "SI", ["en", "sl"], now);
            city.AddMember(lead.Id, OrganisationRole.Administrator, now);
            db.Add(city);
            await db.SaveChangesAsync();
            var process = Process.Start(city.Id, new ProcessContent("The river park", "Nobody uses the park.", "Ideas for the park.", "en", "Hana Host Lead", "", ""), ProcessVisibility.Public, now);
            process.Join(lead.Id, ProcessRole.Owner, now);
            db.Add(process);
            await db.SaveChangesAsync();
            var start = now.Date.AddDays(2).AddHours(17);
            var meeting = Meeting.Plan(city.Id, process.Id, new MeetingDetails("World Café on the river park", "Four rounds.", start, start.AddHours(2), MeetingKind.InPerson,
                new MeetingPlace("Park road 1", "", true, false, true, ""), null, 40, true), now, "en");
            db.Add(meeting);
            await db.SaveChangesAsync();
            db.Add(MeetingRegistration.For(meeting.Id, host.Id, MeetingNeeds.None, hasPlace: true, now));
            db.Add(MeetingHarvester.Name(meeting.Id, host.Id, now));
            await db.SaveChangesAsync();
            return meeting.Id;
        });

        // Someone follows the harvest on a phone, not signed in.
        var (viewerContext, viewer) = await PhoneAsync(null);
        await viewer.GotoAsync($"/meetings/{meetingId}/harvest");
        await Assertions.Expect(viewer.Locator("#harvest-live")).ToHaveAttributeAsync("data-live-state", "connected", new() { Timeout = 20_000 });
        await CheckAsync(viewer);
        await viewer.EvaluateAsync("() => { window.__sameDocument = 'still here'; }");

        // The table host posts an idea from the phone.
        var (hostContext, hostPage) = await PhoneAsync(host.Email!);
        await hostPage.GotoAsync($"/meetings/{meetingId}/harvest");
        await CheckAsync(hostPage);
        await hostPage.GetByLabel("Idea", new() { Exact = true }).CheckAsync();
        await hostPage.Locator("#Input_Label").FillAsync("Table 3 · Round 2");
        await hostPage.Locator("#Input_Text").FillAsync("Swings for older children by the river.");
        await hostPage.Locator("#post button[type=submit]").ClickAsync();
        await Assertions.Expect(hostPage.Locator("main")).ToContainTextAsync("a facilitator publishes it shortly");
        Assert.Equal("Table 3 · Round 2", await hostPage.Locator("#Input_Label").InputValueAsync());
        await CheckAsync(hostPage);
        Assert.Equal(0, await viewer.Locator(".harvest-item").CountAsync());

        // The facilitator publishes it with one click.
        var (leadContext, leadPage) = await PhoneAsync(lead.Email!);
        await leadPage.GotoAsync($"/meetings/{meetingId}/harvest/moderate");
        await CheckAsync(leadPage);
        await leadPage.Locator("main li.harvest-item button[formaction*='handler=Publish']").ClickAsync();
        await Assertions.Expect(leadPage.Locator("main")).ToContainTextAsync("1 item published.");
        await CheckAsync(leadPage);

        // The public page shows it, live, in the same document.
        await Assertions.Expect(viewer.Locator("#harvest-live .harvest-item", new() { HasText = "Swings for older children" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal("still here", await viewer.EvaluateAsync<string?>("() => window.__sameDocument ?? null"));
        await CheckAsync(viewer);
        Assert.Equal(HarvestStatus.Published, await app.WithDbAsync(db => db.Set<HarvestItem>().Where(i => i.MeetingId == meetingId).Select(i => i.Status).SingleAsync()));

        await viewerContext.CloseAsync();
        await hostContext.CloseAsync();
        await leadContext.CloseAsync();
    }

    private static async Task CheckAsync(IPage page)
    {
        await page.WaitForFunctionAsync(Accessibility.StylesApplied);
        await page.AssertNoSeriousViolationsAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "sideways scrolling on " + page.Url);
    }

    /// <summary>A 320 px phone, signed in when <paramref name="email"/> is given; pages' CSP without upgrade-insecure-requests.</summary>
    private async Task<(IBrowserContext Context, IPage Page)> PhoneAsync(string? email)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 320, Height = 640 },
            IsMobile = true,
            HasTouch = true,
        });
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
        var page = await context.NewPageAsync();
        if (email is not null)
        {
            await page.GotoAsync("/account/sign-in?culture=en");
            await page.Locator("#Input_Email").FillAsync(email);
            await page.Locator("#Input_Password").FillAsync(Cocreo.Web.Testing.CocreoApp.TestPassword);
            await page.Locator("#Input_Password").PressAsync("Enter");
            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        }
        return (context, page);
    }
}
