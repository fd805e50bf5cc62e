using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.RunSheets;

/// <summary>A newcomer to the demo city finds the residents' evening run as a World Café, on its projector view.</summary>
public sealed class RunSheetDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_upcoming_demo_meeting_has_a_world_cafe_run_sheet_on_its_projector_view()
    {
        var upcoming = await app.WithDbAsync(db => db.Set<Meeting>().Where(m => m.IsDemo).ToListAsync());
        var meeting = Assert.Single(upcoming, m => m.StartsAt > DateTime.UtcNow && m.Title != Cocreo.Web.Features.Meetings.TablePlans.TablePlanDemo.Title);
        var sheet = await RunSheetSteps.SheetAsync(app, meeting.Id);

        Assert.NotNull(sheet);
        Assert.Equal(MeetingFormat.WorldCafe, sheet.Format);
        Assert.Equal(3, sheet.Blocks.Count(b => b.Kind == BlockKind.Round));
        Assert.All(sheet.Blocks.Where(b => b.Kind == BlockKind.Round), b => Assert.False(string.IsNullOrEmpty(b.RoundQuestion)));
        var projector = await app.NewClient().GetOkPageAsync($"/meetings/{meeting.Id}/now");
        Assert.Contains(sheet.Blocks[0].Title, projector.QuerySelector(".now-next")!.TextContent, StringComparison.Ordinal);
    }
}
