using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Shared.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team plans the phases of the policy cycle and moves the process to the next one.</summary>
[Authorize]
public sealed class PhasesModel(
    CocreoDbContext db,
    ProcessDirectory directory,
    ProcessAccessReader accessReader,
    ProcessLog log,
    TimeProvider clock,
    IStringLocalizer<ProcessText> t) : PageModel
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
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Plans = Process.Phases.OrderBy(p => p.Phase)
            .Select(p => new PhasePlan { Phase = p.Phase, PlannedStart = p.PlannedStart, PlannedEnd = p.PlannedEnd })
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(int id, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Plans.Count; i++)
        {
            if (Plans[i].PlannedStart is { } start && Plans[i].PlannedEnd is { } end && end < start)
            {
                ModelState.AddModelError($"Plans[{i}].PlannedEnd", t["The planned end cannot be before the planned start."]);
            }
            if (!Enum.IsDefined(Plans[i].Phase))
            {
                ModelState.AddModelError("", t["This change is not allowed."]);
            }
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        IActionResult? refusal = null;
        await db.RetryOnConflictAsync(async ct =>
        {
            var process = await directory.FindForChangeAsync(id, User.UserId(), ct);
            refusal = await DeniedAsync(process, ct);
            if (refusal is not null)
            {
                return 0;
            }
            var actor = await EditModel.ActorAsync(db, process!, User, ct);
            foreach (var plan in Plans)
            {
                var current = process!.Phases.Single(p => p.Phase == plan.Phase);
                if (current.PlannedStart == plan.PlannedStart && current.PlannedEnd == plan.PlannedEnd)
                {
                    continue;
                }
                process.PlanPhase(plan.Phase, plan.PlannedStart, plan.PlannedEnd);
                log.Append(process, actor, "phase.planned", new
                {
                    phase = plan.Phase.ToString(),
                    plannedStart = plan.PlannedStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    plannedEnd = plan.PlannedEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                });
            }
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        TempData["Status"] = t["The plan was saved and logged."].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Moves to the next phase. The form names the phase it was shown in, so a repeated click cannot skip one.</summary>
    public async Task<IActionResult> OnPostAdvanceAsync(int id, PolicyPhase from, CancellationToken cancellationToken)
    {
        IActionResult? refusal = null;
        PolicyPhase? next = null;
        var moved = await db.RetryOnConflictAsync(async ct =>
        {
            var process = await directory.FindForChangeAsync(id, User.UserId(), ct);
            refusal = await DeniedAsync(process, ct);
            if (refusal is not null || process!.CurrentPhase != from || process.IsClosed)
            {
                return false;
            }
            var actor = await EditModel.ActorAsync(db, process, User, ct);
            next = process.AdvancePhase(clock.GetUtcNow().UtcDateTime);
            if (next is null)
            {
                log.Append(process, actor, "process.closed", new { from = from.ToString() });
            }
            else
            {
                log.Append(process, actor, "phase.advanced", new { from = from.ToString(), to = next.Value.ToString() });
            }
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (moved)
        {
            TempData["Status"] = next is null
                ? t["The process is closed. Thank you to everyone who took part."].Value
                : t["The process moved to the phase: {0}.", ProcessNames.Phase(t, next.Value)].Value;
        }
        return Redirect($"/processes/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var process = await directory.FindAsync(id, cancellationToken);
        var refusal = await DeniedAsync(process, cancellationToken);
        if (refusal is null)
        {
            Process = process!;
        }
        return refusal;
    }

    private async Task<IActionResult?> DeniedAsync(Process? process, CancellationToken cancellationToken)
    {
        return await accessReader.RefusalAsync(this, process, ProcessAction.ManagePhases, cancellationToken);
    }
}
