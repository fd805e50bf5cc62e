using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>A command of the renewal team about one backlog item of a map.</summary>
public interface IBacklogItemCommand : IJourneyCommand
{
    int ItemId { get; }
}

/// <summary>The shape of a change to one backlog item: the item of the map named by the command, loaded with its links.</summary>
public abstract class BacklogItemChange<TCommand>(JourneyAccessReader journeys, JourneyDirectory directory) : JourneyChange<TCommand, Done>(journeys, JourneyAction.ManageBacklog)
    where TCommand : IBacklogItemCommand
{
    public sealed override async Task<Done> RunAsync(Change<JourneyTarget> change, TCommand command, CancellationToken cancellationToken)
    {
        await ChangeAsync(RefusedException.IfMissing(await directory.BacklogItemAsync(command.MapId, command.ItemId, tracked: true, cancellationToken)), command, change, cancellationToken);
        return new Done();
    }

    protected abstract Task ChangeAsync(BacklogItem item, TCommand command, Change<JourneyTarget> change, CancellationToken cancellationToken);
}
