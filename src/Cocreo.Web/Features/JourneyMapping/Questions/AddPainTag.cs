using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team offers a pain-point tag contributors can tick; a retired tag of the same name comes back.</summary>
public static class AddPainTag
{
    public sealed record Command(int MapId, string Name) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            var tag = map.AddPainTag(command.Name);
            change.Log("pain-tag.added", new { journey = map.Id, tag = tag.Name });
        }
    }
}
