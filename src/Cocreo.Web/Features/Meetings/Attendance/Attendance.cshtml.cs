using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings;

/// <summary>
/// The organisers' page at the door: the counts, check-in by code (a scanned QR code opens this page with the code
/// filled in) or from the searchable list, walk-ins, everyone's needs, and recording the attendance in the log.
/// </summary>
public sealed class AttendanceModel(MeetingAccessReader meetings, MeetingAttendance attendance, ChangeRunner changes, DateDisplay dates, IStringLocalizer<MeetingText> t) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public MeetingCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);
    public List<AttendeeRow> People { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckInAsync(int id, string? code, int? registrationId, [FromServices] CheckIn.Handler checkIn, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var outcome = await changes.RunAsync(checkIn, new CheckIn.Command(id, code, registrationId), cancellationToken);
        var who = outcome.Who.Length > 0 ? outcome.Who : t["A walk-in"].Value;
        var message = outcome.Changed
            ? t["{0} is checked in.", who]
            : t["This code was used already: {0} was checked in at {1}.", who, dates.Show(outcome.CheckedInAt, "t")];
        return this.Done(message, $"/meetings/{id}/attendance{(Search is { Length: > 0 } s ? "?search=" + Uri.EscapeDataString(s) : "")}");
    }

    public async Task<IActionResult> OnPostWalkInAsync(int id, string? walkInName, List<string?>? answers, [FromServices] AddWalkIn.Handler walkIn, [FromServices] Profiles.MeetingProfiles profiles, [FromServices] Profiles.AnswerForWalkIn.Handler answer, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var checkedAnswers = Profiles.MeetingProfiles.CheckOrRefuse(await profiles.AttributesAsync(id, cancellationToken), answers);
        var walkInId = await changes.RunAsync(walkIn, new AddWalkIn.Command(id, walkInName), cancellationToken);
        await changes.RunAsync(answer, new Profiles.AnswerForWalkIn.Command(id, walkInId, checkedAnswers), cancellationToken);
        return this.Done(t["The walk-in was added and checked in."], $"/meetings/{id}/attendance");
    }

    public async Task<IActionResult> OnPostRecordAsync(int id, [FromServices] RecordAttendance.Handler record, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await changes.RunAsync(record, new RecordAttendance.Command(id), cancellationToken);
        return this.Done(t["The attendance (counts only) is in the process's public log."], $"/meetings/{id}/attendance");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, MeetingAction.Organise, cancellationToken);
        Counts = await attendance.CountAsync(id, cancellationToken);
        People = await attendance.ListAsync(id, Search, cancellationToken);
    }
}
