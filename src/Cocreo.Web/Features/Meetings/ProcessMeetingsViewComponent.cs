using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Meetings;

/// <summary>The link to a process's meetings, on the process page.</summary>
public sealed class ProcessMeetingsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(ProcessView process) => View("/Features/Meetings/_ProcessLink.cshtml", process.Process.Id);
}
