using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The team reads the contributions and moderates: a contribution is hidden with a reason that is shown in public in
/// its place and written to the log, and can be shown again. Nothing is deleted.
/// </summary>
public sealed class ContributionsModel(JourneyAccessReader journeys, ChangeRunner changes, CocreoDbContext db, IStringLocalizer<JourneyText> t) : JourneyPage(journeys)
{
    public const int PageSize = 25;

    public List<JourneyContribution> Contributions { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? p, CancellationToken cancellationToken)
    {
        await LoadAsync(id, p, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostHideAsync(int id, int contributionId, string? reason, int? p, [FromServices] HideContribution.Handler hide, CancellationToken cancellationToken)
    {
        await LoadAsync(id, p, cancellationToken);
        if (string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError(ReasonField(contributionId), t["Give the reason for hiding: it is shown in public."]);
        }
        return await RunAsync(changes, hide, new HideContribution.Command(id, contributionId, reason ?? ""),
            t["The contribution was hidden; the reason is shown in its place."], Back(id, contributionId), cancellationToken);
    }

    public async Task<IActionResult> OnPostShowAsync(int id, int contributionId, int? p, [FromServices] ShowContribution.Handler show, CancellationToken cancellationToken)
    {
        await LoadAsync(id, p, cancellationToken);
        return await RunAsync(changes, show, new ShowContribution.Command(id, contributionId), t["The contribution is shown again."], Back(id, contributionId), cancellationToken);
    }

    /// <summary>The form field of a contribution's reason for hiding (the page shows the error beside it and keeps what was typed).</summary>
    public static string ReasonField(int contributionId) => $"reason-{contributionId}";

    private string Back(int id, int contributionId) => $"/journeys/{id}/contributions?p={PageNumber}#contribution-{contributionId}";

    private async Task LoadAsync(int id, int? page, CancellationToken cancellationToken)
    {
        await OpenAsync(id, JourneyAction.Moderate, cancellationToken);
        PageNumber = Math.Max(1, page ?? 1);
        var all = db.Set<JourneyContribution>().AsNoTracking().Where(c => c.JourneyMapId == id);
        Total = await all.CountAsync(cancellationToken);
        Contributions = await all
            .Include(c => c.Experiences).ThenInclude(e => e.PainTags)
            .Include(c => c.Experiences).ThenInclude(e => e.Touchpoints)
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
    }
}
