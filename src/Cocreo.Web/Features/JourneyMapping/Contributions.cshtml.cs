using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The team reads the contributions and moderates: a contribution is hidden with a reason that is shown in public in
/// its place and written to the log, and can be shown again. Nothing is deleted.
/// </summary>
public sealed class ContributionsModel(CocreoDbContext db, JourneyDirectory directory, JourneyChanges changes, IStringLocalizer<JourneyText> t) : PageModel
{
    public const int PageSize = 25;

    public JourneyView Journey { get; private set; } = null!;
    public List<JourneyContribution> Contributions { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? p, CancellationToken cancellationToken) =>
        await LoadAsync(id, p, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostHideAsync(int id, int contributionId, string? reason, int? p, CancellationToken cancellationToken) =>
        ChangeAsync(id, contributionId, p, (contribution, change) =>
        {
            contribution.Hide(reason ?? "", change.Now);
            change.Log("contribution.hidden", new { journey = id, contribution = contribution.Id, reason = contribution.HiddenReason });
        }, t["The contribution was hidden; the reason is shown in its place."], cancellationToken);

    public Task<IActionResult> OnPostShowAsync(int id, int contributionId, int? p, CancellationToken cancellationToken) =>
        ChangeAsync(id, contributionId, p, (contribution, change) =>
        {
            contribution.Show();
            change.Log("contribution.shown", new { journey = id, contribution = contribution.Id });
        }, t["The contribution is shown again."], cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, int contributionId, int? page, Action<JourneyContribution, JourneyChange> change, string done, CancellationToken cancellationToken)
    {
        var found = true;
        var outcome = await changes.RunAsync(id, User, JourneyAction.Moderate, async (c, ct) =>
        {
            var contribution = await db.Set<JourneyContribution>().Include(x => x.Experiences).SingleOrDefaultAsync(x => x.Id == contributionId && x.JourneyMapId == id, ct);
            found = contribution is not null;
            if (contribution is not null)
            {
                change(contribution, c);
            }
        }, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        if (!found)
        {
            return NotFound();
        }
        if (outcome.Result == ChangeResult.Broken)
        {
            ModelState.AddModelError($"reason-{contributionId}", outcome.RuleCode == "Empty" ? t["Give the reason for hiding: it is shown in public."] : t[JourneyRules.Message(outcome.RuleCode!)]);
            return await LoadAsync(id, page, cancellationToken) ?? Page();
        }
        TempData["Status"] = done;
        return Redirect($"/journeys/{id}/contributions?p={page ?? 1}#contribution-{contributionId}");
    }

    private async Task<IActionResult?> LoadAsync(int id, int? page, CancellationToken cancellationToken)
    {
        var (journey, refusal) = await directory.LoadAsync(this, id, JourneyAction.Moderate, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Journey = journey!;
        PageNumber = Math.Max(1, page ?? 1);
        var all = db.Set<JourneyContribution>().AsNoTracking().Where(c => c.JourneyMapId == id);
        Total = await all.CountAsync(cancellationToken);
        Contributions = await all
            .Include(c => c.Experiences).ThenInclude(e => e.PainTags)
            .Include(c => c.Experiences).ThenInclude(e => e.Touchpoints)
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return null;
    }
}
