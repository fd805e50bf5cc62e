using Cocreo.Web.Features.Amendments;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// Issue 17's phone journey with two people on two phones, the narrowest (320 px) and a large one (414 px). A resident
/// drafts a proposal on the 320 px phone, with its place on the map typed in. A neighbour, on the 414 px phone,
/// comments on it and proposes an amendment; the resident replies to the comment, accepts the amendment as its author
/// and reads the new version; the comparison of version 1 and version 2 marks the amended words as added and removed;
/// the neighbour reads the new text and their amendment's page says it was accepted. Every page visited passes axe
/// (no serious or critical violation) and needs no sideways scrolling.
/// </summary>
public sealed class AmendmentPhoneTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_resident_drafts_a_proposal_replies_to_a_comment_and_accepts_a_neighbours_amendment_on_phones()
    {
        var lead = await app.CreateUserAsync("Lena Lead");
        var resident = await app.CreateUserAsync("Rok Resident");
        var neighbour = await app.CreateUserAsync("Nina Neighbour");
        var processId = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var city = Organisation.Create("Town of Vipava", OrganisationType.Municipality, SizeBand.Small, "SI", ["en", "sl"], now);
            city.AddMember(lead.Id, OrganisationRole.Administrator, now);
            db.Add(city);
            await db.SaveChangesAsync();
            var process = Process.Start(city.Id, new ProcessContent("Shade in the square", "The square is too hot in summer.", "Trees and benches people want.", "en", "Lena Lead", "", ""), ProcessVisibility.Public, now);
            process.Join(lead.Id, ProcessRole.Owner, now);
            db.Add(process);
            await db.SaveChangesAsync();
            var settings = ProposalSettings.TurnOn(process.Id);
            settings.Change(true, true, 0, "Trees\nBenches");
            db.Add(settings);
            await db.SaveChangesAsync();
            return process.Id;
        });

        async Task<(IBrowserContext Context, IPage Page)> PhoneAsync(string email, int width, int height, Geolocation? at = null)
        {
            var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.BaseUrl,
                Locale = "en-GB",
                ViewportSize = new ViewportSize { Width = width, Height = height },
                IsMobile = true,
                HasTouch = true,
                Geolocation = at,
                Permissions = at is null ? null : new[] { "geolocation" },
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

        // The resident drafts the proposal on the 320 px phone, with where it would be, in words and on the map: standing
        // on the square, they press "Use my location" (the phone says where they are).
        var (residentContext, mine) = await PhoneAsync(resident.Email!, 320, 640, new Geolocation { Latitude = 45.842701f, Longitude = 13.962299f, Accuracy = 10 });
        await mine.GotoAsync($"/processes/{processId}/proposals/new");
        await CheckAsync(mine);
        await mine.Locator("#Input_Title").FillAsync("Plane trees on the south side");
        await mine.Locator("#Input_Body").FillAsync("Plant four plane trees along the south side of the square, with benches under them.");
        await mine.Locator("#Input_Location").FillAsync("Main square, south side");
        await mine.TabToAsync(mine.Locator("#use-my-location"));
        await mine.Keyboard.PressAsync("Enter");
        await Assertions.Expect(mine.Locator("#use-my-location-status")).ToHaveTextAsync("Your location is filled in. Check it, or change it.");
        await Assertions.Expect(mine.Locator("#Input_Latitude")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^45\\.8427\\d$"));
        await Assertions.Expect(mine.Locator("#Input_Longitude")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^13\\.9623\\d$"));
        await CheckAsync(mine);
        await mine.Locator("#Input_Category").SelectOptionAsync("Trees");
        await mine.Locator("main form[method='post'] button[type=submit]:not([formmethod])").ClickAsync();
        await mine.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, $"/processes/{processId}/proposals/\\d+$"));
        await Assertions.Expect(mine.Locator("main h1")).ToHaveTextAsync("Plane trees on the south side");
        await Assertions.Expect(mine.Locator("main a[href^='https://www.openstreetmap.org/?mlat=45.8427&mlon=13.9623']")).ToBeVisibleAsync();
        await CheckAsync(mine);
        var proposalLink = new Uri(mine.Url).AbsolutePath;
        var proposalId = int.Parse(proposalLink[(proposalLink.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        // The neighbour, on the 414 px phone, comments on it and proposes an amendment.
        var (neighbourContext, theirs) = await PhoneAsync(neighbour.Email!, 414, 896);
        await theirs.GotoAsync(proposalLink);
        await CheckAsync(theirs);
        await theirs.Locator("#Comment").FillAsync("Plane trees drop a lot of bark: would limes do?");
        await theirs.Locator("#alignment-new-Neutral").CheckAsync();
        await theirs.Locator("form.debate-new button[type=submit]").ClickAsync();
        await theirs.WaitForURLAsync(url => url.Contains("#comment-", StringComparison.Ordinal));
        var commentId = await app.WithDbAsync(db => db.Set<Comment>().Where(c => c.TargetKind == ProcessProposalDebateTargets.DebateKind && c.TargetId == proposalId && c.ParentId == null).Select(c => c.Id).SingleAsync());
        await Assertions.Expect(theirs.Locator($"#comment-{commentId}")).ToContainTextAsync("would limes do?");
        await CheckAsync(theirs);
        await theirs.Locator("main .amendments a.button").ClickAsync();
        await theirs.WaitForURLAsync(url => url.Contains("/amendments/new/", StringComparison.Ordinal));
        await CheckAsync(theirs);
        await theirs.Locator("#Input_Title").FillAsync("Lime trees on the south side");
        await theirs.Locator("#Input_Body").FillAsync("Plant four lime trees along the south side of the square, with benches and a drinking fountain under them.");
        await theirs.Locator("#Input_Explanation").FillAsync("Limes give thick shade and smell good in June; a fountain helps in the heat.");
        await theirs.Locator("main form[method='post'] button[type=submit]").ClickAsync();
        await theirs.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/amendments/\\d+"));
        await Assertions.Expect(theirs.Locator("main ins", new() { HasText = "lime" }).First).ToBeVisibleAsync();
        await Assertions.Expect(theirs.Locator("main del", new() { HasText = "plane" }).First).ToBeVisibleAsync();
        await CheckAsync(theirs);
        var amendmentLink = new Uri(theirs.Url).AbsolutePath;

        // The resident replies to the comment from the keyboard.
        await mine.GotoAsync(proposalLink);
        await CheckAsync(mine);
        await mine.TabToAsync(mine.Locator($"#comment-{commentId} details.reply > summary"), 200);
        await mine.Keyboard.PressAsync("Enter");
        await mine.TabToAsync(mine.Locator($"#reply-{commentId}"));
        await mine.Keyboard.TypeAsync("Limes are fine by me: see the amendment.");
        await mine.TabToAsync(mine.Locator($"#comment-{commentId} details.reply button[type=submit]"));
        await mine.Keyboard.PressAsync("Enter");
        await mine.WaitForURLAsync(url => url.Contains("#comment-", StringComparison.Ordinal));
        var replyId = await app.WithDbAsync(db => db.Set<Comment>().Where(c => c.ParentId == commentId).Select(c => c.Id).SingleAsync());
        await Assertions.Expect(mine.Locator($"#comment-{replyId}")).ToContainTextAsync("Limes are fine by me");
        await CheckAsync(mine);

        // The resident opens the amendment from the proposal's page and accepts it as the author.
        await mine.Locator($"main .amendments a[href='{amendmentLink}']").ClickAsync();
        await mine.WaitForURLAsync(url => url.EndsWith(amendmentLink, StringComparison.Ordinal));
        await CheckAsync(mine);
        await mine.TabToAsync(mine.Locator("main form[action*='handler=Accept'] button[type=submit]"), 200);
        await mine.Keyboard.PressAsync("Enter");
        await mine.WaitForURLAsync(url => url.EndsWith(proposalLink, StringComparison.Ordinal));

        // The new version is the proposal's text, exactly the amended one.
        await Assertions.Expect(mine.Locator("main h1")).ToHaveTextAsync("Lime trees on the south side");
        await Assertions.Expect(mine.Locator("main .prose").First).ToContainTextAsync("with benches and a drinking fountain under them");
        await CheckAsync(mine);
        var stored = await app.WithDbAsync(db => db.Set<Proposal>().Where(p => p.Id == proposalId).Select(p => new { p.Title, p.Description }).SingleAsync());
        Assert.Equal(("Lime trees on the south side", "Plant four lime trees along the south side of the square, with benches and a drinking fountain under them."), (stored.Title, stored.Description));
        Assert.Equal(AmendmentStatus.Accepted, await app.WithDbAsync(db => db.Set<Amendment>().Where(a => a.TargetId == proposalId).Select(a => a.Status).SingleAsync()));

        // The versions: compare version 1 with version 2 through the form.
        await mine.Locator("main .amendments a[href^='/versions/']").ClickAsync();
        await mine.WaitForURLAsync(url => url.Contains("/versions/", StringComparison.Ordinal));
        await CheckAsync(mine);
        await mine.Locator("#from").SelectOptionAsync("1");
        await mine.Locator("#to").SelectOptionAsync("2");
        await mine.Locator("form.compare-form button[type=submit]").ClickAsync();
        await mine.WaitForURLAsync(url => url.Contains("from=1", StringComparison.Ordinal) && url.Contains("to=2", StringComparison.Ordinal));
        await Assertions.Expect(mine.Locator("#diff-heading")).ToHaveTextAsync("From version 1 to version 2");
        await Assertions.Expect(mine.Locator("main ins", new() { HasText = "Lime" }).First).ToBeVisibleAsync();
        await Assertions.Expect(mine.Locator("main del", new() { HasText = "Plane" }).First).ToBeVisibleAsync();
        await Assertions.Expect(mine.Locator("main ins", new() { HasText = "fountain" }).First).ToBeVisibleAsync();
        await CheckAsync(mine);

        // The neighbour reads the new version, and their amendment's page says it was accepted.
        await theirs.GotoAsync(proposalLink);
        await Assertions.Expect(theirs.Locator("main h1")).ToHaveTextAsync("Lime trees on the south side");
        await Assertions.Expect(theirs.Locator($"#comment-{replyId}")).ToContainTextAsync("Limes are fine by me");
        await CheckAsync(theirs);
        await theirs.GotoAsync(amendmentLink);
        await Assertions.Expect(theirs.Locator("main .notice", new() { HasText = "Accepted: it became version 2." })).ToBeVisibleAsync();
        await CheckAsync(theirs);

        await residentContext.CloseAsync();
        await neighbourContext.CloseAsync();
    }
}
