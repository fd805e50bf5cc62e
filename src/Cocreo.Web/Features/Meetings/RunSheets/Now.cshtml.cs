using Cocreo.Meetings.RunSheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>
/// The projector view: the current block with its countdown, what comes next, how late the meeting runs. Whoever may
/// see the meeting may open it (a projector is signed in as nobody); the facilitators' instructions are not on it.
/// </summary>
public sealed class RunSheetNowModel(MeetingAccessReader meetings, RunSheetStore sheets) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public RunSheet? Sheet { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, RunSheetPermissions.Projector, cancellationToken);
        Sheet = await sheets.FindAsync(id, cancellationToken);
        return Page();
    }
}
