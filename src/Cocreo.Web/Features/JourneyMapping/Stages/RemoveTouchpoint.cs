using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team takes a touchpoint out of the journey: retired when contributors used it, else removed.</summary>
public static class RemoveTouchpoint
{
    public sealed record Command(int MapId, int TouchpointId) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys, CocreoDbContext db) : JourneyChange<Command, Done>(journeys, JourneyAction.Edit)
    {
        public override async Task<Done> RunAsync(Change<JourneyTarget> change, Command command, CancellationToken cancellationToken)
        {
            var map = change.Target.Map;
            var actor = map.Touchpoint(command.TouchpointId).Actor;
            var used = await db.Set<ExperienceTouchpoint>().AnyAsync(u => u.TouchpointId == command.TouchpointId, cancellationToken);
            var retired = map.RemoveTouchpoint(command.TouchpointId, used);
            change.Log(retired ? "touchpoint.retired" : "touchpoint.removed", new { journey = map.Id, touchpointId = command.TouchpointId, actor });
            return new Done();
        }
    }
}
