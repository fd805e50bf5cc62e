using Cocreo.Web.Platform.Log;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// Co-Renew tried as a new service user would, on a phone-sized screen: open the link from the QR code, tell three
/// stages, send, support someone else's idea; then the renewal team's dashboard shows it. Every page visited passes
/// axe and needs no sideways scrolling on the phone.
/// </summary>
public sealed class JourneyMappingPhoneTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_service_user_scans_the_link_tells_three_stages_supports_an_idea_and_the_team_sees_it()
    {
        var lead = await app.CreateUserAsync("Renata Lead");
        var (mapId, joinCode) = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var city = Organisation.Create("Municipality of Brezje", OrganisationType.Municipality, SizeBand.Small, "SI", ["sl", "en"], now);
            city.AddMember(lead.Id, OrganisationRole.Administrator, now);
            db.Add(city);
            await db.SaveChangesAsync();
            var process = Process.Start(city.Id, new ProcessContent("Renewing the parking permit", "Permits take weeks.", "Renew the service with its users.", "en", "Renata Lead", "", ""), ProcessVisibility.Public, now);
            process.SetScope(["The permit's steps"], []);
            process.Join(lead.Id, ProcessRole.Owner, now);
            db.Add(process);
            await db.SaveChangesAsync();
            await new ProcessLog(db, TimeProvider.System).AppendAsync(process.Id, LogActor.Named(lead.DisplayName, "owner"), "process.created", new { title = process.Title });
            var map = JourneyMap.Start(city.Id, process.Id, "Residential parking permit", "The permit to park in **your** zone.", ContributionTokens.NewJoinCode(),
                ["Find information", "Prepare and apply", "Submit", "Wait", "Decision", "Use and follow-up"],
                ["Inconsistent information", "Hard to navigate", "Jargon", "Channels that don't connect", "No help when needed"], now);
            db.Add(map);
            await db.SaveChangesAsync();
            var stages = map.ActiveStages.ToList();
            map.AddTouchpoint(stages[0].Id, Channel.Online, "City website", "");
            map.AddTouchpoint(stages[0].Id, Channel.Phone, "Call centre", "");
            map.AddTouchpoint(stages[1].Id, Channel.Online, "e-Permit form", "");
            map.AddProfileQuestion("Age", [new("Under 65", 78), new("65 or older", 22)]);
            await db.SaveChangesAsync();
            var earlier = JourneyContribution.StartOnline(map.Id, ContributionTokens.New().Hash, null, now);
            earlier.Record(map, stages[3].Id, new StageAccount(1, [], "Three weeks without news.", "Nobody tells you how long it takes.", [], "Send a message with the expected date."), now);
            earlier.Submit(null, now);
            db.Add(earlier);
            await db.SaveChangesAsync();
            return (map.Id, map.JoinCode);
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

        // The QR code on the poster leads here.
        await page.GotoAsync($"/j/{joinCode}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How was your experience of “Residential parking permit”?" })).ToBeVisibleAsync();
        await CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Find information", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Stage 1 of 6")).ToBeVisibleAsync();
        await CheckAsync();
        // Sending without a feeling shows what to fix, on the phone too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose how this stage felt.");
        await CheckAsync();
        await page.GetByLabel("2 · Bad").CheckAsync();
        await page.GetByLabel("Online: City website").CheckAsync();
        await page.GetByLabel("What happened?").FillAsync("The website and the leaflet gave different prices.");
        await page.GetByLabel("Inconsistent information").CheckAsync();
        await page.GetByLabel("What would have helped? Your idea to improve this stage").FillAsync("One page with the price and a map of the zones.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prepare and apply", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync();
        await page.GetByLabel("4 · Good").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Submit", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("1 · Very bad").CheckAsync();
        await page.GetByLabel("In your own words").FillAsync("The upload failed three times.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        for (var skipped = 0; skipped < 3; skipped++)
        {
            await Assertions.Expect(page.GetByText($"Stage {4 + skipped} of 6")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Skip this stage: I did not go through it" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "About you" })).ToBeVisibleAsync();
        await CheckAsync();
        await page.GetByLabel("Age (optional)", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "65 or older" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await Assertions.Expect(page.GetByText("You told us about 3 of 6 stages.")).ToBeVisibleAsync();
        await CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my journey" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ideas from service users" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you! Your journey was sent.");
        await CheckAsync();
        var others = page.Locator("li.card", new() { HasText = "Send a message with the expected date." });
        await others.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you: you support this idea.");
        await Assertions.Expect(page.Locator("li.card", new() { HasText = "Send a message with the expected date." })).ToContainTextAsync("1 support");
        await Assertions.Expect(page.Locator("li.card", new() { HasText = "One page with the price" })).ToContainTextAsync("Your idea");
        await CheckAsync();

        // The renewal team, at a desk.
        var desk = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-GB" });
        var team = await desk.NewPageAsync();
        await team.GotoAsync("/account/sign-in");
        await team.GetByLabel("Email address").FillAsync(lead.Email!);
        await team.GetByLabel("Password").FillAsync(Cocreo.Web.Testing.CocreoApp.TestPassword);
        await team.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(team.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await team.GotoAsync($"/journeys/{mapId}");
        await team.AssertNoSeriousViolationsAsync();
        await team.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        var summary = team.Locator(".summary");
        await Assertions.Expect(summary).ToContainTextAsync("2 contributions (2 sent, 0 assisted), telling 4 stages.");
        await Assertions.Expect(summary).ToContainTextAsync("The most supported idea (1 support): “Send a message with the expected date.”");
        await Assertions.Expect(summary).ToContainTextAsync("The most named pain point: “Inconsistent information”");
        await team.GetByText("Data table: Mean feeling per stage").ClickAsync();
        var findInformation = team.Locator("table tr", new() { HasText = "Find information" }).First;
        await Assertions.Expect(findInformation).ToContainTextAsync("2.00");
        await team.AssertNoSeriousViolationsAsync();

        // The same dashboard, only those aged 65 or older: the phone contributor alone.
        await team.GetByLabel("Age", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "65 or older" });
        await team.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("1 contributions (1 sent, 0 assisted), telling 3 stages.");
        await team.AssertNoSeriousViolationsAsync();
        await team.GotoAsync($"/journeys/{mapId}/share");
        await Assertions.Expect(team.Locator("svg.qr-code")).ToBeVisibleAsync();
        await Assertions.Expect(team.GetByRole(AriaRole.Link, new() { Name = $"/j/{joinCode}" })).ToBeVisibleAsync();
        await team.AssertNoSeriousViolationsAsync();
    }
}
