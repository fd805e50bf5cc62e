using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// The versions of an amendable text (each with when, by whom or through which amendment) and the word-level
/// comparison of any two (<c>?from=&amp;to=</c>; by default the last change).
/// </summary>
public sealed class VersionsModel(VersionHistory history, AmendmentList list) : PageModel
{
    public AmendableSubject Subject { get; private set; } = null!;
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];

    public VersionView? From { get; private set; }
    public VersionView? To { get; private set; }

    public IReadOnlyList<DiffRun> TitleDiff => TextDiff.Diff(From?.Title, To?.Title);
    public IReadOnlyList<DiffRun> BodyDiff => TextDiff.Diff(From?.Body, To?.Body);

    public async Task<IActionResult> OnGetAsync(string kind, int targetId, int? from, int? to, CancellationToken cancellationToken)
    {
        (Subject, Versions) = await history.ReadAsync(kind, targetId, User, cancellationToken);
        Names = await list.NamesAsync(Versions.Select(v => v.ByUserId ?? "").ToList(), cancellationToken);
        var last = Versions[^1].Number;
        var (f, t) = (from ?? Math.Max(1, last - 1), to ?? last);
        From = Versions.FirstOrDefault(v => v.Number == f);
        To = Versions.FirstOrDefault(v => v.Number == t);
        if (From is null || To is null)
        {
            ModelState.AddModelError(From is null ? "from" : "to", "There is no such version.");
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        return Page();
    }
}
