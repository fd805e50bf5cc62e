using Cocreo.Web.Features.Debate;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Debate;

/// <summary>A newcomer to the demo city finds lively debates: on the library's problem and on a budget proposal, with replies, alignments and votes.</summary>
public sealed class DebateDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_demo_has_threads_with_replies_alignments_and_votes_on_a_process_and_a_proposal()
    {
        var targets = await app.WithDbAsync(db => db.Set<Comment>().GroupBy(c => new { c.TargetKind, c.TargetId })
            .Select(g => new { g.Key.TargetKind, g.Key.TargetId, Replies = g.Count(c => c.ParentId != null), Votes = g.Sum(c => c.Up + c.Down), Against = g.Count(c => c.Alignment == Alignment.Against) })
            .ToListAsync());
        var process = Assert.Single(targets, t => t.TargetKind == "process");
        Assert.True(process.Replies >= 5 && process.Votes > 20 && process.Against > 0);
        Assert.Contains(targets, t => t.TargetKind == "proposal" && t.Replies > 0 && t.Votes > 0);

        var client = app.NewClient();
        var page = await client.GetOkPageAsync($"/processes/{process.TargetId}");
        Assert.NotNull(page.QuerySelector(".debate .debate-threads .debate-replies .comment"));
        Assert.Contains("in reply to", page.QuerySelector(".debate")!.TextContent, StringComparison.Ordinal);
        var bridging = await client.GetOkPageAsync($"/debate/process/{process.TargetId}?sort=Bridging");
        Assert.Null(bridging.QuerySelector(".debate .notice"));
    }
}
