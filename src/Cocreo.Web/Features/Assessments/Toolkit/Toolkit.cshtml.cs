using Cocreo.Assessment;
using Cocreo.Web.Features.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Assessments;

/// <summary>The co-creation toolkit of an organisation: the three assessments, in the order they are used, with where each comes from.</summary>
[Authorize]
public sealed class ToolkitModel(AssessmentAccessReader assessments) : PageModel
{
    public OrganisationSummary Organisation { get; private set; } = null!;

    /// <summary>Each tool: its newest instrument and where the organisation uses it.</summary>
    public IReadOnlyList<(Instrument Instrument, string Path)> Tools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken cancellationToken)
    {
        Organisation = (await assessments.ReadToolkitAsync(organisationId, User, AssessmentAction.View, cancellationToken)).Organisation;
        Tools =
        [
            (InstrumentCatalog.Latest(InstrumentCatalog.CoReady), $"/organisations/{organisationId}/readiness"),
            (InstrumentCatalog.Latest(InstrumentCatalog.CoServe), $"/organisations/{organisationId}/service-selection"),
            (InstrumentCatalog.Latest(InstrumentCatalog.CoMaster), $"/organisations/{organisationId}/process-quality"),
        ];
        return Page();
    }
}
