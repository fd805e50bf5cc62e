using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The team shapes the journey: stages in order and the touchpoints of each. A stage or touchpoint that contributions
/// refer to is retired rather than deleted, so what people said stays attached to the stage they said it about.
/// </summary>
public sealed class StagesModel(CocreoDbContext db, JourneyDirectory directory, JourneyChanges changes, IStringLocalizer<JourneyText> t) : PageModel
{
    public JourneyView Journey { get; private set; } = null!;

    /// <summary>How many contributions each stage holds, so the team sees what removing would mean.</summary>
    public Dictionary<int, int> ContributionsByStage { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAddStageAsync(int id, string? name, string? description, CancellationToken cancellationToken) =>
        ChangeAsync(id, (change, _) =>
        {
            var stage = change.Map.AddStage(name ?? "", Limit(description));
            change.Log("stage.added", new { journey = id, stage = stage.Name, position = change.Map.ActiveStages.Count() });
            return Task.CompletedTask;
        }, t["The stage was added."], cancellationToken);

    public Task<IActionResult> OnPostChangeStageAsync(int id, int stageId, string? name, string? description, CancellationToken cancellationToken) =>
        ChangeAsync(id, (change, _) =>
        {
            var stage = change.Map.Stage(stageId);
            var before = stage.Name;
            change.Map.ChangeStage(stageId, name ?? "", Limit(description));
            change.Log("stage.changed", new { journey = id, stageId, from = before, stage = stage.Name, description = stage.Description });
            return Task.CompletedTask;
        }, t["The stage was changed."], cancellationToken);

    public Task<IActionResult> OnPostMoveStageAsync(int id, int stageId, int direction, CancellationToken cancellationToken) =>
        ChangeAsync(id, (change, _) =>
        {
            change.Map.MoveStage(stageId, direction);
            change.Log("stage.moved", new { journey = id, order = change.Map.ActiveStages.Select(s => s.Name).ToList() });
            return Task.CompletedTask;
        }, t["The order of the stages was changed."], cancellationToken);

    public Task<IActionResult> OnPostRemoveStageAsync(int id, int stageId, CancellationToken cancellationToken) =>
        ChangeAsync(id, async (change, ct) =>
        {
            var used = await db.Set<StageExperience>().AnyAsync(e => e.StageId == stageId, ct) ||
                await db.Set<BacklogItem>().AnyAsync(b => b.StageId == stageId, ct);
            var name = change.Map.Stage(stageId).Name;
            var retired = change.Map.RemoveStage(stageId, used);
            change.Log(retired ? "stage.retired" : "stage.removed", new { journey = id, stageId, stage = name });
        }, t["The stage was taken out of the journey. Stages that hold contributions are kept, retired, with their contributions."], cancellationToken);

    public Task<IActionResult> OnPostRestoreStageAsync(int id, int stageId, CancellationToken cancellationToken) =>
        ChangeAsync(id, (change, _) =>
        {
            change.Map.RestoreStage(stageId);
            change.Log("stage.restored", new { journey = id, stageId, stage = change.Map.Stage(stageId).Name });
            return Task.CompletedTask;
        }, t["The stage is back in the journey."], cancellationToken);

    public Task<IActionResult> OnPostAddTouchpointAsync(int id, int stageId, Channel channel, string? actor, string? description, CancellationToken cancellationToken) =>
        ChangeAsync(id, (change, _) =>
        {
            var touchpoint = change.Map.AddTouchpoint(stageId, channel, actor ?? "", description ?? "");
            change.Log("touchpoint.added", new { journey = id, stage = change.Map.Stage(stageId).Name, channel = touchpoint.Channel.ToString(), actor = touchpoint.Actor });
            return Task.CompletedTask;
        }, t["The touchpoint was added."], cancellationToken);

    public Task<IActionResult> OnPostChangeTouchpointAsync(int id, int touchpointId, Channel channel, string? actor, string? description, CancellationToken cancellationToken) =>
        ChangeAsync(id, (change, _) =>
        {
            change.Map.ChangeTouchpoint(touchpointId, channel, actor ?? "", description ?? "");
            var touchpoint = change.Map.Touchpoint(touchpointId);
            change.Log("touchpoint.changed", new { journey = id, touchpointId, channel = touchpoint.Channel.ToString(), actor = touchpoint.Actor, description = touchpoint.Description });
            return Task.CompletedTask;
        }, t["The touchpoint was changed."], cancellationToken);

    public Task<IActionResult> OnPostRemoveTouchpointAsync(int id, int touchpointId, CancellationToken cancellationToken) =>
        ChangeAsync(id, async (change, ct) =>
        {
            var used = await db.Set<ExperienceTouchpoint>().AnyAsync(u => u.TouchpointId == touchpointId, ct);
            var actor = change.Map.Touchpoint(touchpointId).Actor;
            var retired = change.Map.RemoveTouchpoint(touchpointId, used);
            change.Log(retired ? "touchpoint.retired" : "touchpoint.removed", new { journey = id, touchpointId, actor });
        }, t["The touchpoint was taken out of the journey."], cancellationToken);

    public Task<IActionResult> OnPostRestoreTouchpointAsync(int id, int touchpointId, CancellationToken cancellationToken) =>
        ChangeAsync(id, (change, _) =>
        {
            change.Map.RestoreTouchpoint(touchpointId);
            change.Log("touchpoint.restored", new { journey = id, touchpointId, actor = change.Map.Touchpoint(touchpointId).Actor });
            return Task.CompletedTask;
        }, t["The touchpoint is back in the journey."], cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, Func<JourneyChange, CancellationToken, Task> change, string done, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        var outcome = await changes.RunAsync(id, User, JourneyAction.Edit, change, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        if (outcome.Result == ChangeResult.Broken)
        {
            ModelState.AddModelError("", t[JourneyRules.Message(outcome.RuleCode!)]);
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        TempData["Status"] = done;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (journey, refusal) = await directory.LoadAsync(this, id, JourneyAction.Edit, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Journey = journey!;
        ContributionsByStage = await db.Set<StageExperience>().Where(e => e.JourneyMapId == id)
            .GroupBy(e => e.StageId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return null;
    }

    // A description over the limit is refused by the model with a message, not cut silently.
    private static string Limit(string? text) => (text ?? "").Length > JourneyLimits.ShortText ? throw new JourneyRuleException("TooLong") : text ?? "";
}
