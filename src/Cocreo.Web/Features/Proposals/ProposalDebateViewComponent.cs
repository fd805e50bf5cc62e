using Cocreo.Web.Features.Debate;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Proposals;

/// <summary>The debate on a proposal of a process, on its page (its forms post to the debate's own page, as the process page's do).</summary>
public sealed class ProposalDebateViewComponent(DebateTargetDirectory targets, DebateThreads threads) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int proposalId)
    {
        var subject = await targets.ReadAsync(ProcessProposalDebateTargets.DebateKind, proposalId, HttpContext.User, HttpContext.RequestAborted);
        var page = await threads.ReadAsync(subject, DebateSort.Oldest, null, null, HttpContext.RequestAborted);
        var link = $"/debate/{ProcessProposalDebateTargets.DebateKind}/{proposalId}";
        return View("/Features/Debate/_Debate.cshtml", new DebateView(page, link, link));
    }
}
