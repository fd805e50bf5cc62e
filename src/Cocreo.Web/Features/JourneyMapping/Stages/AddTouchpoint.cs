using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team adds a touchpoint to a stage: a channel and whom or what the user meets there.</summary>
public static class AddTouchpoint
{
    public sealed record Command(int MapId, int StageId, Channel Channel, string Actor, string Description) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            var touchpoint = map.AddTouchpoint(command.StageId, command.Channel, command.Actor, command.Description);
            change.Log("touchpoint.added", new { journey = map.Id, stage = map.Stage(command.StageId).Name, channel = touchpoint.Channel.ToString(), actor = touchpoint.Actor });
        }
    }
}
