using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>After voting: the receipt and the change code, shown this once (the change code is stored only as a hash).</summary>
public sealed class VotedModel(BudgetAccess access) : PageModel
{
    public Budget Budget { get; private set; } = null!;
    public string? Receipt { get; private set; }
    public string? ChangeCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, User, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        Budget = target.Budget;
        Receipt = TempData[VoteModel.ReceiptKey] as string;
        ChangeCode = TempData[VoteModel.ChangeCodeKey] as string;
        // The page must not be kept by a shared computer's browser cache or a proxy.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
