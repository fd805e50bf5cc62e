using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>Staff report how a funded project is being built; participants follow it on the project's page.</summary>
[Authorize]
public sealed class ProgressModel(BudgetAccess access, ChangeRunner changes, IStringLocalizer<BudgetingText> t) : PageModel
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
        await LoadAsync(id, cancellationToken);
        Input = new ProgressForm { Status = Proposal.Implementation == ImplementationStatus.Planned ? ImplementationStatus.InProgress : Proposal.Implementation, Progress = Proposal.Progress };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] ReportProgress.Handler report, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(report, new ReportProgress.Command(id, Input.Status, Input.Progress, Input.Text ?? ""), cancellationToken);
        return this.Done(t["The progress was published."], $"/proposals/{id}");
    }

    /// <summary>What the page shows; refuses (throws) whoever may not report progress now.</summary>
    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        (Proposal, var target) = (await access.ForProposalAsync(id, User, cancellationToken)) ?? throw new RefusedException(Refusal.NotFound);
        RefusedException.Unless(target.Decide(BudgetAction.ReportProgress), target.Access.IsAuthenticated);
    }
}
