using Cocreo.Web.Features.Debate;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// What a page of an amendable thing shows of its amendments: a page of the list with each one's diff (<see cref="Next"/>:
/// the link to the next page, null on the last; <see cref="Paged"/>: this is not the first), the link to propose one, its versions.
/// </summary>
public sealed record AmendmentsSection(AmendableSubject Subject, IReadOnlyList<AmendmentView> Amendments, int Versions, Amendment? CameFrom)
{
    public string? Next { get; init; }

    public bool Paged { get; init; }
}

/// <summary>
/// The amendments of an amendable thing on its page (a proposal of a process, a text section):
/// <c>@await Component.InvokeAsync(typeof(AmendmentsViewComponent), new { kind, id })</c>. Paged by keyset: the page's
/// query <c>?amendments=CURSOR</c> (a link, no script needed) shows the amendments after it.
/// </summary>
public sealed class AmendmentsViewComponent(AmendmentTargetDirectory targets, AmendmentList list, TextVersions versions) : ViewComponent
{
    /// <summary>The query parameter of the page's URL that carries the cursor.</summary>
    public const string Query = "amendments";

    public async Task<IViewComponentResult> InvokeAsync(string kind, int id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var subject = await targets.ReadAsync(kind, id, HttpContext.User, cancellationToken);
        var after = HttpContext.Request.Query[Query].FirstOrDefault();
        AmendmentPage page;
        try
        {
            page = await list.PageAsync(subject, string.IsNullOrEmpty(after) ? null : after, cancellationToken);
        }
        catch (Platform.Changes.RefusedException)
        {
            // A link that was tampered with shows the first page rather than failing the whole page it sits in.
            (page, after) = (await list.PageAsync(subject, null, cancellationToken), null);
        }
        var cameFrom = await list.PromotedIntoAsync(id, cancellationToken);
        var path = HttpContext.Request.Path.Value ?? subject.Link;
        return View("/Features/Amendments/_Amendments.cshtml", new AmendmentsSection(subject, page.Items, await versions.CurrentAsync(kind, id, cancellationToken), cameFrom)
        {
            Next = page.Next is null ? null : $"{path}?{Query}={Uri.EscapeDataString(page.Next)}#amendments-heading",
            Paged = !string.IsNullOrEmpty(after),
        });
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
