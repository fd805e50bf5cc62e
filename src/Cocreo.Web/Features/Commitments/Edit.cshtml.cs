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

/// <summary>The process's team changes what a commitment says (its status is changed on its page).</summary>
[Authorize]
public sealed class EditModel(CommitmentAccess access, OrganisationMembership organisations, People people, ChangeRunner changes, IStringLocalizer<CommitmentText> t) : PageModel
{
    public CommitmentsView View { get; private set; } = null!;

    public Commitment Commitment { get; private set; } = null!;

    [BindProperty]
    public CommitmentForm Input { get; set; } = new();

    public List<SelectListItem> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int processId, int id, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        Input = CommitmentForm.Of(Commitment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int processId, int id, [FromServices] EditCommitment.Handler edit, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var changed = await changes.RunAsync(edit, new EditCommitment.Command(id, Input.Content()), cancellationToken);
        return this.Done(changed ? t["The commitment was changed."] : t["Nothing changed."], $"/processes/{processId}/commitments/{id}");
    }

    private async Task LoadAsync(int processId, int id, CancellationToken cancellationToken)
    {
        (View, Commitment) = await access.ReadCommitmentAsync(processId, id, User, cancellationToken);
        RefusedException.Unless(CommitmentPermissions.Decide(CommitmentAction.Manage, View.Process.Process, View.Process.Access, Commitment), View.Process.Access.IsAuthenticated);
        Staff = await CommitmentForm.StaffOptionsAsync(View.Process.Process.OrganisationId, organisations, people, t["No one named (a unit only)"], cancellationToken);
    }
}
