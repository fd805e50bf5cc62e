using Cocreo.Web.Features.Meetings.RunSheets;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Meetings.OpenSpace;

/// <summary>The link to the meeting's Open Space grid, on the meeting page, when its run sheet has one.</summary>
public sealed class GridLinkViewComponent(RunSheetStore sheets) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int meetingId)
    {
        var sheet = await sheets.FindAsync(meetingId, HttpContext.RequestAborted);
        return sheet?.Grid is null ? Content("") : View("/Features/Meetings/OpenSpace/_GridLink.cshtml", meetingId);
    }
}
