using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team renames a stage or changes what happens in it.</summary>
public static class ChangeStage
{
    public sealed record Command(int MapId, int StageId, string Name, string Description) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            var stage = map.Stage(command.StageId);
            var before = stage.Name;
            map.ChangeStage(command.StageId, command.Name, command.Description);
            change.Log("stage.changed", new { journey = map.Id, stageId = stage.Id, from = before, stage = stage.Name, description = stage.Description });
        }
    }
}
