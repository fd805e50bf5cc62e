using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The participatory budgets of a process: city-wide and per district.</summary>
public sealed class BudgetsModel(CocreoDbContext db, BudgetAccess access) : PageModel
{
    public Process Process { get; private set; } = null!;
    public List<Budget> Budgets { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await access.ProcessAsync(id, User, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        Process = found.Value.Process;
        CanCreate = BudgetingPermissions.MayCreateBudget(Process, found.Value.Access);
        Budgets = await ListAsync(db, id, cancellationToken);
        return Page();
    }

    internal static async Task<List<Budget>> ListAsync(CocreoDbContext db, int processId, CancellationToken cancellationToken) =>
        (await db.Set<Budget>().AsNoTracking().Where(b => b.ProcessId == processId).ToListAsync(cancellationToken))
            .OrderBy(b => b.District.Length > 0).ThenBy(b => b.District, StringComparer.CurrentCulture).ThenBy(b => b.Id).ToList();
}
