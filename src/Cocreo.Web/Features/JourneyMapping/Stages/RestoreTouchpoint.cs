using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team offers a retired touchpoint again; restoring an active one changes nothing.</summary>
public static class RestoreTouchpoint
{
    public sealed record Command(int MapId, int TouchpointId) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            if (map.RestoreTouchpoint(command.TouchpointId))
            {
                change.Log("touchpoint.restored", new { journey = map.Id, touchpointId = command.TouchpointId, actor = map.Touchpoint(command.TouchpointId).Actor });
            }
        }
    }
}
