using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The team shapes the journey: stages in order and the touchpoints of each. A stage or touchpoint that contributions
/// refer to is retired rather than deleted, so what people said stays attached to the stage they said it about.
/// </summary>
public sealed class StagesModel(JourneyAccessReader journeys, ChangeRunner changes, CocreoDbContext db, IStringLocalizer<JourneyText> t) : JourneyPage(journeys)
{
    /// <summary>How many contributions each stage holds, so the team sees what removing would mean.</summary>
    public Dictionary<int, int> ContributionsByStage { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAddStageAsync(int id, string? name, string? description, [FromServices] AddStage.Handler add, CancellationToken cancellationToken) =>
        ChangeAsync(id, add, new AddStage.Command(id, name ?? "", description ?? ""), t["The stage was added."], cancellationToken);

    public Task<IActionResult> OnPostChangeStageAsync(int id, int stageId, string? name, string? description, [FromServices] ChangeStage.Handler change, CancellationToken cancellationToken) =>
        ChangeAsync(id, change, new ChangeStage.Command(id, stageId, name ?? "", description ?? ""), t["The stage was changed."], cancellationToken);

    public Task<IActionResult> OnPostMoveStageAsync(int id, int stageId, int direction, [FromServices] MoveStage.Handler move, CancellationToken cancellationToken) =>
        ChangeAsync(id, move, new MoveStage.Command(id, stageId, direction), t["The order of the stages was changed."], cancellationToken);

    public Task<IActionResult> OnPostRemoveStageAsync(int id, int stageId, [FromServices] RemoveStage.Handler remove, CancellationToken cancellationToken) =>
        ChangeAsync(id, remove, new RemoveStage.Command(id, stageId),
            t["The stage was taken out of the journey. Stages that hold contributions are kept, retired, with their contributions."], cancellationToken);

    public Task<IActionResult> OnPostRestoreStageAsync(int id, int stageId, [FromServices] RestoreStage.Handler restore, CancellationToken cancellationToken) =>
        ChangeAsync(id, restore, new RestoreStage.Command(id, stageId), t["The stage is back in the journey."], cancellationToken);

    public Task<IActionResult> OnPostAddTouchpointAsync(int id, int stageId, Channel channel, string? actor, string? description, [FromServices] AddTouchpoint.Handler add, CancellationToken cancellationToken) =>
        ChangeAsync(id, add, new AddTouchpoint.Command(id, stageId, channel, actor ?? "", description ?? ""), t["The touchpoint was added."], cancellationToken);

    public Task<IActionResult> OnPostChangeTouchpointAsync(int id, int touchpointId, Channel channel, string? actor, string? description, [FromServices] ChangeTouchpoint.Handler change, CancellationToken cancellationToken) =>
        ChangeAsync(id, change, new ChangeTouchpoint.Command(id, touchpointId, channel, actor ?? "", description ?? ""), t["The touchpoint was changed."], cancellationToken);

    public Task<IActionResult> OnPostRemoveTouchpointAsync(int id, int touchpointId, [FromServices] RemoveTouchpoint.Handler remove, CancellationToken cancellationToken) =>
        ChangeAsync(id, remove, new RemoveTouchpoint.Command(id, touchpointId), t["The touchpoint was taken out of the journey."], cancellationToken);

    public Task<IActionResult> OnPostRestoreTouchpointAsync(int id, int touchpointId, [FromServices] RestoreTouchpoint.Handler restore, CancellationToken cancellationToken) =>
        ChangeAsync(id, restore, new RestoreTouchpoint.Command(id, touchpointId), t["The touchpoint is back in the journey."], cancellationToken);

    /// <summary>Loads the page first, so that it can be shown again with a message.</summary>
    private async Task<IActionResult> ChangeAsync<TCommand>(int id, IChange<TCommand, JourneyTarget, Done> handler, TCommand command, string done, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return await RunAsync(changes, handler, command, done, $"/journeys/{id}/stages", cancellationToken);
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        await OpenAsync(id, JourneyAction.Edit, cancellationToken);
        ContributionsByStage = await db.Set<StageExperience>().Where(e => e.JourneyMapId == id)
            .GroupBy(e => e.StageId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}
