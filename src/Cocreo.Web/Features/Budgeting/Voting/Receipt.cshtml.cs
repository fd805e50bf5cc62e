using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>A voter checks, with their receipt, that their ballot is recorded as they meant it and is counted.</summary>
[EnableRateLimiting(BudgetingCapability.BallotLimit)]
public sealed class ReceiptModel(BudgetAccess access, BallotPapers papers, Voting voting, IStringLocalizer<BudgetingText> t) : PageModel
{
    public Budget Budget { get; private set; } = null!;
    public BallotPaper Paper { get; private set; } = null!;
    public BallotChoice? Found { get; private set; }

    /// <summary>Sent in the body, never in the address, so it stays out of histories and server logs.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Enter the receipt code.")]
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
        var ballot = await voting.FindByReceiptAsync(id, Code, cancellationToken);
        if (ballot is null)
        {
            ModelState.AddModelError(nameof(Code), t["No ballot in this budget has this receipt. Check the code."]);
            return Page();
        }
        Found = BallotChoice.Decode(ballot.Projects, ballot.Points, ballot.Answers);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, User, cancellationToken);
        var paper = target is null ? null : await papers.ForAsync(id, cancellationToken);
        if (target is null || paper is null)
        {
            return NotFound();
        }
        (Budget, Paper) = (target.Budget, paper);
        return null;
    }
}
