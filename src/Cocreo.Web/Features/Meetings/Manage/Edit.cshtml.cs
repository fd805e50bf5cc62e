using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings;

/// <summary>The team changes or cancels a meeting.</summary>
public sealed class EditModel(MeetingAccessReader meetings, ChangeRunner changes, DateDisplay dates, IStringLocalizer<MeetingText> t) : PageModel
{
    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    public Meeting Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.From(Meeting, dates);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] ChangeMeeting.Handler change, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(change, new ChangeMeeting.Command(id, Input.ToDetails(dates)), cancellationToken);
        return this.Done(t["The meeting was changed."], $"/meetings/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, [FromServices] CancelMeeting.Handler cancel, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var outcome = await changes.RunAsync(cancel, new CancelMeeting.Command(id), cancellationToken);
        return this.Done(outcome.Changed ? t["The meeting is cancelled; everyone registered or waiting was told by e-mail."] : t["The meeting was already cancelled."], $"/meetings/{id}");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken) =>
        Meeting = (await meetings.ReadAsync(id, User, MeetingAction.Edit, cancellationToken)).Meeting;
}
