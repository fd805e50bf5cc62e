using Cocreo.Web.Testing;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// The co-creation toolkit tried as a new official would, in Chromium: register the organisation, fill in Co-Ready
/// (saving part of it, coming back, finishing), read the radar and the roadmap, then compare three services with
/// Co-Serve and choose one. Every page visited passes axe.
/// </summary>
public sealed class ToolkitJourneyTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    private async Task<IPage> SignedInPageAsync()
    {
        var official = await app.CreateUserAsync("Official Olga");
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(official.Email!);
        await page.GetByLabel("Password").FillAsync(CocreoApp.TestPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Picks <paramref name="answer"/> for every question on the page, as a person clicks through, and leaves the rest.</summary>
    private static async Task AnswerEveryQuestionAsync(IPage page, Func<int, string> answer)
    {
        var questions = page.Locator("fieldset.question");
        var count = await questions.CountAsync();
        Assert.True(count > 0, "no questions on " + page.Url);
        for (var i = 0; i < count; i++)
        {
            await questions.Nth(i).GetByLabel(answer(i), new() { Exact = true }).CheckAsync();
        }
    }

    [Fact]
    public async Task An_official_fills_Co_Ready_reads_the_radar_and_roadmap_and_chooses_a_service_with_Co_Serve()
    {
        var page = await SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "My organisations" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Register an organisation" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Municipality of Vrhnika");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Municipality of Vrhnika" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Co-creation toolkit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Co-creation toolkit", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Co-Ready: start, answer the first part, leave, come back, finish.
        await page.GetByRole(AriaRole.Link, new() { Name = "Co-Ready: is our organisation ready for co-creation?" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Part 1 of 3: Organisational capacity")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await AnswerEveryQuestionAsync(page, i => i % 3 == 0 ? "No" : "Yes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue later" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answers are saved");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Continue my answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("#progress")).ToContainTextAsync("You have answered 18 of 37 questions.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Part 2 of 3: Internal co-creators")).ToBeVisibleAsync();
        await AnswerEveryQuestionAsync(page, i => i < 6 ? "No" : "Yes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Part 3 of 3: Context")).ToBeVisibleAsync();
        await AnswerEveryQuestionAsync(page, i => i % 2 == 0 ? "Yes" : "No");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your answers are saved and count in the result");

        var radar = page.GetByRole(AriaRole.Img, new() { Name = "Readiness per category" });
        await Assertions.Expect(radar).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Readiness per category" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".overall")).ToContainTextAsync("readiness");
        var roadmap = page.Locator(".roadmap > li");
        Assert.True(await roadmap.CountAsync() > 0);
        // Summary first: the roadmap's steps are folded until their summary is opened.
        await Assertions.Expect(roadmap.First.GetByRole(AriaRole.Heading, new() { Name = "Actions" })).ToBeHiddenAsync();
        await page.Locator("summary", new() { HasText = "actions" }).ClickAsync();
        await Assertions.Expect(roadmap.First.GetByRole(AriaRole.Heading, new() { Name = "Actions" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Not shown yet: the comparison appears when at least 5 organisations")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete the assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The assessment is completed");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Readiness over time" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Co-Serve: three candidate services, each evaluated, compared, one chosen.
        await page.GetByRole(AriaRole.Link, new() { Name = "Co-creation toolkit" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Co-Serve: which service should we renew through co-creation?" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the comparison" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        foreach (var service in new[] { "Parking permits", "Public library", "Youth centre" })
        {
            await page.GetByLabel("Service", new() { Exact = true }).FillAsync(service);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the service" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{service} was added");
        }
        await page.AssertNoSeriousViolationsAsync();
        var evaluations = new Dictionary<string, Func<int, string>>
        {
            ["Parking permits"] = i => i is 2 or 3 or 7 or 9 ? "No" : "Yes",
            ["Public library"] = i => i is 5 or 8 or 9 ? "No" : "Yes",
            ["Youth centre"] = i => i < 4 ? "No" : "Yes",
        };
        foreach (var (service, answer) in evaluations)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = $"Evaluate {service}" }).ClickAsync();
            await page.AssertNoSeriousViolationsAsync();
            await AnswerEveryQuestionAsync(page, answer);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your answers are saved");
        }

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Users' readiness against the organisation's readiness" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var ranking = page.GetByRole(AriaRole.Table, new() { Name = "Services ranked, the most suitable first" });
        await Assertions.Expect(ranking.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(ranking.Locator("tbody tr").First).ToContainTextAsync("Public library");
        await Assertions.Expect(ranking.Locator("tbody tr").First).ToContainTextAsync("Most suitable");
        await page.AssertNoSeriousViolationsAsync();

        await Assertions.Expect(page.GetByLabel("Public library (the most suitable)")).ToBeCheckedAsync();
        await page.GetByLabel("Why this service").FillAsync("Its users asked for longer opening hours.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose this service" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The service to renew: Public library" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // The same pages read in Slovenian.
        await page.GetByRole(AriaRole.Link, new() { Name = "Slovenščina" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Storitev za prenovo: Public library" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }
}
