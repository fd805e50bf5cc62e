using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team of a process creates a participatory budget in it (city-wide or for a district).</summary>
[Authorize]
public sealed class CreateBudgetModel(BudgetAccess access, ChangeRunner changes, IStringLocalizer<BudgetingText> t) : PageModel
{
    [BindProperty]
    public BudgetForm Input { get; set; } = new();

    public Process Process { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Input.SubmissionId = Guid.NewGuid();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] CreateBudget.Handler create, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var questions = Input.Validate(ModelState, t);
        if (questions is null)
        {
            return Page();
        }
        var budget = await changes.RunAsync(create, new CreateBudget.Command(id, Input.Settings(), questions, Input.SubmissionId), cancellationToken);
        return this.Done(t["The budget was created. It collects proposals now; plan its phases next."], $"/budgets/{budget}");
    }

    /// <summary>The process the page is about; refuses (throws) whoever may not create budgets in it.</summary>
    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (process, who) = (await access.ProcessAsync(id, User, cancellationToken)) ?? throw new RefusedException(Refusal.NotFound);
        Process = process;
        RefusedException.Unless(BudgetingPermissions.DecideCreate(process, who), who.IsAuthenticated);
    }
}
