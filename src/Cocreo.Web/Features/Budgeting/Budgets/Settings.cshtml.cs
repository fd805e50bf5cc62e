using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team changes a budget's settings; once voting opens they are locked.</summary>
[Authorize]
public sealed class SettingsModel(BudgetAccess access, ChangeRunner changes, IStringLocalizer<BudgetingText> t) : PageModel
{
    [BindProperty]
    public BudgetForm Input { get; set; } = new();

    public Budget Budget { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Budget = (await access.ReadAsync(id, User, BudgetAction.Manage, cancellationToken)).Budget;
        Input = BudgetForm.From(Budget);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] ChangeBudgetSettings.Handler change, CancellationToken cancellationToken)
    {
        Budget = (await access.ReadAsync(id, User, BudgetAction.Manage, cancellationToken)).Budget;
        var questions = Input.Validate(ModelState, t);
        if (questions is null)
        {
            return Page();
        }
        await changes.RunAsync(change, new ChangeBudgetSettings.Command(id, Input.Settings(), questions), cancellationToken);
        return this.Done(t["The settings were saved and logged."], $"/budgets/{id}");
    }
}
