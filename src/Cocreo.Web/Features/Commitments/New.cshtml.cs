using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Commitments;

/// <summary>The process's team makes a commitment, with up to three milestones at once (more on its page).</summary>
[Authorize]
public sealed class NewModel(CommitmentAccess access, OrganisationMembership organisations, People people, ChangeRunner changes, IStringLocalizer<CommitmentText> t) : PageModel
{
    public const int MilestoneRows = 3;

    public CommitmentsView View { get; private set; } = null!;

    [BindProperty]
    public CommitmentForm Input { get; set; } = new();

    public List<SelectListItem> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int processId, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, cancellationToken);
        Input.SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int processId, [FromServices] MakeCommitment.Handler make, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, cancellationToken);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var milestones = Input.Milestones.Where(m => !string.IsNullOrWhiteSpace(m.Title) || m.Date is not null)
            .Select(m => new MakeCommitment.Milestone(m.Title ?? "", m.Date)).ToList();
        var id = await changes.RunAsync(make, new MakeCommitment.Command(processId, Input.Content(), Input.SubmissionId, milestones), cancellationToken);
        return this.Done(t["The commitment is published."], $"/processes/{processId}/commitments/{id}");
    }

    private async Task LoadAsync(int processId, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(processId, User, CommitmentAction.Manage, cancellationToken);
        Staff = await CommitmentForm.StaffOptionsAsync(View.Process.Process.OrganisationId, organisations, people, t["No one named (a unit only)"], cancellationToken);
        while (Input.Milestones.Count < MilestoneRows)
        {
            Input.Milestones.Add(new());
        }
    }
}
