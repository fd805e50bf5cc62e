using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>An organisation's Co-Master surveys of the quality of its co-creation, and starting one.</summary>
[Authorize]
public sealed class IndexModel(
    ToolkitOrganisation toolkit,
    TimeProvider clock,
    IStringLocalizer<ProcessQualityText> t) : PageModel
{
    [BindProperty]
    public StartForm Start { get; set; } = new();

    public OrganisationSummary Organisation { get; private set; } = null!;
    public AssessmentAccess Access { get; private set; } = AssessmentAccess.Anonymous;
    public List<OrganisationAssessment> Assessments { get; private set; } = [];
    public List<SelectListItem> Processes { get; private set; } = [];
    public Instrument Instrument { get; } = InstrumentCatalog.Latest(InstrumentCatalog.CoMaster);

    public bool CanStart => AssessmentPermissions.Allows(AssessmentAction.Start, false, Access);

    /// <param name="process">A process to preselect for the survey (the process page links here with it).</param>
    public async Task<IActionResult> OnGetAsync(int organisationId, int? process, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(organisationId, AssessmentAction.View, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var preselected = Processes.Any(p => p.Value == process?.ToString(System.Globalization.CultureInfo.InvariantCulture)) ? process : null;
        Start = new StartForm { SubmissionId = Guid.NewGuid(), Title = DefaultTitle(), ProcessId = preselected };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int organisationId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(organisationId, AssessmentAction.Start, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var path = await toolkit.StartOnceAsync(organisationId, Start, Instrument, User, id => $"/process-quality/{id}",
            ModelState, t["Choose one of your organisation's processes, or none."], cancellationToken);
        if (path is null)
        {
            return Page();
        }
        TempData["Status"] = t["The survey was started. Answer it as an organiser, and open a link for participants."].Value;
        return Redirect(path);
    }

    private string DefaultTitle() => t["Co-Master {0}", clock.GetUtcNow().ToString("MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)];

    private async Task<IActionResult?> LoadAsync(int organisationId, AssessmentAction action, CancellationToken cancellationToken)
    {
        var (organisation, access) = await toolkit.LoadAsync(User, organisationId, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        Organisation = organisation;
        Access = access;
        if (!AssessmentPermissions.Allows(action, false, access))
        {
            return this.Denied();
        }
        Assessments = await toolkit.AssessmentsAsync(organisationId, InstrumentCatalog.CoMaster, cancellationToken);
        Processes = await toolkit.ProcessOptionsAsync(organisationId, t["None"], cancellationToken);
        return null;
    }
}
