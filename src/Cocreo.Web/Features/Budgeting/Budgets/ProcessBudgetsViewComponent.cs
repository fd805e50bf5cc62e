using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The budgets of a process, in a section of the process page (with a link to them even when there are none).</summary>
public sealed class ProcessBudgetsViewComponent(CocreoDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ProcessView process) =>
        View("/Features/Budgeting/Budgets/_ProcessBudgets.cshtml", (process.Process.Id, await BudgetsModel.ListAsync(db, process.Process.Id, HttpContext.RequestAborted)));
}
