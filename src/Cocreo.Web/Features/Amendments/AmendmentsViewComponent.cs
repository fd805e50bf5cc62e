using Cocreo.Web.Features.Debate;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Amendments;

/// <summary>What a page of an amendable thing shows of its amendments: the list with each one's diff, the link to propose one, its versions.</summary>
public sealed record AmendmentsSection(AmendableSubject Subject, IReadOnlyList<AmendmentView> Amendments, int Versions, Amendment? CameFrom);

/// <summary>The amendments of an amendable thing on its page (a proposal of a process): <c>@await Component.InvokeAsync(typeof(AmendmentsViewComponent), new { kind, id })</c>.</summary>
public sealed class AmendmentsViewComponent(AmendmentTargetDirectory targets, AmendmentList list, TextVersions versions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string kind, int id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var subject = await targets.ReadAsync(kind, id, HttpContext.User, cancellationToken);
        var amendments = await list.OfAsync(subject, cancellationToken);
        var cameFrom = await list.PromotedIntoAsync(id, cancellationToken);
        return View("/Features/Amendments/_Amendments.cshtml", new AmendmentsSection(subject, amendments, await versions.CurrentAsync(kind, id, cancellationToken), cameFrom));
    }
}

/// <summary>The debate on an amendment, on its page (its forms post to the debate's own page).</summary>
public sealed class AmendmentDebateViewComponent(DebateTargetDirectory targets, DebateThreads threads) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int amendmentId)
    {
        var subject = await targets.ReadAsync(AmendmentDebateTargets.DebateKind, amendmentId, HttpContext.User, HttpContext.RequestAborted);
        var page = await threads.ReadAsync(subject, DebateSort.Oldest, null, null, HttpContext.RequestAborted);
        var link = $"/debate/{AmendmentDebateTargets.DebateKind}/{amendmentId}";
        return View("/Features/Debate/_Debate.cshtml", new DebateView(page, link, link));
    }
}
