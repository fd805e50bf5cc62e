using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Cocreo.Web.Testing;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests.Budgeting;

/// <summary>
/// Participatory budgeting on a phone, tried as a new resident would: register, propose a project with a picture and support it,
/// vote with an approval ballot and with a knapsack ballot (the running total tells when the choice is over budget),
/// then read the results and why each project was or was not funded. Staff do their part through the same forms.
/// Every page the resident visits passes axe and needs no sideways scrolling.
/// </summary>
public sealed partial class BudgetingJourneyTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    /// <summary>A real PNG of 3 × 2 pixels (encoded by Chromium).</summary>
    private static readonly byte[] SchoolYard = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAYAAACddGYaAAAAGUlEQVR4AWL6z8DwX2lVORgzKa8qZ4ABAAAAAP//GeoIlAAAAAZJREFUAwCJcwfLM3PJKQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_new_resident_proposes_supports_votes_twice_and_reads_the_results_on_a_phone()
    {
        var baseUrl = app.BaseUrl;
        var cast = await StaffAsync(baseUrl);
        var approval = await CreateBudgetAsync(cast, "Green ideas 2027", "Approval");
        var knapsack = await CreateBudgetAsync(cast, "Streets 2027", "Knapsack");
        foreach (var (title, cost) in new[] { ("Bike racks", 10_000), ("Solar lamps", 65_000), ("Library corner", 30_000) })
        {
            await ReviewAsync(cast, await ProposeAsync(cast, knapsack, title, cost), cost);
        }
        await AdvanceAsync(cast, knapsack);
        await AdvanceAsync(cast, knapsack);
        var other = await ProposeAsync(cast, approval, "Drinking fountains", 9_000);

        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await RegisterAndSignInAsync(page, "Resident Rok", $"rok.{Guid.NewGuid():N}@example.org");

        // Propose a project and support the neighbours' one.
        await VisitAsync(page, $"/processes/{cast.ProcessId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Green ideas 2027" }).ClickAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Propose a project" }).First.ClickAsync();
        await CheckAsync(page);
        await page.GetByLabel("Title").FillAsync("Trees for the school yard");
        await page.GetByLabel("Description").FillAsync("Shade for the children in summer.");
        await page.GetByLabel("Location").FillAsync("Vrtača primary school");
        await page.GetByLabel("Category").SelectOptionAsync("Green spaces");
        await page.GetByLabel("Estimated cost").FillAsync("35000");
        // A picture too large is refused at once, before it is sent; a small one goes with its description.
        var picture = page.GetByLabel("Image", new() { Exact = true });
        await picture.SetInputFilesAsync(new FilePayload { Name = "yard.png", MimeType = "image/png", Buffer = new byte[6 * 1024 * 1024] });
        await Assertions.Expect(page.Locator("#Input_Image-check")).ToContainTextAsync("larger than 5 MB");
        await picture.SetInputFilesAsync(new FilePayload { Name = "yard.png", MimeType = "image/png", Buffer = SchoolYard });
        await Assertions.Expect(page.Locator("#Input_Image-check")).ToBeHiddenAsync();
        await page.GetByLabel("What the image shows").FillAsync("The school yard without any shade.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the proposal" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your proposal was submitted");
        var shown = page.GetByRole(AriaRole.Img, new() { Name = "The school yard without any shade." });
        await Assertions.Expect(shown).ToBeVisibleAsync();
        // The picture is decoded when its width is read (decode() waits for it), not merely in the page.
        Assert.Equal(3, await shown.EvaluateAsync<int>("async image => { await image.decode(); return image.naturalWidth; }"));
        await CheckAsync(page);
        var mine = int.Parse(ProposalId().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await VisitAsync(page, $"/proposals/{other}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Support this proposal" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You support this proposal");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Withdraw my support" })).ToBeVisibleAsync();
        await CheckAsync(page);

        // Staff review both proposals and open the vote.
        await AdvanceAsync(cast, approval);
        await ReviewAsync(cast, mine, 35_000);
        await ReviewAsync(cast, other, 9_000);
        await AdvanceAsync(cast, approval);

        // Vote with an approval ballot.
        await VisitAsync(page, $"/budgets/{approval}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Vote", Exact = true }).ClickAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Trees for the school yard" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Drinking fountains" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your receipt" })).ToBeVisibleAsync();
        var receipt = await page.GetByLabel("Receipt", new() { Exact = true }).TextContentAsync();
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){2}$", receipt);
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", await page.GetByLabel("Change code", new() { Exact = true }).TextContentAsync());
        await CheckAsync(page);

        // Vote with a knapsack ballot: going over the budget is said as it happens, and refused with the choice kept.
        await VisitAsync(page, $"/budgets/{knapsack}/vote");
        var total = page.Locator("#ballot-total");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Solar lamps" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Library corner" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Bike racks" }).CheckAsync();
        await Assertions.Expect(total).ToContainTextAsync("more than the budget");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Remove a project to continue.");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Solar lamps" })).ToBeCheckedAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Bike racks" }).UncheckAsync();
        await Assertions.Expect(total).ToContainTextAsync("95,000");
        await Assertions.Expect(total).Not.ToContainTextAsync("more than the budget");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your receipt" })).ToBeVisibleAsync();

        // Check the first ballot with its receipt.
        await VisitAsync(page, $"/budgets/{approval}/receipt");
        await page.GetByLabel("Receipt", new() { Exact = true }).FillAsync(receipt!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        // It proves the ballot is in the ballot box, and never shows what it says.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("A ballot with this receipt is in the ballot box.");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).Not.ToContainTextAsync("Trees for the school yard");
        await CheckAsync(page);

        // Staff close the votes and publish; the resident reads the results and the explanation.
        foreach (var budget in new[] { approval, knapsack })
        {
            await AdvanceAsync(cast, budget);
            var publish = await cast.OwnerClient.SubmitAsync($"/budgets/{budget}/phases", [], handler: "Publish");
            Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        }
        await VisitAsync(page, $"/budgets/{knapsack}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Results and how they were decided" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Funded projects" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".results-list")).ToContainTextAsync("Funded in round 1");
        await Assertions.Expect(page.Locator("svg[role=img] title")).ToHaveTextAsync("Votes per project");
        await Assertions.Expect(page.Locator(".chart-table tbody tr")).ToHaveCountAsync(3);
        await CheckAsync(page);
        await VisitAsync(page, $"/budgets/{approval}/results");
        // Summary first: every project's row is in a folded section, opened from its summary.
        await page.Locator("summary", new() { HasText = "with their votes and the reasons" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Trees for the school yard" })).ToContainTextAsync("Funded");
        await CheckAsync(page);
        await VisitAsync(page, $"/processes/{cast.ProcessId}/budgets/turnout");
        await CheckAsync(page);
        // On a phone the header's links are behind its menu button.
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToHaveAttributeAsync("aria-expanded", "true");
        await page.GetByRole(AriaRole.Link, new() { Name = "Slovenščina" }).ClickAsync();
        await VisitAsync(page, $"/budgets/{approval}/results");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sl");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Financirani projekti" })).ToBeVisibleAsync();
        await CheckAsync(page);
    }

    /// <summary>An official with an organisation and a public process, using the served app over HTTP like a browser without JavaScript.</summary>
    private async Task<Staff> StaffAsync(string baseUrl)
    {
        var official = await app.CreateUserAsync("Official Olga");
        var client = new FormClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) });
        var signIn = await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = official.Email!, ["Input.Password"] = CocreoApp.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var organisation = await Scenarios.CreateOrganisationAsync(client);
        return new Staff(await Scenarios.CreateProcessAsync(client, organisation), client);
    }

    private sealed record Staff(int ProcessId, FormClient OwnerClient);

    private static async Task VisitAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response!.Ok, $"{url}: {response.Status}");
    }

    /// <summary>axe finds no serious or critical problem, and the phone needs no sideways scrolling.</summary>
    private static async Task CheckAsync(IPage page)
    {
        await page.AssertNoSeriousViolationsAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{page.Url} scrolls sideways on a phone");
    }

    private static async Task<int> CreateBudgetAsync(Staff cast, string title, string form)
    {
        var response = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/budgets/new", new()
        {
            ["Input.Title"] = title,
            ["Input.Amount"] = "100000",
            ["Input.Currency"] = "EUR",
            ["Input.Categories"] = "Green spaces\nTraffic",
            ["Input.Form"] = form,
            ["Input.MaxProjects"] = "3",
            ["Input.Population"] = "800",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Scenarios.IdFrom(response, "/budgets/");
    }

    private static async Task<int> ProposeAsync(Staff cast, int budgetId, string title, int cost)
    {
        var response = await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/proposals/new", new()
        {
            ["Input.Title"] = title,
            ["Input.Description"] = $"Please build {title}.",
            ["Input.Category"] = "Traffic",
            ["Input.EstimatedCost"] = cost.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Scenarios.IdFrom(response, "/proposals/");
    }

    private static async Task ReviewAsync(Staff cast, int proposalId, int cost)
    {
        var response = await cast.OwnerClient.SubmitAsync($"/proposals/{proposalId}/review", new()
        {
            ["Input.Feasible"] = "True",
            ["Input.Reason"] = "The city can build it.",
            ["Input.FinalCost"] = cost.ToString(CultureInfo.InvariantCulture),
        }, handler: "Review");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task AdvanceAsync(Staff cast, int budgetId) =>
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/phases", [], handler: "Advance")).StatusCode);

    private async Task RegisterAndSignInAsync(IPage page, string name, string email)
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Check your email.")).ToBeVisibleAsync();
        // The emailed link is where the password is chosen.
        await page.GotoAsync(await Mailbox.ConfirmationLinkAsync(app.MailFolder, email));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a long and memorable password");
        await page.GetByLabel("Password again").FillAsync("a long and memorable password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and choose the password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("your email address is confirmed")).ToBeVisibleAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("a long and memorable password");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("form[action='/account/sign-out']")).ToBeAttachedAsync();
    }

    [GeneratedRegex(@"/proposals/(\d+)")]
    private static partial Regex ProposalId();
}
