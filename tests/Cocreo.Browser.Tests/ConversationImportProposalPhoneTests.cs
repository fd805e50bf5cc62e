using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// The team on a 390 px phone, in Slovenian: imports a Polis export (the demo city's small one) through the import
/// page, translates its question into English on the translations page (an English reader then sees it), sees the
/// map; then, from the statement list on the manage page, makes a statement a proposal of the
/// process's budget and follows the proposal's link back to the statement on the map. Every page visited passes axe
/// (no serious or critical violation), needs no sideways scrolling, and what the team uses is reached with the keyboard.
/// </summary>
public sealed class ConversationImportProposalPhoneTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    private const string Trees = "Trees should be planted along the main road.";

    [Fact]
    public async Task Staff_import_a_Polis_export_see_the_map_make_a_statement_a_proposal_and_follow_the_link_back()
    {
        var lead = await app.CreateUserAsync("Lena Lead");
        var (processId, budgetId) = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var city = Organisation.Create("Občina Brda", OrganisationType.Municipality, SizeBand.Small, "SI", ["sl", "en"], now);
            city.AddMember(lead.Id, OrganisationRole.Administrator, now);
            db.Add(city);
            await db.SaveChangesAsync();
            var process = Process.Start(city.Id, new ProcessContent("Proračun za Vrtačo", "Kaj potrebuje četrt?", "Skupaj izberemo projekte.", "sl", "Lena Lead", "", ""), ProcessVisibility.Public, now);
            process.Join(lead.Id, ProcessRole.Owner, now);
            db.Add(process);
            await db.SaveChangesAsync();
            var budget = Budget.Create(process.Id, new BudgetSettings(
                "Proračun četrti 2027", "", "Predlogi za četrt.", 60_000m, "EUR", ["Zelene površine", "Promet"], CountingRule.EqualShares, EqualSharesCompletionChoice.Add1, false,
                TieBreak.CostThenVotes, BallotForm.Approval, 1, 4, 10, 5, 3, Eligibility.Census, true, null), now, language: "sl");
            db.Add(budget);
            await db.SaveChangesAsync();
            return (process.Id, budget.Id);
        });
        byte[] export;
        await using (var resource = typeof(ConversationsDemo).Assembly.GetManifestResourceStream("Cocreo.Web.Demo.vrtaca-polis-export.zip")!)
        {
            using var copy = new MemoryStream();
            await resource.CopyToAsync(copy);
            export = copy.ToArray();
        }

        var phone = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "sl-SI",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await phone.NewPageAsync();
        async Task CheckAsync()
        {
            await page.AssertNoSeriousViolationsAsync();
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "sideways scrolling on " + page.Url);
            Assert.Equal("sl", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        }

        await page.GotoAsync("/account/sign-in?culture=sl");
        await page.Locator("#Input_Email").FillAsync(lead.Email!);
        await page.Locator("#Input_Password").FillAsync(Cocreo.Web.Testing.CocreoApp.TestPassword);
        await page.Locator("#Input_Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        // The import page: the file, the question, and the button, each reached from the keyboard.
        await page.GotoAsync($"/processes/{processId}/conversations/import");
        await CheckAsync();
        await page.TabToAsync(page.Locator("#Files"));
        await page.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = "vrtaca-polis-export.zip", MimeType = "application/zip", Buffer = export });
        await page.TabToAsync(page.Locator("#Input_Question"));
        await page.Keyboard.TypeAsync("Za kaj naj gre denar četrti?");
        var import = page.Locator("form[enctype='multipart/form-data'] button[type=submit]");
        await page.TabToAsync(import);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/manage", StringComparison.Ordinal));
        var conversationId = int.Parse(page.Url.Split("/conversations/")[1].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
        await CheckAsync();

        // The translations page, by keyboard: the question in English.
        await page.GotoAsync($"/conversations/{conversationId}/translations");
        await CheckAsync();
        await page.TabToAsync(page.Locator("#language"));
        await page.Locator("#language").SelectOptionAsync("en");
        await page.TabToAsync(page.Locator("main form[method='get'] button[type=submit]"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("language=en", StringComparison.Ordinal));
        await CheckAsync();
        await page.TabToAsync(page.Locator("#Input_Question"));
        await page.Keyboard.TypeAsync("What should the district's money pay for?");
        await page.TabToAsync(page.Locator("main form[method='post'] button[type=submit]"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main li span[lang='en']")).ToHaveTextAsync("What should the district's money pay for?");
        await CheckAsync();

        // The map of the imported votes.
        await page.GotoAsync($"/conversations/{conversationId}/map");
        await Assertions.Expect(page.Locator("svg[role='img']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("p.lead")).ToHaveTextAsync("Za kaj naj gre denar četrti?");
        await CheckAsync();

        // The statement list on the manage page: "Make this a proposal" for an accepted statement, by keyboard.
        await page.GotoAsync($"/conversations/{conversationId}/manage");
        await CheckAsync();
        var statementId = await app.WithDbAsync(db => Task.FromResult(db.Set<ConversationStatement>().Single(s => s.ConversationId == conversationId && s.Text == Trees).Id));
        var make = page.Locator($".statement-proposal a[href='/conversations/{conversationId}/statements/{statementId}/proposal']");
        await page.TabToAsync(make, 400);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/proposal", StringComparison.Ordinal));
        await CheckAsync();
        await page.Locator("#Input_Title").FillAsync("Drevesa ob glavni cesti");
        await page.Locator("#Input_Category").SelectOptionAsync("Zelene površine");
        await page.Locator("#Input_EstimatedCost").FillAsync("24000");
        var submit = page.Locator("main form[method='post'] button[type=submit]");
        await page.TabToAsync(submit);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/proposals/", StringComparison.Ordinal));
        await CheckAsync();
        Assert.Equal(budgetId, await app.WithDbAsync(db => Task.FromResult(db.Set<Proposal>().Single(p => p.Title == "Drevesa ob glavni cesti").BudgetId)));

        // The proposal's page links back to the statement on the map.
        var back = page.Locator($"a[href='/conversations/{conversationId}/map#proposal-from-{statementId}']");
        await page.TabToAsync(back);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains($"/conversations/{conversationId}/map", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"#proposal-from-{statementId}")).ToContainTextAsync("Drevesa ob glavni cesti");
        await CheckAsync();

        // The manage page now names the proposal the statement became.
        await page.GotoAsync($"/conversations/{conversationId}/manage");
        await Assertions.Expect(page.Locator(".statement-proposal a", new() { HasText = "Drevesa ob glavni cesti" })).ToBeVisibleAsync();

        // An English reader sees the translated question, marked as English.
        await page.GotoAsync($"/conversations/{conversationId}?culture=en");
        await Assertions.Expect(page.Locator("main h1[lang='en']")).ToHaveTextAsync("What should the district's money pay for?");
        await page.AssertNoSeriousViolationsAsync();
        await phone.CloseAsync();
    }
}
