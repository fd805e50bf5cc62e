using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The published results: every project funded or not and why, the comparison with greedy counting, the files.</summary>
public sealed class ResultsModel(BudgetAccess access, PublishedResults results, BallotTitles titles) : PageModel
{
    public BudgetTarget Target { get; private set; } = null!;
    public BudgetResult? Result { get; private set; }
    public ResultsDocument? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, User, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        Target = target;
        if (await results.FindAsync(id, cancellationToken) is { } published)
        {
            // The record keeps the ballot's original titles; the page shows the reader's translation of each.
            (Result, Document) = (published.Result, await titles.LocalizeAsync(id, published.Document, Platform.Localization.Cultures.Current, cancellationToken));
        }
        return Page();
    }
}
