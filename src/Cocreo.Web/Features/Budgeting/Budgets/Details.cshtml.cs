using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The public page of a budget: its money, phases, ballot and counting rule, and what one can do now.</summary>
public sealed class DetailsModel(CocreoDbContext db, BudgetAccess access) : PageModel
{
    public BudgetTarget Target { get; private set; } = null!;
    public Budget Budget => Target.Budget;
    public int ProposalCount { get; private set; }
    public int FeasibleCount { get; private set; }

    public bool Can(BudgetAction action) => Target.Allows(action);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, User, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        Target = target;
        var statuses = await db.Set<Proposal>().AsNoTracking().Where(p => p.BudgetId == id).Select(p => p.Status).ToListAsync(cancellationToken);
        ProposalCount = statuses.Count(s => s != ProposalStatus.Merged);
        FeasibleCount = statuses.Count(s => s == ProposalStatus.Feasible);
        return Page();
    }
}
