using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team moves a stage one place earlier (direction -1) or later (+1) among the active stages.</summary>
public static class MoveStage
{
    public sealed record Command(int MapId, int StageId, int Direction) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            map.MoveStage(command.StageId, command.Direction);
            change.Log("stage.moved", new { journey = map.Id, order = map.ActiveStages.Select(s => s.Name).ToList() });
        }
    }
}
