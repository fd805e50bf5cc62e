using System.Security.Claims;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Meetings;

/// <summary>A command about one meeting.</summary>
public interface IMeetingCommand
{
    int MeetingId { get; }
}

/// <summary>
/// The shape of a change to a meeting: the runner loads the meeting named by the command, with its process, and asks
/// <see cref="MeetingPermissions"/> about the handler's action.
/// </summary>
public abstract class MeetingChange<TCommand, TResult>(MeetingAccessReader meetings, MeetingAction action) : IChange<TCommand, MeetingTarget, TResult>
    where TCommand : IMeetingCommand
{
    public virtual async Task<MeetingTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var target = await meetings.ForChangeAsync(command.MeetingId, user, cancellationToken);
        return target is not null && action == MeetingAction.Register ? target with { Actor = MeetingTarget.ParticipantActor } : target;
    }

    public Decision Decide(MeetingTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<MeetingTarget> change, TCommand command, CancellationToken cancellationToken);
}
