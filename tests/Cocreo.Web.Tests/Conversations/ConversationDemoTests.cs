using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>A newcomer to the demo city finds a conversation with 20 statements, 200 participants and a map with groups.</summary>
public sealed class ConversationDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    private const string OldTown = "What should the old town's streets be like in five years?";

    [Fact]
    public async Task The_demo_conversation_shows_groups_of_opinion_and_common_ground()
    {
        var conversation = await app.WithDbAsync(db => db.Set<Conversation>().SingleAsync(c => c.IsDemo && c.Question == OldTown));
        Assert.Equal(20, await app.WithDbAsync(db => db.Set<ConversationStatement>().CountAsync(s => s.ConversationId == conversation.Id)));
        Assert.Equal(200, await app.WithDbAsync(db => db.Set<ConversationParticipant>().CountAsync(p => p.ConversationId == conversation.Id)));
        var visitor = app.NewClient();
        var map = await visitor.GetOkPageAsync($"/conversations/{conversation.Id}/map");
        var text = map.Body!.TextContent;
        Assert.Contains("Group A", text, StringComparison.Ordinal);
        Assert.Contains("Group B", text, StringComparison.Ordinal);
        Assert.Contains("agrees most with", text, StringComparison.Ordinal);
        Assert.NotNull(map.QuerySelector("svg[role='img'] desc"));
        var page = await visitor.GetOkPageAsync($"/conversations/{conversation.Id}");
        Assert.Contains("The main square needs more benches and shade trees.", page.QuerySelector("#statement-text")!.TextContent, StringComparison.Ordinal);
        var list = await visitor.GetOkPageAsync($"/processes/{conversation.ProcessId}/conversations");
        Assert.Contains(conversation.Question, list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_report_shows_who_took_part_against_the_population_and_what_people_marked_important()
    {
        var conversation = await app.WithDbAsync(db => db.Set<Conversation>().SingleAsync(c => c.IsDemo && c.Question == OldTown));
        Assert.True(conversation.AskImportance);
        var answered = await app.WithDbAsync(db => db.Set<ConversationAnswer>().Where(a => a.ConversationId == conversation.Id).Select(a => a.ParticipantId).Distinct().CountAsync());
        Assert.InRange(answered, 120, 180);
        var report = await app.NewClient().GetOkPageAsync($"/conversations/{conversation.Id}/report");
        var representativeness = report.QuerySelector("#representativeness")!;
        Assert.Contains("Age group", representativeness.TextContent, StringComparison.Ordinal);
        Assert.Contains("Where do you live?", representativeness.TextContent, StringComparison.Ordinal);
        Assert.NotNull(representativeness.QuerySelector("svg"));
        // A question is broken down by group of opinion (every cell has at least 5 people).
        Assert.NotNull(representativeness.QuerySelector("table.representation-groups"));
        Assert.NotEmpty(report.QuerySelectorAll("#important-table tbody tr"));
    }

    [Fact]
    public async Task The_demo_conversation_has_a_Slovenian_translation_by_the_team()
    {
        var conversation = await app.WithDbAsync(db => db.Set<Conversation>().SingleAsync(c => c.IsDemo && c.Question == OldTown));
        var visitor = app.NewClient();
        var slovenian = await visitor.GetOkPageAsync($"/conversations/{conversation.Id}?culture=sl");
        var h1 = slovenian.QuerySelector("h1")!;
        Assert.Equal(("Kakšne naj bodo ulice starega mestnega jedra čez pet let?", "sl"), (h1.TextContent, h1.GetAttribute("lang")));
        Assert.Equal("en", slovenian.QuerySelector("#statement-text")!.GetAttribute("lang"));
        var report = await visitor.GetOkPageAsync($"/conversations/{conversation.Id}/report?culture=sl");
        Assert.Contains("Starostna skupina", report.QuerySelector("#representativeness")!.TextContent, StringComparison.Ordinal);
        var english = await visitor.GetOkPageAsync($"/conversations/{conversation.Id}?culture=en");
        Assert.Equal(OldTown, english.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_demo_has_an_imported_conversation_with_a_statement_that_became_a_proposal_linked_both_ways()
    {
        var imported = await app.WithDbAsync(db => db.Set<Conversation>().SingleAsync(c => c.IsDemo && c.Question == "What should the Vrtača district budget pay for?"));
        Assert.Equal(13, await app.WithDbAsync(db => db.Set<ConversationStatement>().CountAsync(s => s.ConversationId == imported.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ConversationStatement>().CountAsync(s => s.ConversationId == imported.Id && s.Status == StatementStatus.Rejected)));
        Assert.InRange(await app.WithDbAsync(db => db.Set<ConversationVote>().CountAsync(v => v.ConversationId == imported.Id)), 400, 500);
        var log = await ConversationSteps.LogActionsAsync(app, imported.ProcessId);
        Assert.Contains("conversation.imported", log);
        Assert.Contains("statement.proposed", log);

        var visitor = app.NewClient();
        var map = await visitor.GetOkPageAsync($"/conversations/{imported.Id}/map");
        var link = map.QuerySelector("#proposals a")!;
        Assert.Equal("Trees along the main road", link.TextContent);
        var proposal = await visitor.GetOkPageAsync(link.GetAttribute("href")!);
        var back = proposal.QuerySelectorAll("a").FirstOrDefault(a => (a.GetAttribute("href") ?? "").StartsWith($"/conversations/{imported.Id}/map#proposal-from-", StringComparison.Ordinal));
        Assert.NotNull(back);
    }
}
