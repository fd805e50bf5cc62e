using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Proposals;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// Proposals and their debate on a 390 px phone. A resident drafts a proposal: while they type its title the form
/// offers the similar proposal already there; they publish theirs. On the other proposal they reply to a comment
/// from the keyboard. A neighbour proposes an amendment to the resident's proposal; the resident accepts it and reads
/// the new version with what changed. The process's lead then writes the synthesis of that debate, citing the comment and the reply,
/// and every reader sees it above the debate with links that lead to each comment. Every page visited passes axe (no
/// serious or critical violation) and needs no sideways scrolling.
/// </summary>
public sealed class ProposalDebatePhoneTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_resident_drafts_a_proposal_and_replies_to_a_comment_and_the_lead_writes_the_synthesis()
    {
        var lead = await app.CreateUserAsync("Lena Lead");
        var resident = await app.CreateUserAsync("Rok Resident");
        var neighbour = await app.CreateUserAsync("Nina Neighbour");
        var (processId, evening, commentId) = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var city = Organisation.Create("Town of Brda", OrganisationType.Municipality, SizeBand.Small, "SI", ["en", "sl"], now);
            city.AddMember(lead.Id, OrganisationRole.Administrator, now);
            db.Add(city);
            await db.SaveChangesAsync();
            var process = Process.Start(city.Id, new ProcessContent("Library for everyone", "The library closes before people finish work.", "Opening hours that fit.", "en", "Lena Lead", "", ""), ProcessVisibility.Public, now);
            process.Join(lead.Id, ProcessRole.Owner, now);
            db.Add(process);
            await db.SaveChangesAsync();
            var settings = ProposalSettings.TurnOn(process.Id);
            settings.Change(true, true, 0, "Opening hours\nSpaces");
            db.Add(settings);
            var proposal = Proposal.PutForward(process.Id, settings, new ProcessProposalContent("Evening opening of the library", "Open until 21:00 on weekdays.", "Opening hours", ""), lead.Id, now);
            db.Add(proposal);
            await db.SaveChangesAsync();
            var comment = Comment.Post(ProcessProposalDebateTargets.DebateKind, proposal.Id, process.Id, null, neighbour.Id, "Nina Neighbour", "Evenings would let me come after my shift.", Alignment.For, now);
            db.Add(comment);
            await db.SaveChangesAsync();
            return (process.Id, proposal.Id, comment.Id);
        });

        var phone = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await phone.NewPageAsync();
        async Task CheckAsync()
        {
            await page.AssertNoSeriousViolationsAsync();
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "sideways scrolling on " + page.Url);
        }
        async Task SignInAsync(string email)
        {
            await page.GotoAsync("/account/sign-in?culture=en");
            await page.Locator("#Input_Email").FillAsync(email);
            await page.Locator("#Input_Password").FillAsync(Cocreo.Web.Testing.CocreoApp.TestPassword);
            await page.Locator("#Input_Password").PressAsync("Enter");
            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        }

        // Drafting: the similar proposal is offered while the title is typed; the draft is published.
        await SignInAsync(resident.Email!);
        await page.GotoAsync($"/processes/{processId}/proposals/new");
        await CheckAsync();
        await page.Locator("#Input_Title").FocusAsync();
        await page.Keyboard.TypeAsync("Library open in the evening");
        await Assertions.Expect(page.Locator("#similar-proposals a", new() { HasText = "Evening opening of the library" })).ToBeVisibleAsync();
        await CheckAsync();
        await page.TabToAsync(page.Locator("#Input_Body"));
        await page.Keyboard.TypeAsync("Keep the **reading room** open until 20:00 with volunteers.");
        await page.Locator("#Input_Category").SelectOptionAsync("Spaces");
        var publish = page.Locator("main form[method='post'] button[type=submit]:not([formmethod])");
        await page.TabToAsync(publish);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, $"/processes/{processId}/proposals/\\d+$"));
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Library open in the evening");
        await Assertions.Expect(page.Locator("main .prose strong").First).ToHaveTextAsync("reading room");
        await CheckAsync();
        var mine = page.Url[page.Url.IndexOf($"/processes/{processId}/proposals/", StringComparison.Ordinal)..];

        // Replying to a comment, by keyboard.
        await page.GotoAsync($"/processes/{processId}/proposals/{evening}");
        await CheckAsync();
        var reply = page.Locator($"#comment-{commentId} details.reply > summary");
        await page.TabToAsync(reply, 200);
        await page.Keyboard.PressAsync("Enter");
        await page.TabToAsync(page.Locator($"#reply-{commentId}"));
        await page.Keyboard.TypeAsync("Same for me: the reading room would do.");
        await page.TabToAsync(page.Locator($"#comment-{commentId} details.reply button[type=submit]"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("#comment-", StringComparison.Ordinal));
        var replyId = await app.WithDbAsync(db => Task.FromResult(db.Set<Comment>().Single(c => c.ParentId == commentId).Id));
        await Assertions.Expect(page.Locator($"#comment-{commentId} ~ .debate-replies #comment-{replyId}, #comment-{replyId}")).ToContainTextAsync("Same for me");
        await CheckAsync();

        // A neighbour proposes an amendment to the resident's proposal.
        await phone.ClearCookiesAsync();
        await SignInAsync(neighbour.Email!);
        await page.GotoAsync(mine);
        var propose = page.Locator("main .amendments a.button");
        await page.TabToAsync(propose, 200);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/amendments/new/", StringComparison.Ordinal));
        await CheckAsync();
        await page.Locator("#Input_Body").FillAsync("Keep the **reading room** open until 21:00 with volunteers, also on Saturdays.");
        await page.Locator("#Input_Explanation").FillAsync("Saturdays are when families come.");
        await page.TabToAsync(page.Locator("main form[method='post'] button[type=submit]"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/amendments/\\d+"));
        await Assertions.Expect(page.Locator("main ins").First).ToBeVisibleAsync();
        await CheckAsync();
        var amendment = page.Url.Split('#')[0];

        // The resident, its author, accepts it; the new version shows what changed.
        await phone.ClearCookiesAsync();
        await SignInAsync(resident.Email!);
        await page.GotoAsync(amendment);
        await CheckAsync();
        var accept = page.Locator("main form[action*='handler=Accept'] button[type=submit]");
        await page.TabToAsync(accept, 200);
        await page.Keyboard.PressAsync("Enter");
        // Accepted, the proposal's page says so and shows the new text.
        await page.WaitForURLAsync(url => url.EndsWith(mine, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main .prose").First).ToContainTextAsync("also on Saturdays");
        var versions = page.Locator("main .amendments a[href^='/versions/']");
        await page.TabToAsync(versions, 200);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/versions/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main ins", new() { HasText = "Saturdays" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main del").First).ToBeVisibleAsync();
        await CheckAsync();

        // The lead writes the synthesis of the debate, citing the comment and the reply.
        await phone.ClearCookiesAsync();
        await SignInAsync(lead.Email!);
        await page.GotoAsync($"/processes/{processId}/proposals/{evening}");
        var write = page.Locator($"a[href='/debate/process-proposal/{evening}/synthesis']");
        await page.TabToAsync(write, 200);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/synthesis", StringComparison.Ordinal));
        await CheckAsync();
        await page.Locator("#Input_Summary").FillAsync("Evening hours matter to people who work shifts.");
        await page.Locator("#Input_Arguments_0__Side").SelectOptionAsync("For");
        await page.Locator("#Input_Arguments_0__Text").FillAsync("Shift workers could come after work.");
        await page.Locator("#Input_Arguments_0__Comments").FillAsync($"#{commentId} #{replyId}");
        var save = page.Locator("main form[method='post'] button[type=submit]");
        await page.TabToAsync(save);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains($"/proposals/{evening}", StringComparison.Ordinal));
        var synthesis = page.Locator(".synthesis");
        await Assertions.Expect(synthesis).ToContainTextAsync("Evening hours matter to people who work shifts.");
        await CheckAsync();

        // A reader follows the synthesis' link to the reply.
        await phone.ClearCookiesAsync();
        await page.GotoAsync($"/processes/{processId}/proposals/{evening}");
        await page.Locator($".synthesis a[href$='#comment-{replyId}']").ClickAsync();
        await Assertions.Expect(page.Locator($"#comment-{replyId}")).ToBeInViewportAsync();
        await CheckAsync();
        await phone.CloseAsync();
    }
}
