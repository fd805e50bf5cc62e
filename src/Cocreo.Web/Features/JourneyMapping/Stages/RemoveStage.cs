using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The team takes a stage out of the walk. A stage that contributions or backlog items refer to is retired and kept
/// with them; an unused one is removed.
/// </summary>
public static class RemoveStage
{
    public sealed record Command(int MapId, int StageId) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys, CocreoDbContext db) : JourneyChange<Command, Done>(journeys, JourneyAction.Edit)
    {
        public override async Task<Done> RunAsync(Change<JourneyTarget> change, Command command, CancellationToken cancellationToken)
        {
            var map = change.Target.Map;
            var name = map.Stage(command.StageId).Name;
            var used = await db.Set<StageExperience>().AnyAsync(e => e.StageId == command.StageId, cancellationToken) ||
                await db.Set<BacklogItem>().AnyAsync(b => b.StageId == command.StageId, cancellationToken);
            var retired = map.RemoveStage(command.StageId, used);
            change.Log(retired ? "stage.retired" : "stage.removed", new { journey = map.Id, stageId = command.StageId, stage = name });
            return new Done();
        }
    }
}
