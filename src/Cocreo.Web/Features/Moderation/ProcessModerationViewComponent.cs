using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Moderation;

/// <summary>The link to a process's moderation queue, with what waits there, for those who moderate it.</summary>
public sealed class ProcessModerationViewComponent(ModerationDirectory moderation) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ProcessView process)
    {
        if (!ModerationPermissions.Allows(ModerationAction.Moderate, process.Process, process.Access))
        {
            return Content("");
        }
        var waiting = await moderation.WaitingAsync(process.Process.Id, HttpContext.RequestAborted);
        return View("/Features/Moderation/_ProcessLink.cshtml", (process.Process.Id, waiting));
    }
}
