using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The budgets of a process, on the process page (it shows nothing when there are none).</summary>
public sealed class ProcessBudgetsViewComponent(CocreoDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int processId) =>
        View("/Features/Budgeting/_ProcessBudgets.cshtml", (processId, await BudgetsModel.ListAsync(db, processId, HttpContext.RequestAborted)));
}
