using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>Turnout per budget (district) and, for each optional question, who voted against the population.</summary>
public sealed class TurnoutPageModel(CocreoDbContext db, BudgetAccess access, TurnoutReport report) : PageModel
{
    public Process Process { get; private set; } = null!;
    public List<BudgetTurnout> Budgets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await access.ProcessAsync(id, User, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        Process = found.Value.Process;
        foreach (var budget in (await BudgetsModel.ListAsync(db, id, cancellationToken)).Where(b => b.Phase >= BudgetPhase.Results))
        {
            Budgets.Add(await report.ForBudgetAsync(budget, Platform.Localization.Cultures.Current, cancellationToken));
        }
        return Page();
    }
}
