using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// The Open Space marketplace on 320 px phones: a resident registered for the meeting posts a session onto a free
/// place of the grid; a second phone with the grid open (anonymous, as a screen on the wall would be) shows it without
/// a reload, through the run sheet's live topic. Both pages pass axe and need no sideways scrolling (the grid becomes a
/// list per time slot on a phone). The CSP's upgrade-insecure-requests is dropped for the plain-HTTP test server, as
/// in <see cref="RunSheetLiveBrowserTests"/>.
/// </summary>
public sealed class OpenSpaceGridPhoneTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_session_posted_on_one_phone_appears_on_another_without_a_reload_and_both_pass_axe_at_320_px()
    {
        var lead = await app.CreateUserAsync("Olga Organiser");
        var resident = await app.CreateUserAsync("Rada Resident");
        var meetingId = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var city = Organisation.Create("Town of Izola", OrganisationType.Municipality, SizeBand.Small, "SI", ["en", "sl"], now);
            city.AddMember(lead.Id, OrganisationRole.Administrator, now);
            db.Add(city);
            await db.SaveChangesAsync();
            var process = Process.Start(city.Id, new ProcessContent("The old harbour", "The harbour is empty in winter.", "A harbour alive all year.", "en", "Olga Organiser", "", ""), ProcessVisibility.Public, now);
            process.Join(lead.Id, ProcessRole.Owner, now);
            db.Add(process);
            await db.SaveChangesAsync();
            var start = now.AddDays(2);
            var sheet = RunSheetTemplates.Create(MeetingFormat.OpenSpace, new FormatParameters { Start = new DateTimeOffset(start), Slots = 3, Spaces = 4, Language = "en" });
            var meeting = Meeting.Plan(city.Id, process.Id, new MeetingDetails("Harbour open space", "Bring your topic.", start, sheet.PlannedEnd.UtcDateTime, MeetingKind.InPerson,
                new MeetingPlace("Harbour 1", "Hall", true, false, true, ""), null, 40, true), now, "en");
            db.Add(meeting);
            await db.SaveChangesAsync();
            db.Add(MeetingRunSheet.For(meeting.Id, sheet, now));
            db.Add(MeetingRegistration.For(meeting.Id, resident.Id, MeetingNeeds.None, hasPlace: true, now));
            await db.SaveChangesAsync();
            return meeting.Id;
        });

        var wallContext = await PhoneContextAsync();
        var wall = await wallContext.NewPageAsync();
        await wall.GotoAsync($"/meetings/{meetingId}/grid?culture=en");
        await wall.WaitForFunctionAsync(Accessibility.StylesApplied);
        await Assertions.Expect(wall.Locator("#grid-live")).ToHaveAttributeAsync("data-live-state", "connected", new() { Timeout = 20_000 });
        await CheckAsync(wall);
        await wall.EvaluateAsync("() => { window.__sameDocument = 'still here'; }");

        var phoneContext = await PhoneContextAsync();
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync("/account/sign-in?culture=en");
        await phone.Locator("#Input_Email").FillAsync(resident.Email!);
        await phone.Locator("#Input_Password").FillAsync(Cocreo.Web.Testing.CocreoApp.TestPassword);
        await phone.Locator("#Input_Password").PressAsync("Enter");
        await phone.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await phone.GotoAsync($"/meetings/{meetingId}/grid");
        await phone.WaitForFunctionAsync(Accessibility.StylesApplied);
        await CheckAsync(phone);

        // "Post here" on the second slot's first space fills in the form's place.
        await phone.Locator("#grid-live tbody tr").Nth(1).Locator("a.os-post-here").First.ClickAsync();
        await phone.Locator("#Input_Title").FillAsync("Winter market on the pier");
        await phone.Locator("#post button[type=submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("#grid-live")).ToContainTextAsync("Winter market on the pier");
        await Assertions.Expect(phone.Locator("#grid-live")).ToContainTextAsync("Rada Resident");
        await CheckAsync(phone);

        // The wall follows, in the same document.
        await Assertions.Expect(wall.Locator("#grid-live .os-session")).ToHaveTextAsync("Winter market on the pier", new() { Timeout = 15_000 });
        Assert.Equal("still here", await wall.EvaluateAsync<string?>("() => window.__sameDocument ?? null"));
        await CheckAsync(wall);

        // The session's page, where the convener writes the report, also fits the phone.
        await phone.Locator("#grid-live a.os-session").ClickAsync();
        await phone.Locator("#Input_Report").FillAsync("We will ask the port for **two** stalls.");
        await phone.Locator("main form[method='post'] button[type=submit]").First.ClickAsync();
        await Assertions.Expect(phone.Locator(".os-report strong")).ToHaveTextAsync("two");
        await CheckAsync(phone);

        await wallContext.CloseAsync();
        await phoneContext.CloseAsync();
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
