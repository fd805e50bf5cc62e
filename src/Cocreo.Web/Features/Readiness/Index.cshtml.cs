using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Readiness;

/// <summary>An organisation's Co-Ready assessments, its readiness over time, and starting a (re-)assessment.</summary>
[Authorize]
public sealed class IndexModel(
    ToolkitOrganisation toolkit,
    ReadinessRecords records,
    TimeProvider clock,
    IStringLocalizer<ReadinessText> t) : PageModel
{
    [BindProperty]
    public StartForm Start { get; set; } = new();

    public OrganisationSummary Organisation { get; private set; } = null!;
    public AssessmentAccess Access { get; private set; } = AssessmentAccess.Anonymous;
    public List<OrganisationAssessment> Assessments { get; private set; } = [];
    public List<RecordedReadiness> History { get; private set; } = [];
    public List<SelectListItem> Processes { get; private set; } = [];
    public Instrument Instrument { get; } = InstrumentCatalog.Latest(InstrumentCatalog.CoReady);

    public bool CanStart => AssessmentPermissions.Allows(AssessmentAction.Start, false, Access);

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(organisationId, AssessmentAction.View, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Start = new StartForm { SubmissionId = Guid.NewGuid(), Title = DefaultTitle() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int organisationId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(organisationId, AssessmentAction.Start, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var path = await toolkit.StartOnceAsync(organisationId, Start, Instrument, User, id => $"/assessments/{id}/answer",
            ModelState, t["Choose one of your organisation's processes, or none."], cancellationToken);
        if (path is null)
        {
            return Page();
        }
        TempData["Status"] = t["The assessment was started. Answer it yourself, and ask colleagues to answer too."].Value;
        return Redirect(path);
    }

    private string DefaultTitle() => t["Co-Ready {0}", clock.GetUtcNow().ToString("MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)];

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
        Assessments = await toolkit.AssessmentsAsync(organisationId, InstrumentCatalog.CoReady, cancellationToken);
        History = await records.HistoryAsync(organisationId, cancellationToken);
        Processes = await toolkit.ProcessOptionsAsync(organisationId, t["None"], cancellationToken);
        return null;
    }
}
