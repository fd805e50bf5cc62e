using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.OpenSpace;
using Cocreo.Web.Tests.Fuzz;
using Cocreo.Web.Tests.Meetings.RunSheets;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.OpenSpace;

/// <summary>A newcomer to the demo city finds an Open Space running today: a grid of 3 slots × 4 spaces with residents' sessions and a report.</summary>
public sealed class OpenSpaceDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_demo_open_space_has_a_grid_with_conveners_and_a_report()
    {
        var meeting = await app.WithDbAsync(db => db.Set<Meeting>().SingleAsync(m => m.IsDemo && m.Title == OpenSpaceDemo.Title));
        var sheet = (await RunSheetSteps.SheetAsync(app, meeting.Id))!;

        Assert.Equal(MeetingFormat.OpenSpace, sheet.Format);
        Assert.Equal(3, GridCells.Slots(sheet).Count);
        Assert.Equal(4, sheet.Grid!.Spaces.Count);
        Assert.True(sheet.Grid.Sessions.Count >= 5);
        Assert.All(sheet.Grid.Sessions, s => Assert.False(string.IsNullOrEmpty(s.ConvenerId)));
        Assert.Single(sheet.Grid.Sessions, s => s.Report.Length > 0);
        Assert.Empty(RunSheetValidator.Validate(sheet));
        Assert.Equal(BlockStatus.Running, GridCells.Slots(sheet)[1].Status);

        var visitor = app.NewClient();
        Assert.Contains($"/meetings/{meeting.Id}/grid", (await visitor.GetOkPageAsync($"/meetings/{meeting.Id}")).Body!.InnerHtml, StringComparison.Ordinal);
        var grid = await visitor.GetOkPageAsync($"/meetings/{meeting.Id}/grid");
        Assert.Equal(sheet.Grid.Sessions.Count, grid.QuerySelectorAll(".os-session").Length);
        Assert.Single(grid.QuerySelectorAll(".os-has-report"));
        Assert.Equal(sheet.Grid.Sessions.Count, grid.QuerySelectorAll(".os-convener").Length);
    }
}
