using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>A journey map as everyone sees it: the service, its stages and touchpoints, and how to take part.</summary>
public sealed class DetailsModel(JourneyDirectory directory) : PageModel
{
    public JourneyView Journey { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (journey, refusal) = await directory.LoadAsync(this, id, JourneyAction.View, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Journey = journey!;
        return Page();
    }
}
