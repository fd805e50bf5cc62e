using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The renewal team unlinks input from a backlog item; unlinking what is not linked changes nothing.</summary>
public static class UnlinkFromBacklog
{
    public sealed record Command(int MapId, int ItemId, int ExperienceId, InputKind Kind) : IBacklogItemCommand;

    public sealed class Handler(JourneyAccessReader journeys, JourneyDirectory directory) : BacklogItemChange<Command>(journeys, directory)
    {
        protected override Task ChangeAsync(BacklogItem item, Command command, Change<JourneyTarget> change, CancellationToken cancellationToken)
        {
            if (item.Unlink(command.ExperienceId, command.Kind, change.Now))
            {
                change.Log("backlog.unlinked", new { journey = item.JourneyMapId, item = item.Id, input = command.ExperienceId, kind = command.Kind.ToString() });
            }
            return Task.CompletedTask;
        }
    }
}
