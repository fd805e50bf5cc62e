using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Moderation;

/// <summary>
/// The link to a process's moderation queue, with what waits there, for those who moderate it; and for everyone, the
/// link to its public moderation log once something is hidden.
/// </summary>
public sealed class ProcessModerationViewComponent(ModerationDirectory moderation) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ProcessView process)
    {
        var moderates = ModerationPermissions.Allows(ModerationAction.Moderate, process.Process, process.Access);
        var waiting = moderates ? await moderation.WaitingAsync(process.Process.Id, HttpContext.RequestAborted) : 0;
        var hidden = await moderation.HiddenAsync(process.Process.Id, HttpContext.RequestAborted);
        if (!moderates && hidden == 0)
        {
            return Content("");
        }
        return View("/Features/Moderation/_ProcessLink.cshtml", (process.Process.Id, moderates, waiting, hidden));
    }
}
