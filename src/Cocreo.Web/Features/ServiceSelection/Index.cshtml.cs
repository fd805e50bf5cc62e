using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>An organisation's Co-Serve comparisons, the services it chose to renew, and starting a new comparison.</summary>
[Authorize]
public sealed class IndexModel(
    AssessmentAccessReader toolkit,
    ToolkitProcesses processes,
    ShortlistReader shortlists,
    ChangeRunner changes,
    IStringLocalizer<ServiceSelectionText> t) : PageModel
{
    [BindProperty]
    public StartForm Start { get; set; } = new();

    public OrganisationSummary Organisation { get; private set; } = null!;
    public List<ServiceShortlist> Shortlists { get; private set; } = [];
    public List<SelectListItem> Processes { get; private set; } = [];
    public Instrument Instrument { get; } = InstrumentCatalog.Latest(InstrumentCatalog.CoServe);
    public bool CanStart { get; private set; }

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken cancellationToken)
    {
        await LoadAsync(organisationId, AssessmentAction.View, cancellationToken);
        Start = new StartForm { SubmissionId = Guid.NewGuid(), Title = t["Which service should we renew?"] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int organisationId, [FromServices] StartServiceSelection.Handler start, CancellationToken cancellationToken)
    {
        await LoadAsync(organisationId, AssessmentAction.Start, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var id = await changes.RunAsync(start, new StartServiceSelection.Command(organisationId, Start.ProcessId, Start.Title, Start.SubmissionId), cancellationToken);
        return this.Done(t["The comparison was started. Add the services you are considering."], $"/service-selection/{id}");
    }

    private async Task LoadAsync(int organisationId, AssessmentAction action, CancellationToken cancellationToken)
    {
        var view = await toolkit.ReadToolkitAsync(organisationId, User, action, cancellationToken);
        (Organisation, CanStart) = (view.Organisation, view.Can(AssessmentAction.Start));
        Shortlists = await shortlists.OfOrganisationAsync(organisationId, cancellationToken);
        Processes = await processes.OptionsAsync(organisationId, t["None"], cancellationToken);
    }
}
