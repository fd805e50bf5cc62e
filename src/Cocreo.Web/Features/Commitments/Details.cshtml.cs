using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Commitments;

/// <summary>
/// One commitment: what and why, who by when, its budget line, milestones and status. The taskholder and the team say
/// where it stands; the team adds and ticks off milestones. A refused form is shown again as it was typed.
/// </summary>
public sealed class DetailsModel(CommitmentAccess access, People people, ChangeRunner changes, IStringLocalizer<CommitmentText> t) : PageModel
{
    public CommitmentsView View { get; private set; } = null!;

    public Commitment Commitment { get; private set; } = null!;

    public string Taskholder { get; private set; } = "";

    [BindProperty]
    public CommitmentStatus? Status { get; set; }

    [BindProperty]
    public DateOnly? NewDeadline { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? MilestoneTitle { get; set; }

    [BindProperty]
    public DateOnly? MilestoneDate { get; set; }

    public async Task<IActionResult> OnGetAsync(int processId, int id, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        Status = Commitment.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(int processId, int id, [FromServices] ChangeCommitmentStatus.Handler handler, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        // No status chosen: the change is still asked (so whoever may not change it hears that), and its rule refuses it.
        var status = Status ?? (CommitmentStatus)(-1);
        var changed = await changes.RunAsync(handler, new ChangeCommitmentStatus.Command(id, status, NewDeadline, Reason), cancellationToken);
        return this.Done(changed ? t["The commitment's status was changed."] : t["Nothing changed."], $"/processes/{processId}/commitments/{id}");
    }

    public async Task<IActionResult> OnPostAddMilestoneAsync(int processId, int id, [FromServices] AddCommitmentMilestone.Handler handler, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        await changes.RunAsync(handler, new AddCommitmentMilestone.Command(id, MilestoneTitle ?? "", MilestoneDate), cancellationToken);
        return this.Done(t["The milestone was added."], $"/processes/{processId}/commitments/{id}#milestones");
    }

    public async Task<IActionResult> OnPostMarkMilestoneAsync(int processId, int id, int milestoneId, bool done, [FromServices] MarkCommitmentMilestone.Handler handler, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var changed = await changes.RunAsync(handler, new MarkCommitmentMilestone.Command(id, milestoneId, done), cancellationToken);
        return this.Done(changed ? t["The milestone was updated."] : t["Nothing changed."], $"/processes/{processId}/commitments/{id}#milestones");
    }

    private async Task LoadAsync(int processId, int id, CancellationToken cancellationToken)
    {
        (View, Commitment) = await access.ReadCommitmentAsync(processId, id, User, cancellationToken);
        var names = Commitment.TaskholderUserId is { } taskholder ? await people.NamesOfAsync([taskholder], cancellationToken) : [];
        Taskholder = CommitmentPage.Taskholder(Commitment, names);
    }
}
