using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>A journey map as everyone sees it: the service, its stages and touchpoints, and how to take part.</summary>
public sealed class DetailsModel(JourneyAccessReader journeys) : JourneyPage(journeys)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await OpenAsync(id, JourneyAction.View, cancellationToken);
        return Page();
    }
}
