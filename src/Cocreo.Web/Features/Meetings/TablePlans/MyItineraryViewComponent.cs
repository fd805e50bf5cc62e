using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>On the meeting's page: the signed-in person's own tables, round by round (nobody else's).</summary>
public sealed class MyItineraryViewComponent(TablePlanReader plans) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int meetingId)
    {
        var stops = await plans.ItineraryAsync(meetingId, UserClaimsPrincipal.UserId(), HttpContext.RequestAborted);
        return stops is null ? Content("") : View("/Features/Meetings/TablePlans/_MyItinerary.cshtml", stops);
    }
}
