using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The funded projects of a budget as they are built: status, progress and the latest update of each.</summary>
public sealed class ImplementationModel(CocreoDbContext db, BudgetAccess access) : PageModel
{
    public BudgetTarget Target { get; private set; } = null!;
    public List<Proposal> Projects { get; private set; } = [];

    public static ProgressUpdate? Latest(Proposal project) => project.Updates.OrderByDescending(u => u.PostedAt).FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, User, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        Target = target;
        Projects = await db.Set<Proposal>().AsNoTracking().Include(p => p.Updates)
            .Where(p => p.BudgetId == id && p.Funded).OrderBy(p => p.Number).ToListAsync(cancellationToken);
        return Page();
    }
}
