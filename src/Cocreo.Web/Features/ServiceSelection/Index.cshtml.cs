using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>An organisation's Co-Serve comparisons, the services it chose to renew, and starting a new comparison.</summary>
[Authorize]
public sealed class IndexModel(
    CocreoDbContext db,
    ToolkitOrganisation toolkit,
    AssessmentLog log,
    SubmissionGuard submissions,
    TimeProvider clock,
    IStringLocalizer<ServiceSelectionText> t) : PageModel
{
    [BindProperty]
    public StartForm Start { get; set; } = new();

    public OrganisationSummary Organisation { get; private set; } = null!;
    public AssessmentAccess Access { get; private set; } = AssessmentAccess.Anonymous;
    public List<ServiceShortlist> Shortlists { get; private set; } = [];
    public List<SelectListItem> Processes { get; private set; } = [];
    public Instrument Instrument { get; } = InstrumentCatalog.Latest(InstrumentCatalog.CoServe);

    public bool CanStart => AssessmentPermissions.Allows(AssessmentAction.Start, false, Access);

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(organisationId, AssessmentAction.View, cancellationToken);
        Start = new StartForm { SubmissionId = Guid.NewGuid(), Title = t["Which service should we renew?"] };
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int organisationId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(organisationId, AssessmentAction.Start, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        await toolkit.ValidateProcessAsync(organisationId, Start, ModelState, t["Choose one of your organisation's processes, or none."], cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var userId = User.UserId()!;
        var path = await submissions.RunOnceAsync(Start.SubmissionId, () => db.RetryOnConflictAsync(async ct =>
        {
            var shortlist = ServiceShortlist.Start(organisationId, Start.ProcessId, Instrument, Start.Title, userId, clock.GetUtcNow().UtcDateTime);
            db.Add(shortlist);
            await log.AppendAsync(Start.ProcessId, User, "service-selection.started",
                new { title = shortlist.Title, instrument = Instrument.Id, version = Instrument.Version }, ct);
            await db.SaveChangesAsync(ct);
            return $"/service-selection/{shortlist.Id}";
        }, cancellationToken), cancellationToken);
        TempData["Status"] = t["The comparison was started. Add the services you are considering."].Value;
        return Redirect(path);
    }

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
        Shortlists = await db.Set<ServiceShortlist>().AsNoTracking()
            .Include(s => s.Services)
            .Where(s => s.OrganisationId == organisationId)
            .OrderByDescending(s => s.StartedAt)
            .ToListAsync(cancellationToken);
        Processes = await toolkit.ProcessOptionsAsync(organisationId, t["None"], cancellationToken);
        return null;
    }
}
