using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team changes a touchpoint's channel, whom the user meets or its description.</summary>
public static class ChangeTouchpoint
{
    public sealed record Command(int MapId, int TouchpointId, Channel Channel, string Actor, string Description) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            map.ChangeTouchpoint(command.TouchpointId, command.Channel, command.Actor, command.Description);
            var touchpoint = map.Touchpoint(command.TouchpointId);
            change.Log("touchpoint.changed", new { journey = map.Id, touchpointId = touchpoint.Id, channel = touchpoint.Channel.ToString(), actor = touchpoint.Actor, description = touchpoint.Description });
        }
    }
}
