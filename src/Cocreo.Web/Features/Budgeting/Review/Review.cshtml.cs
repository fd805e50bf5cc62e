using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>Staff review a proposal (feasible or not, with a public reason and the final cost) or merge it into another.</summary>
[Authorize]
public sealed class ReviewModel(CocreoDbContext db, BudgetAccess access, ChangeRunner changes, IStringLocalizer<BudgetingText> t) : PageModel
{
    [BindProperty]
    public ReviewForm Input { get; set; } = new();

    [BindProperty]
    public int? MergeInto { get; set; }

    public Proposal Proposal { get; private set; } = null!;
    public Budget Budget { get; private set; } = null!;
    public List<Proposal> Others { get; private set; } = [];

    public sealed class ReviewForm
    {
        public bool Feasible { get; set; } = true;

        [Required(ErrorMessage = "Give the public reason of your decision.")]
        [StringLength(BudgetLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? Reason { get; set; }

        [RegularExpression(MoneyInput.Pattern, ErrorMessage = "Enter an amount such as 250000 or 250000.50.")]
        public string? FinalCost { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = new ReviewForm
        {
            Feasible = Proposal.Status != ProposalStatus.Unfeasible,
            Reason = Proposal.ReviewReason,
            FinalCost = MoneyInput.Format(Proposal.Cost),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, [FromServices] ReviewProposal.Handler review, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.Remove(nameof(MergeInto));
        if (Input.Feasible && MoneyInput.Parse(Input.FinalCost) is null)
        {
            ModelState.AddModelError("Input.FinalCost", t[BudgetRules.Message("FinalCostMissing")]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(review, new ReviewProposal.Command(id, Input.Feasible, Input.Reason ?? "", MoneyInput.Parse(Input.FinalCost)), cancellationToken);
        return this.Done(t["The review was published and logged."], $"/budgets/{Budget.Id}/proposals");
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, [FromServices] MergeProposal.Handler merge, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        // Only the proposal to merge into is sent; the review form's fields are not.
        ModelState.Clear();
        if (MergeInto is not { } into)
        {
            ModelState.AddModelError(nameof(MergeInto), t["Choose the proposal to merge into."]);
            return Page();
        }
        var outcome = await changes.RunAsync(merge, new MergeProposal.Command(id, into), cancellationToken);
        return this.Done(t["The proposals were merged; {0} supports were carried over.", outcome.Carried], $"/proposals/{into}");
    }

    /// <summary>What the page shows; refuses (throws) whoever may not review the proposal now.</summary>
    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        (Proposal, var target) = (await access.ForProposalAsync(id, User, cancellationToken)) ?? throw new RefusedException(Refusal.NotFound);
        Budget = target.Budget;
        Others = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.BudgetId == Budget.Id && p.Id != id && p.Status != ProposalStatus.Merged)
            .OrderBy(p => p.Number).ToListAsync(cancellationToken);
        RefusedException.Unless(target.Decide(BudgetAction.Review), target.Access.IsAuthenticated);
    }
}
