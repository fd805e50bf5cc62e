using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// A run sheet live in real browsers on 320 px phones: the projector view is open (anonymous, as a projector is) in
/// one browser, the lead facilitator's phone view in another. The lead starts the first block; the projector shows it
/// with its countdown without a reload (through the live hub), and the countdown ticks in the browser. axe finds
/// nothing serious on either view and neither needs sideways scrolling. The CSP's upgrade-insecure-requests is dropped
/// for the plain-HTTP test server, as in <see cref="ConversationLiveBrowserTests"/>.
/// </summary>
public sealed class RunSheetLiveBrowserTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task The_leads_start_on_the_phone_reaches_the_projector_without_a_reload_and_both_views_pass_axe_at_320_px()
    {
        var lead = await app.CreateUserAsync("Lara Lead");
        var (meetingId, sheet) = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var city = Organisation.Create("Town of Piran", OrganisationType.Municipality, SizeBand.Small, "SI", ["en", "sl"], now);
            city.AddMember(lead.Id, OrganisationRole.Administrator, now);
            db.Add(city);
            await db.SaveChangesAsync();
            var process = Process.Start(city.Id, new ProcessContent("The harbour front", "Too many cars on the harbour front.", "A harbour for people.", "en", "Lara Lead", "", ""), ProcessVisibility.Public, now);
            process.Join(lead.Id, ProcessRole.Owner, now);
            db.Add(process);
            await db.SaveChangesAsync();
            var start = now.AddMinutes(10);
            var meeting = Meeting.Plan(city.Id, process.Id, new MeetingDetails("Harbour café", "A World Café on the harbour front.", start, start.AddHours(2), MeetingKind.InPerson,
                new MeetingPlace("Harbour 1", "Hall", true, false, true, ""), null, 40, true), now, "en");
            db.Add(meeting);
            await db.SaveChangesAsync();
            var sheet = RunSheetTemplates.Create(MeetingFormat.WorldCafe, new FormatParameters
            {
                Start = new DateTimeOffset(start),
                TotalMinutes = 120,
                RoundQuestions = ["What would make the harbour front a place to stay?"],
            });
            db.Add(MeetingRunSheet.For(meeting.Id, sheet, now));
            await db.SaveChangesAsync();
            return (meeting.Id, sheet);
        });

        var projectorContext = await PhoneContextAsync();
        var projector = await projectorContext.NewPageAsync();
        await projector.GotoAsync($"/meetings/{meetingId}/now?culture=en");
        await projector.WaitForFunctionAsync(Accessibility.StylesApplied);
        await Assertions.Expect(projector.Locator("#runsheet-now")).ToHaveAttributeAsync("data-live-state", "connected", new() { Timeout = 20_000 });
        await Assertions.Expect(projector.Locator(".now-phase")).ToBeVisibleAsync();
        await CheckAsync(projector);
        await projector.EvaluateAsync("() => { window.__sameDocument = 'still here'; }");

        var leadContext = await PhoneContextAsync();
        var phone = await leadContext.NewPageAsync();
        await phone.GotoAsync("/account/sign-in?culture=en");
        await phone.Locator("#Input_Email").FillAsync(lead.Email!);
        await phone.Locator("#Input_Password").FillAsync(Cocreo.Web.Testing.CocreoApp.TestPassword);
        await phone.Locator("#Input_Password").PressAsync("Enter");
        await phone.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await phone.GotoAsync($"/meetings/{meetingId}/run-sheet/live");
        await phone.WaitForFunctionAsync(Accessibility.StylesApplied);
        await CheckAsync(phone);

        await phone.GetByRole(AriaRole.Button, new() { Name = $"Start: {sheet.Blocks[0].Title}" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".now-current")).ToContainTextAsync(sheet.Blocks[0].Title);
        await CheckAsync(phone);

        // The projector follows, in the same document.
        await Assertions.Expect(projector.Locator(".now-current .now-title")).ToHaveTextAsync(sheet.Blocks[0].Title, new() { Timeout = 15_000 });
        Assert.Equal("still here", await projector.EvaluateAsync<string?>("() => window.__sameDocument ?? null"));
        var first = await projector.Locator(".countdown-value").TextContentAsync();
        await Assertions.Expect(projector.Locator(".countdown-value")).Not.ToHaveTextAsync(first!, new() { Timeout = 5_000 });
        await CheckAsync(projector);

        await projectorContext.CloseAsync();
        await leadContext.CloseAsync();
    }

    private static async Task CheckAsync(IPage page)
    {
        await page.AssertNoSeriousViolationsAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "sideways scrolling on " + page.Url);
    }

    /// <summary>A 320 px phone context whose pages' CSP lacks only upgrade-insecure-requests.</summary>
    private async Task<IBrowserContext> PhoneContextAsync()
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
        return context;
    }
}
