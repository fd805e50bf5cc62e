using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.Profiles;

/// <summary>Who registered and who came, per attribute, against the population: on the attendance page (organisers only, so small counts are shown).</summary>
public sealed class MeetingTurnoutViewComponent(MeetingProfiles profiles, CocreoDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int meetingId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var attributes = await profiles.AttributesAsync(meetingId, cancellationToken);
        var answers = await profiles.AnswersAsync(meetingId, cancellationToken);
        var people = await db.Set<MeetingRegistration>().AsNoTracking().Where(r => r.MeetingId == meetingId && r.Status == RegistrationStatus.Registered)
            .Select(r => new { r.Id, r.CheckedInAt }).ToListAsync(cancellationToken);
        var rows = people.Select(p => (p.CheckedInAt is not null, answers.TryGetValue(p.Id, out var a) ? a : (IReadOnlyDictionary<string, string>)new Dictionary<string, string>())).ToList();
        return View("/Features/Meetings/Profiles/_Turnout.cshtml", (meetingId, Representativeness.Of(attributes, rows)));
    }
}
