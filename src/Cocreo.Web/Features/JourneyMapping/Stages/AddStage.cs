using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team adds a stage at the end of the journey.</summary>
public static class AddStage
{
    public sealed record Command(int MapId, string Name, string Description) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            var stage = map.AddStage(command.Name, command.Description);
            change.Log("stage.added", new { journey = map.Id, stage = stage.Name, position = map.ActiveStages.Count() });
        }
    }
}
