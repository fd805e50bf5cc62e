using Cocreo.Assessment;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// The page of one assessment tool in an organisation's toolkit (Co-Ready, Co-Master): the organisation's assessments
/// on its instrument, and the form that starts a new one (<see cref="StartAssessment"/>).
/// </summary>
public abstract class ToolPage(AssessmentAccessReader toolkit, AssessmentDirectory assessments, ToolkitProcesses processes, ChangeRunner changes) : PageModel
{
    [BindProperty]
    public StartForm Start { get; set; } = new();

    public OrganisationSummary Organisation { get; private set; } = null!;
    public List<OrganisationAssessment> Assessments { get; private set; } = [];
    public List<SelectListItem> Processes { get; private set; } = [];
    public bool CanStart { get; private set; }

    /// <summary>The newest version of the tool's instrument, which new assessments use.</summary>
    public abstract Instrument Instrument { get; }

    /// <summary>Loads what the page shows, refusing (by throwing) a person who may not do <paramref name="action"/>.</summary>
    /// <param name="none">The start form's option for belonging to no process, in the reader's language.</param>
    protected async Task LoadAsync(int organisationId, AssessmentAction action, string none, CancellationToken cancellationToken)
    {
        var view = await toolkit.ReadToolkitAsync(organisationId, User, action, cancellationToken);
        (Organisation, CanStart) = (view.Organisation, view.Can(AssessmentAction.Start));
        Assessments = await assessments.OfOrganisationAsync(organisationId, Instrument.Id, cancellationToken);
        Processes = await processes.OptionsAsync(organisationId, none, cancellationToken);
    }

    /// <summary>Starts an assessment from the start form (once per submission); returns its id.</summary>
    protected Task<int> StartAsync(int organisationId, StartAssessment.Handler start, CancellationToken cancellationToken) =>
        changes.RunAsync(start, new StartAssessment.Command(organisationId, Start.ProcessId, Instrument.Id, Start.Title, Start.SubmissionId), cancellationToken);
}
