using System.ComponentModel.DataAnnotations;
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

/// <summary>Staff report how a funded project is being built; participants follow it on the project's page.</summary>
[Authorize]
public sealed class ProgressModel(CocreoDbContext db, BudgetAccess access, ProcessLog log, TimeProvider clock, IStringLocalizer<BudgetingText> t) : PageModel
{
    [BindProperty]
    public ProgressForm Input { get; set; } = new();

    public Proposal Proposal { get; private set; } = null!;

    public sealed class ProgressForm
    {
        public ImplementationStatus Status { get; set; } = ImplementationStatus.InProgress;

        [Range(0, 100, ErrorMessage = "Progress is a number from 0 to 100.")]
        public int Progress { get; set; }

        [Required(ErrorMessage = "Say what happened.")]
        [StringLength(BudgetLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is null)
        {
            Input = new ProgressForm { Status = Proposal.Implementation == ImplementationStatus.Planned ? ImplementationStatus.InProgress : Proposal.Implementation, Progress = Proposal.Progress };
        }
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        string? problem = null;
        await db.RetryOnConflictAsync(async ct =>
        {
            var (proposal, target) = (await access.ForProposalAsync(id, User, forChange: true, ct))!.Value;
            var actor = await LegacyChanges.ActorAsync(db, target.Process, User, ct);
            try
            {
                proposal.ReportProgress(target.Budget, Input.Status, Input.Progress, Input.Text ?? "", actor.Name ?? "", clock.GetUtcNow().UtcDateTime);
            }
            catch (BudgetRuleException rule)
            {
                problem = rule.Code;
                return 0;
            }
            log.Append(target.Process, actor, "project.progress", new
            {
                budget = target.Budget.Id,
                project = proposal.Number,
                title = proposal.Title,
                status = proposal.Implementation.ToString(),
                progress = proposal.Progress,
                text = Input.Text,
            });
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError("", t[BudgetRules.Message(problem)]);
            return Page();
        }
        TempData["Status"] = t["The progress was published."].Value;
        return Redirect($"/proposals/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await access.ForProposalAsync(id, User, forChange: false, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        (Proposal, var target) = found.Value;
        return target.Allows(BudgetAction.ReportProgress) ? null : this.Denied();
    }
}
