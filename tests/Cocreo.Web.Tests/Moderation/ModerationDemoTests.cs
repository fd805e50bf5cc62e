using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Moderation;

/// <summary>A newcomer to the demo city sees moderation at work: a comment hidden with its reason, and one reported, waiting for the team.</summary>
public sealed class ModerationDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_demo_budget_has_a_hidden_comment_and_a_reported_one_in_the_queue()
    {
        var (processId, hiddenProposal) = await app.WithDbAsync(async db =>
        {
            var process = await db.Set<Process>().SingleAsync(p => p.Title == "Participatory budget 2027");
            var hidden = await db.Set<ModerationCase>().SingleAsync(c => c.ProcessId == process.Id && c.State == ModerationState.Hidden);
            var proposal = await db.Set<Cocreo.Web.Features.Debate.Comment>().Where(c => c.Id == hidden.ItemId).Select(c => c.TargetId).SingleAsync();
            return (process.Id, proposal);
        });
        var anonymous = app.NewClient();
        var page = await anonymous.GetOkPageAsync($"/proposals/{hiddenProposal}");
        Assert.Contains("Hidden by the moderators: Advertising for a shop", page.QuerySelector("#comments ~ .debate-threads .comment.is-hidden")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("garden furniture", page.Body!.TextContent, StringComparison.Ordinal);

        var admin = await app.SignedInClientAsync(await app.CreateUserAsync("Demo Admin", platformAdmin: true));
        var queue = await admin.GetOkPageAsync($"/processes/{processId}/moderation");
        var waiting = Assert.Single(queue.QuerySelectorAll("#waiting ~ .moderation-item:not(#hidden ~ *)"));
        Assert.Contains("2 reports", waiting.TextContent, StringComparison.Ordinal);
        Assert.Contains("It insults the people of a whole district.", waiting.TextContent, StringComparison.Ordinal);
        Assert.Contains("Moderation (1 item waits)", (await admin.GetOkPageAsync($"/processes/{processId}")).Body!.TextContent, StringComparison.Ordinal);
    }
}
