using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The team describes the service and opens the map to contributions or closes it, in one change: each of the two
/// is logged when it changed, and a repeated form changes nothing.
/// </summary>
public static class DescribeJourney
{
    public sealed record Command(int MapId, string ServiceName, string ServiceDescription, bool IsOpen) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            var description = command.ServiceDescription.Trim();
            if (map.ServiceName != command.ServiceName.Trim() || map.ServiceDescription != description)
            {
                map.Describe(command.ServiceName, description);
                change.Log("journey.described", new { journey = map.Id, service = map.ServiceName, description = map.ServiceDescription });
            }
            if (map.IsOpen == command.IsOpen)
            {
                return;
            }
            if (command.IsOpen)
            {
                map.Open();
                change.Log("journey.opened", new { journey = map.Id });
            }
            else
            {
                map.Close();
                change.Log("journey.closed", new { journey = map.Id });
            }
        }
    }
}
