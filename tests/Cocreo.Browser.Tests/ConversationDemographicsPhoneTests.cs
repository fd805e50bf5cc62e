using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// The questions about the participant and the "Important to me" box on a 390 px phone: vote three times (one marked
/// important), answer the questions the page then asks, and read the report's representativeness. Every page
/// visited passes axe and needs no sideways scrolling.
/// </summary>
public sealed class ConversationDemographicsPhoneTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_newcomer_marks_a_statement_important_answers_the_questions_and_reads_who_took_part()
    {
        var lead = await app.CreateUserAsync("Lena Lead");
        var conversationId = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var city = Organisation.Create("Municipality of Brda", OrganisationType.Municipality, SizeBand.Small, "SI", ["sl", "en"], now);
            city.AddMember(lead.Id, OrganisationRole.Administrator, now);
            db.Add(city);
            await db.SaveChangesAsync();
            var process = Process.Start(city.Id, new ProcessContent("The village square", "Nobody agrees what the square is for.", "Find common ground.", "en", "Lena Lead", "", ""), ProcessVisibility.Public, now);
            process.Join(lead.Id, ProcessRole.Owner, now);
            db.Add(process);
            await db.SaveChangesAsync();
            var conversation = Conversation.Start(city.Id, process.Id, new ConversationSettings("What should the village square be for?", "",
                ConversationAccess.Link, true, StatementModeration.Post, 280, AskImportance: true), now);
            db.Add(conversation);
            await db.SaveChangesAsync();
            db.Add(ConversationQuestion.For(conversation.Id, 0, new QuestionDraft("Age group", ["16–34", "35–64", "65 or older"], [28m, 50m, 22m])));
            db.Add(ConversationQuestion.For(conversation.Id, 1, new QuestionDraft("Where do you live?", ["In the village", "Elsewhere"], [null, null])));
            db.AddRange(Enumerable.Range(1, 6).Select(i => ConversationStatement.ByTheTeam(conversation, $"Statement {i}: the square should have more {Things[i - 1]}.", true, now)));
            await db.SaveChangesAsync();
            return conversation.Id;
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

        await page.GotoAsync($"/conversations/{conversationId}");
        await CheckAsync();
        for (var i = 0; i < TakePartModel.AskAfterVotes; i++)
        {
            if (i == 0)
            {
                await page.GetByRole(AriaRole.Checkbox, new() { Name = "Important to me" }).CheckAsync();
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Agree", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".step-count")).ToContainTextAsync($"You voted on {i + 1} statement");
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "A few questions about you" })).ToBeVisibleAsync();
        await CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Age group" }).GetByRole(AriaRole.Radio, new() { Name = "35–64" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement-text")).ToBeVisibleAsync();
        await CheckAsync();

        var answers = await app.WithDbAsync(db => Task.FromResult(db.Set<ConversationAnswer>().Where(a => a.ConversationId == conversationId).OrderBy(a => a.QuestionId).Select(a => a.Option).ToList()));
        Assert.Equal([1, null], answers);
        var important = await app.WithDbAsync(db => Task.FromResult(db.Set<ConversationVote>().Count(v => v.ConversationId == conversationId && v.Important)));
        Assert.Equal(1, important);

        await page.GotoAsync($"/conversations/{conversationId}/report");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who took part" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#important-table")).ToContainTextAsync("1 person");
        await CheckAsync();
        await phone.CloseAsync();
    }

    private static readonly string[] Things = ["trees", "benches", "market stalls", "shade", "play areas", "lights"];
}
