using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The link to a process's user-journey maps, beside the public log's on the process page.</summary>
public sealed class ProcessJourneysViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(ProcessView process) => View("/Features/JourneyMapping/_ProcessLink.cshtml", process.Process.Id);
}
