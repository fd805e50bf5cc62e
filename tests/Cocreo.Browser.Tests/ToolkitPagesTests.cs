using Cocreo.Web.Features.Demo;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// The toolkit pages the journey does not reach, in Chromium with axe: the demo city's Co-Ready history and spread
/// and its decided Co-Serve comparison (as a platform administrator sees them), and a Co-Master survey answered by an
/// organiser and by participants through the anonymous link, on a phone-sized screen too.
/// </summary>
public sealed class ToolkitPagesTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    private async Task<IPage> SignedInPageAsync(string name, bool admin = false)
    {
        var user = await app.CreateUserAsync(name, admin);
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(user.Email!);
        await page.GetByLabel("Password").FillAsync(CocreoApp.TestPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (admin)
        {
            // Administrators sign in in two steps: the code their authenticator app shows.
            await page.GetByLabel("Code from your authenticator app").FillAsync(await app.AuthenticatorCodeAsync(user));
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    private async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-GB", ViewportSize = viewport });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return page;
    }

    [Fact]
    public async Task The_demo_citys_readiness_history_and_service_choice_are_accessible()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        var city = await app.WithDbAsync(db => db.Set<Web.Features.Organisations.Organisation>().Where(o => o.IsDemo).Select(o => o.Id).SingleAsync());
        var page = await SignedInPageAsync("Admin Ales", admin: true);

        await page.GotoAsync($"/organisations/{city}/readiness");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Readiness over time" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Co-Ready, autumn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Readiness per category" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Where respondents disagree" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg#readiness-radar polygon.series")).ToHaveCountAsync(2);
        await page.AssertNoSeriousViolationsAsync();

        await page.GotoAsync($"/organisations/{city}/service-selection");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Which service should we renew first?" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The service to renew: City library services" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // The library's renewal has an open Co-Master survey, reached from the process page; six participants have
        // finished, so theirs is shown, while the two organisers' answers are not (fewer than five).
        var library = await app.WithDbAsync(db => db.Set<Web.Features.Processes.Process>().Where(p => p.IsDemo && p.Title == "Renewing the library's services").Select(p => p.Id).SingleAsync());
        await page.GotoAsync($"/processes/{library}");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "How well did we co-create the library's renewal?" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Quality of co-creation per dimension" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg#quality-radar polygon.series")).ToHaveCountAsync(1);
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task A_Co_Master_survey_is_answered_by_organisers_and_anonymous_participants()
    {
        var official = await SignedInPageAsync("Organiser Ota");
        await official.GotoAsync("/organisations/new");
        await official.GetByLabel("Name").FillAsync("Municipality of Logatec");
        await official.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await official.GetByRole(AriaRole.Link, new() { Name = "Co-creation toolkit" }).ClickAsync();
        await official.GetByRole(AriaRole.Link, new() { Name = "Co-Master: how good was our co-creation?" }).ClickAsync();
        await official.AssertNoSeriousViolationsAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Start the survey" }).ClickAsync();
        await official.AssertNoSeriousViolationsAsync();

        await official.GetByRole(AriaRole.Link, new() { Name = "Answer as an organiser" }).ClickAsync();
        var statements = official.Locator("fieldset.question");
        for (var i = 0; i < await statements.CountAsync(); i++)
        {
            await statements.Nth(i).GetByLabel("Agree", new() { Exact = true }).CheckAsync();
        }
        await official.AssertNoSeriousViolationsAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Save and finish", Exact = true }).ClickAsync();

        await official.GetByRole(AriaRole.Button, new() { Name = "Open a link for participants" }).ClickAsync();
        var qr = official.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^QR code for http") });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        await official.AssertNoSeriousViolationsAsync();
        var link = await official.Locator(".link-text").First.TextContentAsync();

        // Participants open the link on their phones, without an account.
        for (var p = 0; p < 5; p++)
        {
            var phone = await NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
            await phone.GotoAsync(link!);
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "How good was this co-creation?" })).ToBeVisibleAsync();
            if (p == 0)
            {
                await phone.AssertNoSeriousViolationsAsync();
                Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
            }
            var items = phone.Locator("fieldset.question");
            for (var i = 0; i < await items.CountAsync(); i++)
            {
                await items.Nth(i).GetByLabel(i % 2 == 0 ? "Disagree" : "Agree", new() { Exact = true }).CheckAsync();
            }
            await phone.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("your answers were received");
            await phone.Context.CloseAsync();
        }

        await official.ReloadAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Img, new() { Name = "Quality of co-creation per dimension" })).ToBeVisibleAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Table, new() { Name = "Quality per dimension and group" })).ToContainTextAsync("Participant");
        await official.AssertNoSeriousViolationsAsync();

        await official.GetByRole(AriaRole.Button, new() { Name = "Close this link" }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Status)).ToContainTextAsync("The link is closed");
        var late = await NewPageAsync();
        var response = await late.GotoAsync(link!);
        Assert.Equal(410, response!.Status);
        await Assertions.Expect(late.GetByText("This link is closed")).ToBeVisibleAsync();
        await late.AssertNoSeriousViolationsAsync();
    }
}
