using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team stops offering a pain-point tag; contributions keep it.</summary>
public static class RetirePainTag
{
    public sealed record Command(int MapId, int TagId) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            if (map.RetirePainTag(command.TagId))
            {
                change.Log("pain-tag.retired", new { journey = map.Id, tag = map.PainTag(command.TagId).Name });
            }
        }
    }
}
