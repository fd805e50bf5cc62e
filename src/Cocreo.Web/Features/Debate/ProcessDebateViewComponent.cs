using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Debate;

/// <summary>The debate on a process's problem and purpose, on the process page (its forms post to the debate's own page).</summary>
public sealed class ProcessDebateViewComponent(DebateTargetDirectory targets, DebateThreads threads) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ProcessView process)
    {
        var subject = await targets.ReadAsync(DebateKinds.Process, process.Process.Id, HttpContext.User, HttpContext.RequestAborted);
        var page = await threads.ReadAsync(subject, DebateSort.Oldest, null, null, HttpContext.RequestAborted);
        var link = $"/debate/{DebateKinds.Process}/{process.Process.Id}";
        return View("/Features/Debate/_ProcessDebate.cshtml", new DebateView(page, link, link));
    }
}
