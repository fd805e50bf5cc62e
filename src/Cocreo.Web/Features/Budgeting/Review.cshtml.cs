using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>Staff review a proposal (feasible or not, with a public reason and the final cost) or merge it into another.</summary>
[Authorize]
public sealed class ReviewModel(CocreoDbContext db, BudgetAccess access, ProcessLog log, TimeProvider clock, IStringLocalizer<BudgetingText> t) : PageModel
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
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is null)
        {
            Input = new ReviewForm
            {
                Feasible = Proposal.Status != ProposalStatus.Unfeasible,
                Reason = Proposal.ReviewReason,
                FinalCost = MoneyInput.Format(Proposal.Cost),
            };
        }
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        ModelState.Remove(nameof(MergeInto));
        if (Input.Feasible && MoneyInput.Parse(Input.FinalCost) is null)
        {
            ModelState.AddModelError("Input.FinalCost", t[BudgetRules.Message("FinalCostMissing")]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        string? problem = null;
        await db.RetryOnConflictAsync(async ct =>
        {
            var (proposal, target) = (await access.ForProposalAsync(id, User, forChange: true, ct))!.Value;
            try
            {
                proposal.Review(target.Budget, Input.Feasible, Input.Reason ?? "", Input.Feasible ? MoneyInput.Parse(Input.FinalCost) : null, clock.GetUtcNow().UtcDateTime);
            }
            catch (BudgetRuleException rule)
            {
                problem = rule.Code;
                return 0;
            }
            log.Append(target.Process, await LegacyChanges.ActorAsync(db, target.Process, User, ct), "proposal.reviewed", new
            {
                budget = target.Budget.Id,
                proposal = proposal.Number,
                title = proposal.Title,
                feasible = Input.Feasible,
                reason = proposal.ReviewReason,
                finalCost = proposal.FinalCost,
            });
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError(problem.StartsWith("FinalCost", StringComparison.Ordinal) ? "Input.FinalCost" : "", t[BudgetRules.Message(problem)]);
            return Page();
        }
        TempData["Status"] = t["The review was published and logged."].Value;
        return Redirect($"/budgets/{Budget.Id}/proposals");
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (MergeInto is null)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(MergeInto), t["Choose the proposal to merge into."]);
            return Page();
        }
        string? problem = null;
        var carried = 0;
        await db.RetryOnConflictAsync(async ct =>
        {
            var (duplicate, target) = (await access.ForProposalAsync(id, User, forChange: true, ct))!.Value;
            var original = await db.Set<Proposal>().SingleOrDefaultAsync(p => p.Id == MergeInto, ct);
            try
            {
                duplicate.MergeInto(original ?? throw new BudgetRuleException("CannotMerge"), target.Budget);
            }
            catch (BudgetRuleException rule)
            {
                problem = rule.Code;
                return 0;
            }
            // Supporters of the duplicate now support the original, once each.
            var supports = await db.Set<ProposalSupport>().Where(s => s.ProposalId == duplicate.Id).ToListAsync(ct);
            var already = await db.Set<ProposalSupport>().Where(s => s.ProposalId == original.Id).Select(s => s.UserId).ToListAsync(ct);
            carried = 0;
            foreach (var support in supports)
            {
                if (!already.Contains(support.UserId))
                {
                    db.Add(new ProposalSupport { ProposalId = original.Id, UserId = support.UserId });
                    carried++;
                }
                db.Remove(support);
            }
            log.Append(target.Process, await LegacyChanges.ActorAsync(db, target.Process, User, ct), "proposal.merged", new
            {
                budget = target.Budget.Id,
                duplicate = duplicate.Number,
                into = original.Number,
                supportsCarriedOver = carried,
            });
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        if (problem is not null)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(MergeInto), t[BudgetRules.Message(problem)]);
            return Page();
        }
        TempData["Status"] = t["The proposals were merged; {0} supports were carried over.", carried].Value;
        return Redirect($"/proposals/{MergeInto}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await access.ForProposalAsync(id, User, forChange: false, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        (Proposal, var target) = found.Value;
        Budget = target.Budget;
        Others = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.BudgetId == Budget.Id && p.Id != id && p.Status != ProposalStatus.Merged)
            .OrderBy(p => p.Number).ToListAsync(cancellationToken);
        return target.Allows(BudgetAction.Review) ? null : this.Denied();
    }
}
