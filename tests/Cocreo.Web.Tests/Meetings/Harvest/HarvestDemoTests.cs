using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.Harvest;
using Cocreo.Web.Features.Meetings.Report;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.Harvest;

/// <summary>A newcomer to the demo city finds the past walk's harvest (each kind, some waiting) and its published report.</summary>
public sealed class HarvestDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_past_demo_meeting_has_a_harvest_of_every_kind_and_a_published_report()
    {
        var past = await app.WithDbAsync(db => db.Set<Meeting>().SingleAsync(m => m.IsDemo && m.EndsAt < DateTime.UtcNow));
        var items = await app.WithDbAsync(db => db.Set<HarvestItem>().AsNoTracking().Where(i => i.MeetingId == past.Id).ToListAsync());
        Assert.All(Enum.GetValues<HarvestKind>(), kind => Assert.True(items.Count(i => i.Kind == kind) >= 12, $"a dozen of {kind}"));
        Assert.Contains(items, i => i.Status == HarvestStatus.Pending);
        var published = items.Where(i => i.Status == HarvestStatus.Published).ToList();
        Assert.NotEmpty(published);

        var visitor = app.NewClient();
        var harvest = await visitor.GetOkPageAsync($"/meetings/{past.Id}/harvest");
        Assert.Equal(Math.Min(published.Count, HarvestLimits.PageSize), harvest.QuerySelectorAll("#harvest-live .harvest-item").Length);
        var pending = items.First(i => i.Status == HarvestStatus.Pending);
        Assert.DoesNotContain(pending.Text, harvest.Body!.TextContent, StringComparison.Ordinal);

        var report = await app.WithDbAsync(db => db.Set<MeetingReport>().AsNoTracking().SingleAsync(r => r.MeetingId == past.Id));
        Assert.True(report.IsPublished);
        var page = await visitor.GetOkPageAsync($"/meetings/{past.Id}/report");
        Assert.NotNull(page.QuerySelector("article.meeting-report h2"));
        var counts = await app.WithDbAsync(db => db.Set<MeetingRegistration>().CountAsync(r => r.MeetingId == past.Id && r.CheckedInAt != null));
        Assert.Contains($"{counts} checked in", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
