using Cocreo.Web.Features.Amendments;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Amendments;

/// <summary>A newcomer to the demo city finds a proposal with an accepted amendment (two versions) and an open one with supports and a comment; every page renders.</summary>
public sealed class AmendmentDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_demo_has_an_accepted_and_an_open_amendment_and_their_pages_render()
    {
        var amendments = await app.WithDbAsync(db => db.Set<Amendment>().AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        var accepted = Assert.Single(amendments, a => a.Status == AmendmentStatus.Accepted);
        var open = Assert.Single(amendments, a => a.Status == AmendmentStatus.Open);
        Assert.Equal(2, accepted.ResultVersion);
        Assert.Equal(2, open.BaseVersion);
        Assert.True(await app.WithDbAsync(db => db.Set<AmendmentSupport>().CountAsync(s => s.AmendmentId == open.Id)) >= 2);

        var client = app.NewClient();
        var proposal = await client.GetOkPageAsync($"/processes/{open.ProcessId}/proposals/{open.TargetId}");
        Assert.NotNull(proposal.QuerySelector(".amendments .text-diff ins"));
        var page = await client.GetOkPageAsync($"/amendments/{open.Id}");
        Assert.Contains("lockers", page.QuerySelector(".text-diff ins")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("coin lockers", page.QuerySelector(".debate")!.TextContent, StringComparison.Ordinal);
        var versions = await client.GetOkPageAsync($"/versions/process-proposal/{open.TargetId}");
        Assert.Contains("22:00", versions.QuerySelector(".text-diff ins")!.TextContent, StringComparison.Ordinal);
        await client.GetOkPageAsync($"/amendments/{accepted.Id}");
        await client.GetOkPageAsync($"/debate/amendment/{open.Id}");
    }
}
