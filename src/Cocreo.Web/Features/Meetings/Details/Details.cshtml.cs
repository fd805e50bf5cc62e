using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings;

/// <summary>A meeting's page: when and where, access, registration with needs, the person's check-in code, the calendar file.</summary>
public sealed class DetailsModel(MeetingAccessReader meetings, MeetingQueue queue, MeetingAttendance attendance, ChangeRunner changes, PublicLinks links, IStringLocalizer<MeetingText> t) : PageModel
{
    /// <summary>How long before the start the video room's link is shown to registered people.</summary>
    public static readonly TimeSpan VideoLinkBefore = TimeSpan.FromMinutes(30);

    [BindProperty]
    public NeedsForm Needs { get; set; } = new();

    /// <summary>The answers to the meeting's attributes, one per attribute in order (empty: prefer not to say).</summary>
    [BindProperty]
    public List<string?> Answers { get; set; } = [];

    public MeetingView View { get; private set; } = null!;
    public Meeting Meeting => View.Meeting;
    public MeetingRegistration? Registration { get; private set; }
    public int? Position { get; private set; }
    public MeetingCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);
    public string? CheckInLink { get; private set; }

    public bool ShowsVideoLink => Meeting.HasVideoRoom && Registration?.Status == RegistrationStatus.Registered
        && View.Now >= Meeting.StartsAt - VideoLinkBefore && !Meeting.HasEnded(View.Now) && !Meeting.IsCancelled;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, MeetingAction.View, cancellationToken);
        if (Registration is { IsActive: true })
        {
            Needs.From(Registration.Needs);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(int id, [FromServices] RegisterForMeeting.Handler register, [FromServices] Profiles.MeetingProfiles profiles, [FromServices] Profiles.AnswerAttributes.Handler answer, CancellationToken cancellationToken)
    {
        await LoadAsync(id, MeetingAction.Register, cancellationToken);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var answers = Profiles.MeetingProfiles.CheckOrRefuse(await profiles.AttributesAsync(id, cancellationToken), Answers);
        var outcome = await changes.RunAsync(register, new RegisterForMeeting.Command(id, Needs.ToNeeds()), cancellationToken);
        await changes.RunAsync(answer, new Profiles.AnswerAttributes.Command(id, answers), cancellationToken);
        var message = outcome switch
        {
            { New: false } => t["Your registration was updated."],
            { Status: RegistrationStatus.Registered } => t["You are registered. Your check-in code is below; the calendar file puts the meeting in your calendar."],
            _ => t["The meeting is full: you are on the waiting list, number {0} in line. We will e-mail you if a place frees up.", outcome.Position ?? 1],
        };
        return this.Done(message, $"/meetings/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, [FromServices] CancelRegistration.Handler cancel, CancellationToken cancellationToken)
    {
        await LoadAsync(id, MeetingAction.View, cancellationToken);
        var outcome = await changes.RunAsync(cancel, new CancelRegistration.Command(id), cancellationToken);
        return this.Done(outcome.Changed ? t["Your registration is cancelled, and your needs were deleted."] : t["You had no registration to cancel."], $"/meetings/{id}");
    }

    private async Task LoadAsync(int id, MeetingAction action, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, action, cancellationToken);
        Registration = await meetings.RegistrationOfAsync(id, User.UserId(), cancellationToken);
        Position = Registration is null ? null : await queue.PositionAsync(Registration, cancellationToken);
        Counts = await attendance.CountAsync(id, cancellationToken);
        if (Registration is { Status: RegistrationStatus.Registered })
        {
            CheckInLink = links.To($"/meetings/{id}/attendance?code={Registration.Code}");
        }
    }
}
