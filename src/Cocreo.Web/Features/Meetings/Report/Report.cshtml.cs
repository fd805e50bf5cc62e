using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Meetings.Report;

/// <summary>The meeting's published report, for whoever may see the meeting; before it is published, it says so (and links its organisers to the draft).</summary>
public sealed class ReportModel(MeetingAccessReader meetings, MeetingReports reports) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public MeetingReport? Report { get; private set; }

    public bool Organises => View.Can(MeetingAction.Organise);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, MeetingAction.View, cancellationToken);
        Report = await reports.FindAsync(id, cancellationToken);
        return Page();
    }
}
