using System.Globalization;
using System.Net;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests.Moderation;

/// <summary>
/// Moderation in Chromium: a resident reports a comment on a proposal, the official opens the process's moderation
/// queue and hides it with a reason, and the public sees the reason in the comment's place and in the process's
/// public moderation log. Every page visited passes axe.
/// </summary>
public sealed class ModerationJourneyTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    private const string Rude = "People from the east side are all lazy.";

    [Fact]
    public async Task A_resident_reports_a_comment_the_official_hides_it_and_the_public_reads_why()
    {
        var baseUrl = app.BaseUrl;
        var official = await app.CreateUserAsync("Official Olga");
        var client = new FormClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = official.Email!, ["Input.Password"] = CocreoApp.TestPassword })).StatusCode);
        var organisationId = await Scenarios.CreateOrganisationAsync(client);
        var processId = await Scenarios.CreateProcessAsync(client, organisationId);
        var budget = await client.SubmitAsync($"/processes/{processId}/budgets/new", new()
        {
            ["Input.Title"] = "Green ideas 2027",
            ["Input.Amount"] = "100000",
            ["Input.Currency"] = "EUR",
            ["Input.Categories"] = "Green spaces",
            ["Input.Form"] = "Approval",
            ["Input.MaxProjects"] = "3",
            ["Input.Population"] = "800",
        });
        Assert.Equal(HttpStatusCode.Redirect, budget.StatusCode);
        var proposal = await client.SubmitAsync($"/budgets/{Scenarios.IdFrom(budget, "/budgets/")}/proposals/new", new()
        {
            ["Input.Title"] = "A park in the east",
            ["Input.Description"] = "Trees and benches.",
            ["Input.Category"] = "Green spaces",
            ["Input.EstimatedCost"] = "40000",
        });
        var proposalId = Scenarios.IdFrom(proposal, "/proposals/");
        var author = await SignedInClientAsync(baseUrl, await app.CreateUserAsync("Angry Andrej"));
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = Rude }, handler: "Comment")).StatusCode);
        var commentId = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().Where(c => c.TargetKind == "proposal" && c.TargetId == proposalId).Select(c => c.Id).SingleAsync());

        // A resident reports it.
        var resident = await SignedInPageAsync(baseUrl, await app.CreateUserAsync("Resident Rita"));
        await VisitAsync(resident, $"/proposals/{proposalId}");
        var comment = resident.Locator($"#comment-{commentId}");
        await comment.Locator("summary", new() { HasText = "Report" }).ClickAsync();
        await comment.GetByLabel("Offensive, hateful or a personal attack").CheckAsync();
        await comment.GetByLabel("What you add for the moderators").FillAsync("It mocks my neighbours.");
        await resident.AssertNoSeriousViolationsAsync();
        await comment.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you: the moderators will look at it.");
        await resident.AssertNoSeriousViolationsAsync();

        // The official opens the queue from the process page and hides it with a reason.
        var staff = await SignedInPageAsync(baseUrl, official);
        // The organisation's queue, with its bulk actions, lists it too.
        await VisitAsync(staff, $"/organisations/{organisationId}/moderation");
        await Assertions.Expect(staff.GetByRole(AriaRole.Main)).ToContainTextAsync(Rude);
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Apply to the chosen items" })).ToBeVisibleAsync();
        await staff.AssertNoSeriousViolationsAsync();
        await VisitAsync(staff, $"/processes/{processId}");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Moderation (1 item waits)" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Moderation", Level = 1 })).ToBeVisibleAsync();
        var item = staff.Locator(".moderation-item").First;
        await Assertions.Expect(item).ToContainTextAsync("It mocks my neighbours.");
        await Assertions.Expect(item).ToContainTextAsync(Rude);
        await staff.AssertNoSeriousViolationsAsync();
        await item.Locator("summary", new() { HasText = "Hide it" }).ClickAsync();
        await item.GetByLabel("Reason, shown in public in its place").FillAsync("It insults the people of a whole district.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Hide", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("It is hidden; the reason is shown in its place.");
        await staff.AssertNoSeriousViolationsAsync();

        // Everyone else reads the reason in its place, and in the process's moderation log.
        var visitor = await SignedInPageAsync(baseUrl, await app.CreateUserAsync("Neighbour Nina"));
        await VisitAsync(visitor, $"/proposals/{proposalId}");
        await Assertions.Expect(visitor.Locator($"#comment-{commentId}")).ToContainTextAsync("Hidden by the moderators: It insults the people of a whole district.");
        await Assertions.Expect(visitor.Locator($"#comment-{commentId}")).Not.ToContainTextAsync("lazy");
        await visitor.AssertNoSeriousViolationsAsync();
        await VisitAsync(visitor, $"/processes/{processId}");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Moderation log (1 hidden item)" }).ClickAsync();
        await Assertions.Expect(visitor.Locator(".moderation-log li")).ToContainTextAsync("Hidden by the moderators: It insults the people of a whole district.");
        await visitor.AssertNoSeriousViolationsAsync();
    }

    private async Task<IPage> SignedInPageAsync(string baseUrl, CocreoUser user)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(user.Email!);
        await page.GetByLabel("Password").FillAsync(CocreoApp.TestPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task<FormClient> SignedInClientAsync(string baseUrl, CocreoUser user)
    {
        var client = new FormClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = CocreoApp.TestPassword })).StatusCode);
        return client;
    }

    private static async Task VisitAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response!.Ok, $"{url}: {response.Status}");
    }
}
