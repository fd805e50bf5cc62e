using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The team plans the budget's phases, moves it on, and counts and publishes the results; from voting on it shows the
/// ballots against the marked register per channel, and takes the team's decision explaining a difference.
/// </summary>
[Authorize]
public sealed class PhasesModel(BudgetAccess access, Reconciliation reconciliation, ChangeRunner changes, DateDisplay dates, IStringLocalizer<BudgetingText> t) : PageModel
{
    [BindProperty]
    public List<PhasePlan> Plans { get; set; } = [];

    public Budget Budget { get; private set; } = null!;

    /// <summary>Ballots against marked voters, once voting has opened.</summary>
    public BallotReconciliation? Numbers { get; private set; }

    /// <summary>The team's explanation of a difference (published in the log).</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public sealed class PhasePlan
    {
        public BudgetPhase Phase { get; set; }

        [DataType(DataType.Date)]
        public DateOnly? PlannedStart { get; set; }

        [DataType(DataType.Date)]
        public DateOnly? PlannedEnd { get; set; }

        /// <summary>When the budget moves into this phase by itself, on the platform's clock (the form's date and time field).</summary>
        public DateTime? MovesAt { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Plans = PlansOf(Budget);
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(int id, [FromServices] PlanBudgetPhases.Handler plan, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Plans.Any(p => !Enum.IsDefined(p.Phase)))
        {
            return BadRequest();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(plan, new PlanBudgetPhases.Command(id, Plans.Select(p => new PlanBudgetPhases.PhasePlan(p.Phase, p.PlannedStart, p.PlannedEnd,
            p.MovesAt is { } local && Budget.CanMoveBySchedule(p.Phase) ? dates.ToUtc(local) : null)).ToList()), cancellationToken);
        return this.Done(t["The plan was saved and logged."], $"/budgets/{id}/phases");
    }

    /// <summary>The form names the phase it was shown in, so a repeated click cannot skip one.</summary>
    public async Task<IActionResult> OnPostAdvanceAsync(int id, BudgetPhase from, [FromServices] AdvanceBudgetPhase.Handler advance, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Plans = PlansOf(Budget);
        var command = new AdvanceBudgetPhase.Command(id, from);
        var outcome = await changes.RunAsync(advance, command, cancellationToken);
        await advance.SettleAsync(command, outcome, cancellationToken);
        return this.Done(outcome.Moved
            ? t["The budget moved to the phase: {0}.", BudgetNames.Phase(t, outcome.Now)]
            : t["The budget had already moved on to the phase: {0}; nothing changed.", BudgetNames.Phase(t, outcome.Now)], $"/budgets/{id}/phases");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, [FromServices] PublishResults.Handler publish, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Plans = PlansOf(Budget);
        await changes.RunAsync(publish, new PublishResults.Command(id), cancellationToken);
        return this.Done(t["The votes were counted and the results published."], $"/budgets/{id}/results");
    }

    /// <summary>The form names the differences it showed; a decision never covers numbers its author did not see.</summary>
    public async Task<IActionResult> OnPostAcceptReconciliationAsync(int id, long internetDifference, long paperDifference, [FromServices] AcceptReconciliation.Handler accept, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Plans = PlansOf(Budget);
        await changes.RunAsync(accept, new AcceptReconciliation.Command(id, internetDifference, paperDifference, Reason), cancellationToken);
        return this.Done(t["The team's decision on the difference was recorded and logged."], $"/budgets/{id}/phases");
    }

    private List<PhasePlan> PlansOf(Budget budget) =>
        budget.Phases.OrderBy(p => p.Phase).Select(p => new PhasePlan
        {
            Phase = p.Phase,
            PlannedStart = p.PlannedStart,
            PlannedEnd = p.PlannedEnd,
            MovesAt = p.MovesAt is { } at ? dates.Local(at) : null,
        }).ToList();

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Budget = (await access.ReadAsync(id, User, BudgetAction.Manage, cancellationToken)).Budget;
        Numbers = Budget.IsLocked ? await reconciliation.ForAsync(id, cancellationToken) : null;
    }
}
