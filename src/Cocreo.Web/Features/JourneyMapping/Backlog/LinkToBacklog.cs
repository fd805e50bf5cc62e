using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The renewal team links a contribution's pain point or idea to the backlog item that answers it, so its author can
/// see what became of it; linking the same input again changes nothing.
/// </summary>
public static class LinkToBacklog
{
    public sealed record Command(int MapId, int ItemId, int ExperienceId, InputKind Kind) : IBacklogItemCommand;

    public sealed class Handler(JourneyAccessReader journeys, JourneyDirectory directory, CocreoDbContext db) : BacklogItemChange<Command>(journeys, directory)
    {
        protected override async Task ChangeAsync(BacklogItem item, Command command, Change<JourneyTarget> change, CancellationToken cancellationToken)
        {
            if (!await db.Set<StageExperience>().AnyAsync(e => e.Id == command.ExperienceId && e.JourneyMapId == command.MapId &&
                    (command.Kind == InputKind.Idea ? e.HasIdea : e.HasPain), cancellationToken))
            {
                throw new JourneyRuleException("UnknownInput");
            }
            if (item.Link(command.ExperienceId, command.Kind, change.Now))
            {
                change.Log("backlog.linked", new { journey = item.JourneyMapId, item = item.Id, input = command.ExperienceId, kind = command.Kind.ToString() });
            }
        }
    }
}
