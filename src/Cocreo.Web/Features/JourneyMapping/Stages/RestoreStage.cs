using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team offers a retired stage to contributors again; restoring an active stage changes nothing.</summary>
public static class RestoreStage
{
    public sealed record Command(int MapId, int StageId) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            if (map.RestoreStage(command.StageId))
            {
                change.Log("stage.restored", new { journey = map.Id, stageId = command.StageId, stage = map.Stage(command.StageId).Name });
            }
        }
    }
}
