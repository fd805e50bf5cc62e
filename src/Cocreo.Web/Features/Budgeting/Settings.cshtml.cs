using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team changes a budget's settings; once voting opens they are locked.</summary>
[Authorize]
public sealed class SettingsModel(CocreoDbContext db, BudgetAccess access, ProcessLog log, IStringLocalizer<BudgetingText> t) : PageModel
{
    [BindProperty]
    public BudgetForm Input { get; set; } = new();

    public Budget Budget { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await RefusalAsync(id, cancellationToken);
        if (refusal is null)
        {
            Input = BudgetForm.From(Budget);
        }
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await RefusalAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var questions = Input.Validate(ModelState, t);
        if (questions is null)
        {
            return Page();
        }
        string? problem = null;
        await db.RetryOnConflictAsync(async ct =>
        {
            var target = (await access.ForChangeAsync(id, User, ct))!;
            try
            {
                target.Budget.Configure(Input.Settings());
                target.Budget.SetQuestions(questions);
            }
            catch (BudgetRuleException rule)
            {
                problem = rule.Code;
                return 0;
            }
            log.Append(target.Process, await LegacyChanges.ActorAsync(db, target.Process, User, ct), "budget.changed", CreateBudget.LogData(target.Budget));
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError("", t[BudgetRules.Message(problem)]);
            return Page();
        }
        TempData["Status"] = t["The settings were saved and logged."].Value;
        return Redirect($"/budgets/{id}");
    }

    private async Task<IActionResult?> RefusalAsync(int id, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, User, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        Budget = target.Budget;
        return target.Allows(BudgetAction.Manage) ? null : this.Denied();
    }
}
