using Cocreo.Assessment;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Assessments;

/// <summary>The co-creation toolkit of an organisation: the three assessments, in the order they are used, with where each comes from.</summary>
[Authorize]
public sealed class ToolkitModel(ToolkitOrganisation toolkit) : PageModel
{
    public OrganisationSummary Organisation { get; private set; } = null!;

    /// <summary>Each tool: its newest instrument and where the organisation uses it.</summary>
    public IReadOnlyList<(Instrument Instrument, string Path)> Tools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken cancellationToken)
    {
        var (organisation, access) = await toolkit.LoadAsync(User, organisationId, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (!AssessmentPermissions.Allows(AssessmentAction.View, false, access))
        {
            return this.Denied();
        }
        Organisation = organisation;
        Tools =
        [
            (InstrumentCatalog.Latest(InstrumentCatalog.CoReady), $"/organisations/{organisationId}/readiness"),
            (InstrumentCatalog.Latest(InstrumentCatalog.CoServe), $"/organisations/{organisationId}/service-selection"),
            (InstrumentCatalog.Latest(InstrumentCatalog.CoMaster), $"/organisations/{organisationId}/process-quality"),
        ];
        return Page();
    }
}
