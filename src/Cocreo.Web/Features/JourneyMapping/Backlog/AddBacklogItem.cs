using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The renewal team adds a change it plans for the service to the backlog; the result is the new item's id.</summary>
public static class AddBacklogItem
{
    public sealed record Command(int MapId, BacklogContent Content, Guid SubmissionId) : IJourneyCommand, ISubmittedOnce;

    public sealed class Handler(JourneyAccessReader journeys, CocreoDbContext db) : JourneyChange<Command, int>(journeys, JourneyAction.ManageBacklog)
    {
        public override async Task<int> RunAsync(Change<JourneyTarget> change, Command command, CancellationToken cancellationToken)
        {
            var item = BacklogItem.Add(change.Target.Map.Id, command.Content, change.Now);
            db.Add(item);
            // The item's id is part of the log entry, so the item is saved first, in the change's transaction.
            await change.SaveAsync(cancellationToken);
            change.Log("backlog.added", new { journey = item.JourneyMapId, item = item.Id, title = item.Title, status = item.Status.ToString(), owner = item.Owner, stageId = item.StageId });
            return item.Id;
        }
    }
}
