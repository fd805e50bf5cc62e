using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>Printable table cards: one page per table with its number, its host, each round's question (when the run sheet knows it) and who sits there each round.</summary>
public sealed class CardsModel(MeetingAccessReader meetings, TablePlanReader plans) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public TablePlanView? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, MeetingAction.Organise, cancellationToken);
        Plan = await plans.ViewAsync(id, cancellationToken);
        return Page();
    }
}
