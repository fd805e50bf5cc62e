using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>Staff of an organisation start a process; they become its owner.</summary>
[Authorize]
public sealed class CreateModel(OrganisationAccessReader organisations, ChangeRunner changes, IStringLocalizer<ProcessText> t) : PageModel
{
    [BindProperty]
    public ProcessForm Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken cancellationToken)
    {
        await LoadAsync(organisationId, cancellationToken);
        Input = new ProcessForm { SubmissionId = Guid.NewGuid(), Language = Platform.Localization.Cultures.Current };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int organisationId, [FromServices] StartProcess.Handler start, CancellationToken cancellationToken)
    {
        await LoadAsync(organisationId, cancellationToken);
        Input.Validate(ModelState, t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var id = await changes.RunAsync(start, new StartProcess.Command(organisationId, Input.Description(), Input.SubmissionId), cancellationToken);
        return this.Done(t["The process was created. Plan its phases next."], $"/processes/{id}");
    }

    private async Task LoadAsync(int organisationId, CancellationToken cancellationToken) =>
        Organisation = (await organisations.ReadAsync(organisationId, User, OrganisationAction.StartProcess, cancellationToken)).Organisation;
}
