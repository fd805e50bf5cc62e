using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The renewal team changes a backlog item: its title, description, stage, who answers for it, its status.</summary>
public static class ChangeBacklogItem
{
    public sealed record Command(int MapId, int ItemId, BacklogContent Content) : IBacklogItemCommand;

    public sealed class Handler(JourneyAccessReader journeys, JourneyDirectory directory) : BacklogItemChange<Command>(journeys, directory)
    {
        protected override Task ChangeAsync(BacklogItem item, Command command, Change<JourneyTarget> change, CancellationToken cancellationToken)
        {
            item.Change(command.Content, change.Now);
            change.Log("backlog.changed", new { journey = item.JourneyMapId, item = item.Id, title = item.Title, status = item.Status.ToString(), owner = item.Owner, stageId = item.StageId, description = item.Description });
            return Task.CompletedTask;
        }
    }
}
