using Cocreo.Web.Features.Commitments;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Commitments;

/// <summary>A newcomer to the demo city sees the library renewal's commitments: one in progress with its taskholder, one delayed with its reason.</summary>
public sealed class CommitmentDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_library_renewal_shows_its_commitments_and_where_they_stand()
    {
        var (processId, delayed) = await app.WithDbAsync(async db =>
        {
            var commitments = await db.Set<Commitment>().AsNoTracking().ToListAsync();
            Assert.Equal(2, commitments.Count);
            return (commitments[0].ProcessId, commitments.Single(c => c.Status == CommitmentStatus.Delayed));
        });
        var anonymous = app.NewClient();
        Assert.Contains((await anonymous.GetOkPageAsync($"/processes/{processId}")).QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/processes/{processId}/commitments");
        var list = (await anonymous.GetOkPageAsync($"/processes/{processId}/commitments")).Body!.TextContent;
        Assert.Contains("2 commitments", list, StringComparison.Ordinal);
        Assert.Contains("Open until 21:00 on weekdays", list, StringComparison.Ordinal);
        Assert.Contains("In progress", list, StringComparison.Ordinal);
        var page = await anonymous.GetOkPageAsync($"/processes/{processId}/commitments/{delayed.Id}");
        Assert.Contains("second exit", page.QuerySelector("#commitment-status")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(delayed.OriginalDeadline, delayed.Deadline);
        var slovenian = (await anonymous.GetOkPageAsync($"/processes/{processId}/commitments?culture=sl")).Body!.TextContent;
        Assert.Contains("2 zavezi", slovenian, StringComparison.Ordinal);
    }
}
