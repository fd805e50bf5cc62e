using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// Anyone with a receipt checks that its ballot is in the ballot box or was counted. The choices are never shown:
/// a receipt proves inclusion, nothing more, so a voter cannot sell a proof of how they voted.
/// </summary>
[EnableRateLimiting(BudgetingCapability.BallotLimit)]
public sealed class ReceiptModel(BudgetAccess access, Voting voting, IStringLocalizer<BudgetingText> t) : PageModel
{
    public Budget Budget { get; private set; } = null!;
    public ReceiptState? Found { get; private set; }

    /// <summary>Sent in the body, never in the address, so it stays out of histories and server logs.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Enter the receipt.")]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var found = await voting.FindReceiptAsync(id, Code, cancellationToken);
        if (found == ReceiptState.NotFound)
        {
            ModelState.AddModelError(nameof(Code), t["No ballot in this budget has this receipt. Check the receipt (dashes and spaces do not matter)."]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Found = found;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, User, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        Budget = target.Budget;
        return null;
    }
}
