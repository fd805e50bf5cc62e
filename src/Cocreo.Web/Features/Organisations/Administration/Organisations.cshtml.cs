using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Organisations;

/// <summary>
/// Platform administrators' list of every organisation on the platform: filter by standing, search by name, and
/// verify, suspend or reinstate each with a stated reason (each decision goes to the administrators' log).
/// </summary>
[Authorize]
public sealed class AdministrationModel(CocreoDbContext db, ChangeRunner changes, IStringLocalizer<OrganisationText> t) : PageModel
{
    public const int Shown = 200;

    public sealed record Row(int Id, string Name, OrganisationType Type, string Country, DateTime CreatedAt, bool IsDemo, int Staff, OrganisationStanding Standing, DateTime? DecidedAt, string? DecidedBy, string? Reason);

    [BindProperty(SupportsGet = true)]
    public OrganisationStanding? Standing { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public Dictionary<OrganisationStanding, int> Counts { get; private set; } = [];
    public int Total => Counts.Values.Sum();
    public int Matching { get; private set; }
    public List<Row> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(int organisationId, string? reason, [FromServices] VerifyOrganisation.Handler verify, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await changes.RunAsync(verify, new VerifyOrganisation.Command(organisationId, reason ?? ""), cancellationToken);
        return this.Done(t["The organisation is verified."], Back(organisationId));
    }

    public async Task<IActionResult> OnPostSuspendAsync(int organisationId, string? reason, [FromServices] SuspendOrganisation.Handler suspend, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await changes.RunAsync(suspend, new SuspendOrganisation.Command(organisationId, reason ?? ""), cancellationToken);
        return this.Done(t["The organisation is suspended."], Back(organisationId));
    }

    public async Task<IActionResult> OnPostReinstateAsync(int organisationId, string? reason, [FromServices] ReinstateOrganisation.Handler reinstate, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await changes.RunAsync(reinstate, new ReinstateOrganisation.Command(organisationId, reason ?? ""), cancellationToken);
        return this.Done(t["The organisation is reinstated."], Back(organisationId));
    }

    private static string Back(int organisationId) => $"/admin/organisations#organisation-{organisationId}";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        RefusedException.Unless(OrganisationPermissions.Decide(OrganisationAction.DecideStanding, new OrganisationAccess(User.UserId(), User.IsPlatformAdmin(), null)), User.UserId() is not null);
        Counts = (await db.Set<Organisation>().AsNoTracking()
                .GroupBy(o => o.Standing)
                .Select(g => new { Standing = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => c.Standing, c => c.Count);
        var query = db.Set<Organisation>().AsNoTracking();
        if (Standing is { } standing)
        {
            query = query.Where(o => o.Standing == standing);
        }
        if (!string.IsNullOrWhiteSpace(Search))
        {
            // Searched the way names are compared: without case, accents or extra spaces.
            var normalized = OrganisationName.Normalize(Search);
            query = query.Where(o => o.NormalizedName.Contains(normalized));
        }
        Matching = await query.CountAsync(cancellationToken);
        Organisations = await query
            .OrderBy(o => o.Standing == OrganisationStanding.Unverified ? 0 : o.Standing == OrganisationStanding.Suspended ? 1 : 2)
            .ThenBy(o => o.NormalizedName)
            .Take(Shown)
            .Select(o => new Row(o.Id, o.Name, o.Type, o.Country, o.CreatedAt, o.IsDemo, o.Members.Count, o.Standing, o.StandingDecidedAt, o.StandingDecidedBy, o.StandingReason))
            .ToListAsync(cancellationToken);
    }
}
