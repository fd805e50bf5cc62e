using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.ParticipatoryTexts;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// A participatory text on the narrowest phone (320 px). The process's lead imports a Markdown draft and publishes it
/// as version 1; a resident opens a section, comments on it and proposes an amendment; the lead accepts the amendment
/// and publishes version 2 with a note; the resident reads version 2 and the comparison of the two versions, where the
/// amended words are marked as added and removed. Every page visited passes axe (no serious or critical violation)
/// and needs no sideways scrolling.
/// </summary>
public sealed class ParticipatoryTextPhoneTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_draft_is_published_amended_by_a_resident_and_published_again_on_a_320_px_phone()
    {
        var lead = await app.CreateUserAsync("Lena Lead");
        var resident = await app.CreateUserAsync("Rok Resident");
        var processId = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var city = Organisation.Create("Town of Kras", OrganisationType.Municipality, SizeBand.Small, "SI", ["en", "sl"], now);
            city.AddMember(lead.Id, OrganisationRole.Administrator, now);
            db.Add(city);
            await db.SaveChangesAsync();
            var process = Process.Start(city.Id, new ProcessContent("A mobility charter", "Streets are built for cars.", "A charter people wrote together.", "en", "Lena Lead", "", ""), ProcessVisibility.Public, now);
            process.Join(lead.Id, ProcessRole.Owner, now);
            db.Add(process);
            await db.SaveChangesAsync();
            return process.Id;
        });

        async Task<(IBrowserContext Context, IPage Page)> PhoneAsync(string email)
        {
            var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.BaseUrl,
                Locale = "en-GB",
                ViewportSize = new ViewportSize { Width = 320, Height = 640 },
                IsMobile = true,
                HasTouch = true,
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/sign-in?culture=en");
            await page.Locator("#Input_Email").FillAsync(email);
            await page.Locator("#Input_Password").FillAsync(Cocreo.Web.Testing.CocreoApp.TestPassword);
            await page.Locator("#Input_Password").PressAsync("Enter");
            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
            return (context, page);
        }
        static async Task CheckAsync(IPage page)
        {
            await page.AssertNoSeriousViolationsAsync();
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "sideways scrolling on " + page.Url);
        }

        // The lead imports the draft and publishes it as version 1.
        var (leadContext, leadPage) = await PhoneAsync(lead.Email!);
        await leadPage.GotoAsync($"/processes/{processId}/texts/new");
        await CheckAsync(leadPage);
        await leadPage.Locator("#Input_Title").FillAsync("Mobility charter");
        await leadPage.Locator("#Input_Markdown").FillAsync("# Walking\n\nEvery street has a pavement at least two metres wide.\n\n# Cycling\n\nCycle lanes are separated from cars.\n");
        await leadPage.Locator("main form[method='post'] button[type=submit]").ClickAsync();
        await leadPage.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/texts/\\d+"));
        var textLink = new Uri(leadPage.Url).AbsolutePath;
        await CheckAsync(leadPage);
        await leadPage.Locator("main form[action*='handler=Publish'] button[type=submit]").ClickAsync();
        // Published, the version's page lists what it holds.
        await Assertions.Expect(leadPage.Locator("main h1")).ToHaveTextAsync("Version 1");
        await Assertions.Expect(leadPage.Locator("main h3", new() { HasText = "Walking" }).First).ToBeVisibleAsync();
        await CheckAsync(leadPage);
        var textId = await app.WithDbAsync(db => db.Set<ParticipatoryText>().Where(t => t.ProcessId == processId).Select(t => t.Id).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ParticipatoryText>().Where(t => t.Id == textId).Select(t => t.PublishedVersion).SingleAsync()));

        // The resident opens the first section, comments on it and proposes an amendment.
        var (residentContext, page) = await PhoneAsync(resident.Email!);
        await page.GotoAsync(textLink);
        await CheckAsync(page);
        await page.Locator("main .text-section a[href*='/sections/']").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/sections/", StringComparison.Ordinal));
        var section = new Uri(page.Url).AbsolutePath;
        await CheckAsync(page);
        await page.Locator("#Comment").FillAsync("Two metres is not enough next to schools.");
        await page.Locator("main form.debate-new button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main .comment", new() { HasText = "next to schools" })).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.Locator("main .amendments a.button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/amendments/new/", StringComparison.Ordinal));
        await CheckAsync(page);
        await page.Locator("#Input_Body").FillAsync("Every street has a pavement at least three metres wide near schools.");
        await page.Locator("#Input_Explanation").FillAsync("Children walk in groups.");
        await page.Locator("main form[method='post'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/amendments/\\d+"));
        await Assertions.Expect(page.Locator("main ins").First).ToBeVisibleAsync();
        await CheckAsync(page);
        var amendment = new Uri(page.Url).AbsolutePath;

        // The lead accepts it and publishes version 2 with a note.
        await leadPage.GotoAsync(amendment);
        await CheckAsync(leadPage);
        await leadPage.Locator("main form[action*='handler=Accept'] button[type=submit]").ClickAsync();
        await leadPage.GotoAsync(textLink);
        await leadPage.Locator("#Input_Note").FillAsync("Wider pavements near schools, from the residents' amendment.");
        await leadPage.Locator("main form[action*='handler=Publish'] button[type=submit]").ClickAsync();
        await Assertions.Expect(leadPage.Locator("main h1")).ToHaveTextAsync("Version 2");
        await Assertions.Expect(leadPage.Locator("main")).ToContainTextAsync("Children walk in groups.");
        await CheckAsync(leadPage);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<ParticipatoryText>().Where(t => t.Id == textId).Select(t => t.PublishedVersion).SingleAsync()));

        // The resident reads version 2 and what changed since version 1.
        await page.GotoAsync($"{textLink}/versions/2");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("near schools");
        await CheckAsync(page);
        await page.GotoAsync($"{textLink}/compare?from=1&to=2");
        await Assertions.Expect(page.Locator("main ins", new() { HasText = "three" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main del", new() { HasText = "two" }).First).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GotoAsync(section);
        await CheckAsync(page);
        await leadContext.CloseAsync();
        await residentContext.CloseAsync();
    }
}
