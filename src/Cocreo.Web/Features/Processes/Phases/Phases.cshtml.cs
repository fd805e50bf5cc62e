using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team plans the phases of the policy cycle and moves the process to the next one.</summary>
[Authorize]
public sealed class PhasesModel(ProcessAccessReader processes, ChangeRunner changes, IStringLocalizer<ProcessText> t) : PageModel
{
    [BindProperty]
    public List<PhasePlan> Plans { get; set; } = [];

    public Process Process { get; private set; } = null!;

    public sealed class PhasePlan
    {
        public PolicyPhase Phase { get; set; }

        [DataType(DataType.Date)]
        public DateOnly? PlannedStart { get; set; }

        [DataType(DataType.Date)]
        public DateOnly? PlannedEnd { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Plans = Process.Phases.OrderBy(p => p.Phase)
            .Select(p => new PhasePlan { Phase = p.Phase, PlannedStart = p.PlannedStart, PlannedEnd = p.PlannedEnd })
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(int id, [FromServices] PlanPhases.Handler plan, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        for (var i = 0; i < Plans.Count; i++)
        {
            if (Plans[i].PlannedStart is { } start && Plans[i].PlannedEnd is { } end && end < start)
            {
                ModelState.AddModelError($"Plans[{i}].PlannedEnd", t["The planned end cannot be before the planned start."]);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(plan, new PlanPhases.Command(id, Plans.Select(p => new PlanPhases.Plan(p.Phase, p.PlannedStart, p.PlannedEnd)).ToList()), cancellationToken);
        return this.Done(t["The plan was saved and logged."], $"/processes/{id}/phases");
    }

    /// <summary>Moves to the next phase. The form names the phase it was shown in, so a repeated click cannot skip one.</summary>
    public async Task<IActionResult> OnPostAdvanceAsync(int id, PolicyPhase from, [FromServices] AdvancePhase.Handler advance, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var outcome = await changes.RunAsync(advance, new AdvancePhase.Command(id, from), cancellationToken);
        var message = !outcome.Moved ? t["The process had already moved on; nothing changed."]
            : outcome.Now is { } now ? t["The process moved to the phase: {0}.", ProcessNames.Phase(t, now)]
            : t["The process is closed. Thank you to everyone who took part."];
        return this.Done(message, $"/processes/{id}");
    }

    /// <summary>Takes back the last move while nothing happened in the new phase.</summary>
    public async Task<IActionResult> OnPostRevertAsync(int id, PolicyPhase from, [FromServices] RevertPhase.Handler revert, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var outcome = await changes.RunAsync(revert, new RevertPhase.Command(id, from), cancellationToken);
        return this.Done(outcome.Reverted
            ? t["The process is back in the phase: {0}. This was logged.", ProcessNames.Phase(t, outcome.Now)]
            : t["The process had already moved; nothing changed."], $"/processes/{id}/phases");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken) =>
        Process = (await processes.ReadAsync(id, User, ProcessAction.ManagePhases, cancellationToken)).Process;
}
