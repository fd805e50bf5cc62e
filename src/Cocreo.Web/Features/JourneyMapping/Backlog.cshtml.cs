using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The renewal team turns pain points and ideas into backlog items: the plan of the renewal.</summary>
public sealed class BacklogModel(
    CocreoDbContext db,
    JourneyDirectory directory,
    JourneyChanges changes,
    SubmissionGuard submissions,
    IStringLocalizer<JourneyText> t) : PageModel
{
    [BindProperty]
    public BacklogForm Input { get; set; } = new();

    public JourneyView Journey { get; private set; } = null!;
    public List<BacklogItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Input.SubmissionId = Guid.NewGuid();
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        foreach (var (field, message) in Input.Problems(Journey.Map))
        {
            ModelState.AddModelError($"Input.{field}", t[message]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        ChangeOutcome outcome = ChangeOutcome.Done;
        var path = await submissions.RunOnceAsync(Input.SubmissionId, async () =>
        {
            BacklogItem? item = null;
            outcome = await changes.RunAsync(id, User, JourneyAction.ManageBacklog, async (change, ct) =>
            {
                // The item's id goes into the log entry, so it is saved first, inside the submission's transaction.
                // If appending to the log then conflicts and the change is retried, the item is already saved.
                if (item is null)
                {
                    var added = BacklogItem.Add(id, Input.Content(), change.Now);
                    db.Add(added);
                    await db.SaveChangesAsync(ct);
                    item = added;
                }
                change.Log("backlog.added", new { journey = id, item = item.Id, title = item.Title, status = item.Status.ToString(), owner = item.Owner, stageId = item.StageId });
            }, cancellationToken);
            return item is null || outcome.Result != ChangeResult.Done ? $"/journeys/{id}/backlog" : $"/journeys/{id}/backlog/{item.Id}";
        }, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        if (outcome.Result == ChangeResult.Broken)
        {
            ModelState.AddModelError("", t[JourneyRules.Message(outcome.RuleCode!)]);
            return Page();
        }
        TempData["Status"] = t["The item was added. Link the pain points and ideas it answers."].Value;
        return Redirect(path);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (journey, refusal) = await directory.LoadAsync(this, id, JourneyAction.ManageBacklog, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Journey = journey!;
        ViewData["Map"] = Journey.Map;
        Items = await db.Set<BacklogItem>().AsNoTracking().Include(i => i.Links)
            .Where(i => i.JourneyMapId == id).OrderBy(i => i.Status).ThenByDescending(i => i.UpdatedAt)
            .ToListAsync(cancellationToken);
        return null;
    }
}
