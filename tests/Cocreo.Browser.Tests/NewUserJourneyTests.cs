using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// The platform tried as a new user would, in Chromium: register, confirm the email from the pickup folder, create an
/// organisation and a process, set scope and phases, move to the next phase; a second person joins; the public log
/// shows the entries and verifies; the reader switches to Slovenian. Every page visited passes axe.
/// </summary>
public sealed class NewUserJourneyTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    private async Task<IPage> NewPageAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        // Confirmations ("Move on?") are accepted, as a person would click OK.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return page;
    }

    private async Task RegisterAndSignInAsync(IPage page, string name, string email)
    {
        await page.GotoAsync("/");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Register", Exact = true }).First.ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Check your email.")).ToBeVisibleAsync();

        // The emailed link is where the password is chosen.
        await page.GotoAsync(await Mailbox.ConfirmationLinkAsync(app.MailFolder, email));
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a long and memorable password");
        await page.GetByLabel("Password again").FillAsync("a long and memorable password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and choose the password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("your email address is confirmed")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("a long and memorable password");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_new_official_runs_a_process_in_the_open_and_a_citizen_joins_it()
    {
        var official = await NewPageAsync();
        await RegisterAndSignInAsync(official, "Mojca Official", $"mojca.{Guid.NewGuid():N}@example.org");

        await official.GetByRole(AriaRole.Link, new() { Name = "My organisations" }).ClickAsync();
        await official.AssertNoSeriousViolationsAsync();
        await official.GetByRole(AriaRole.Link, new() { Name = "Register an organisation" }).ClickAsync();
        await official.AssertNoSeriousViolationsAsync();
        await official.GetByLabel("Name").FillAsync("Municipality of Brezje");
        await official.GetByLabel("Type").SelectOptionAsync("Municipality");
        await official.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Heading, new() { Name = "Municipality of Brezje" })).ToBeVisibleAsync();
        await official.AssertNoSeriousViolationsAsync();

        await official.GetByRole(AriaRole.Link, new() { Name = "Start a co-creation process" }).ClickAsync();
        await official.AssertNoSeriousViolationsAsync();
        // Submitting an empty form shows the error summary, linked to the fields; it must be accessible too.
        await official.GetByRole(AriaRole.Button, new() { Name = "Create the process" }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter a title.");
        await official.AssertNoSeriousViolationsAsync();

        await official.GetByLabel("Title").FillAsync("Greener school yards");
        await official.GetByLabel("The problem").FillAsync("School yards are hot, grey and closed after school.");
        await official.GetByLabel("Purpose", new() { Exact = true }).FillAsync("Redesign two yards with pupils and neighbours.");
        await official.GetByLabel("Participants can influence").FillAsync("The design of the yards\nOpening hours after school");
        await official.GetByLabel("Participants cannot influence").FillAsync("The budget of €90,000");
        await official.GetByLabel("Sponsor", new() { Exact = true }).FillAsync("Head of Education Department");
        await official.GetByRole(AriaRole.Button, new() { Name = "Create the process" }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Heading, new() { Name = "Greener school yards", Level = 1 })).ToBeVisibleAsync();
        await official.AssertNoSeriousViolationsAsync();
        var processUrl = new Uri(official.Url).AbsolutePath;

        await official.GetByRole(AriaRole.Link, new() { Name = "Phases" }).ClickAsync();
        await official.AssertNoSeriousViolationsAsync();
        await official.Locator("#Plans_1__PlannedStart").FillAsync("2027-03-01");
        await official.Locator("#Plans_1__PlannedEnd").FillAsync("2027-05-31");
        await official.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Status)).ToContainTextAsync("The plan was saved");
        await official.GetByRole(AriaRole.Button, new() { Name = "Move to the next phase: Solution design" }).ClickAsync();
        await Assertions.Expect(official.GetByText("Current phase: Solution design.")).ToBeVisibleAsync();

        var citizen = await NewPageAsync();
        await RegisterAndSignInAsync(citizen, "Citizen Cene", $"cene.{Guid.NewGuid():N}@example.org");
        await citizen.GotoAsync(processUrl);
        await citizen.AssertNoSeriousViolationsAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Join as a participant" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("You joined the process");

        await citizen.GetByRole(AriaRole.Link, new() { Name = "Public log" }).First.ClickAsync();
        await Assertions.Expect(citizen.GetByText("The chain is intact.")).ToBeVisibleAsync();
        var entries = citizen.Locator("li.log-entry");
        await Assertions.Expect(entries).ToHaveCountAsync(4);
        await Assertions.Expect(entries.First).ToContainTextAsync("Joined the process");
        await Assertions.Expect(entries.First).Not.ToContainTextAsync("Citizen Cene");
        await citizen.AssertNoSeriousViolationsAsync();

        await citizen.GetByRole(AriaRole.Link, new() { Name = "Slovenščina" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("html")).ToHaveAttributeAsync("lang", "sl");
        await Assertions.Expect(citizen.GetByText("Veriga je neprekinjena.")).ToBeVisibleAsync();
        await citizen.AssertNoSeriousViolationsAsync();
        await citizen.GotoAsync(processUrl);
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "Obseg" })).ToBeVisibleAsync();
        await citizen.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_and_moves_focus_to_the_content()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/processes");
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        await Assertions.Expect(focused).ToHaveTextAsync("Skip to main content");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task A_phone_sized_screen_needs_no_sideways_scrolling()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        foreach (var url in new[] { "/", "/processes", "/account/register", "/account/sign-in" })
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, url);
        }
    }
}
