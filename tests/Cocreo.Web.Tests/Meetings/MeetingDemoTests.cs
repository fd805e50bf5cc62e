using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings;

/// <summary>A newcomer to the demo city finds an upcoming meeting that is full, with a waiting list, and a past one with its check-ins.</summary>
public sealed class MeetingDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_demo_has_an_upcoming_full_meeting_and_a_past_one_with_check_ins()
    {
        var meetings = await app.WithDbAsync(db => db.Set<Meeting>().Where(m => m.IsDemo).ToListAsync());
        var upcoming = Assert.Single(meetings, m => m.StartsAt > DateTime.UtcNow && m.Title != Cocreo.Web.Features.Meetings.TablePlans.TablePlanDemo.Title);
        var past = Assert.Single(meetings, m => m.EndsAt < DateTime.UtcNow);
        var registrations = await app.WithDbAsync(db => db.Set<MeetingRegistration>().Where(r => r.MeetingId == upcoming.Id || r.MeetingId == past.Id).ToListAsync());
        Assert.Equal(upcoming.Capacity, registrations.Count(r => r.MeetingId == upcoming.Id && r.Status == RegistrationStatus.Registered));
        Assert.Equal(2, registrations.Count(r => r.MeetingId == upcoming.Id && r.Status == RegistrationStatus.Waiting));
        Assert.Contains(registrations, r => r.MeetingId == upcoming.Id && r.Needs.SignLanguage);
        Assert.Equal(7, registrations.Count(r => r.MeetingId == past.Id && r.CheckedInAt != null));

        var visitor = app.NewClient();
        Assert.Contains(upcoming.Title, (await visitor.GetOkPageAsync("/meetings")).Body!.TextContent, StringComparison.Ordinal);
        var page = await visitor.GetOkPageAsync($"/meetings/{upcoming.Id}");
        Assert.Contains("2 people waiting", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(past.Title, (await visitor.GetOkPageAsync($"/processes/{past.ProcessId}/meetings")).Body!.TextContent, StringComparison.Ordinal);
    }
}
