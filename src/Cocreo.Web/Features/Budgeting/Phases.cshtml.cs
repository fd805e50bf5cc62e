using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team plans the budget's phases, moves it on, and counts and publishes the results.</summary>
[Authorize]
public sealed class PhasesModel(BudgetAccess access, BudgetPhases phases, ResultsPublication publication, IStringLocalizer<BudgetingText> t) : PageModel
{
    [BindProperty]
    public List<PhasePlan> Plans { get; set; } = [];

    public Budget Budget { get; private set; } = null!;

    public sealed class PhasePlan
    {
        public BudgetPhase Phase { get; set; }

        [DataType(DataType.Date)]
        public DateOnly? PlannedStart { get; set; }

        [DataType(DataType.Date)]
        public DateOnly? PlannedEnd { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is null)
        {
            Plans = Budget.Phases.OrderBy(p => p.Phase).Select(p => new PhasePlan { Phase = p.Phase, PlannedStart = p.PlannedStart, PlannedEnd = p.PlannedEnd }).ToList();
        }
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(int id, CancellationToken cancellationToken)
    {
        if (Plans.Any(p => !Enum.IsDefined(p.Phase)))
        {
            return BadRequest();
        }
        var change = await phases.PlanAsync(id, Plans.Select(p => (p.Phase, p.PlannedStart, p.PlannedEnd)).ToList(), User, cancellationToken);
        return Outcome(id, change, t["The plan was saved and logged."]);
    }

    /// <summary>The form names the phase it was shown in, so a repeated click cannot skip one.</summary>
    public async Task<IActionResult> OnPostAdvanceAsync(int id, BudgetPhase from, CancellationToken cancellationToken)
    {
        var change = await phases.AdvanceAsync(id, from, User, cancellationToken);
        return Outcome(id, change, change.To is { } to ? t["The budget moved to the phase: {0}.", BudgetNames.Phase(t, to)].Value : null);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        var change = await publication.PublishAsync(id, User, cancellationToken);
        if (change.To is not null && change.Problem is null && !change.Denied && !change.NotFound)
        {
            TempData["Status"] = t["The votes were counted and the results published."].Value;
            return Redirect($"/budgets/{id}/results");
        }
        return Outcome(id, change, null);
    }

    private IActionResult Outcome(int id, PhaseChange change, string? done)
    {
        if (change.NotFound)
        {
            return NotFound();
        }
        if (change.Denied)
        {
            return this.Denied();
        }
        TempData["Status"] = change.Problem is { } problem ? t[BudgetRules.Message(problem)].Value : done;
        return Redirect($"/budgets/{id}/phases");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
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
