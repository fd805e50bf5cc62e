using System.Security.Claims;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Conversations;

/// <summary>A command of the team about one conversation.</summary>
public interface IConversationCommand
{
    int ConversationId { get; }
}

/// <summary>A command a participant sends: their browser's participant key (signed in, the account is who they are; the key, if sent, only lets what they did by link become the account's).</summary>
public interface IParticipantCommand : IConversationCommand
{
    string? Key { get; }
}

/// <summary>
/// The shape of a change the team makes to a conversation: the runner loads the conversation named by the command,
/// with its process, and asks <see cref="ConversationPermissions"/> about the handler's action.
/// </summary>
public abstract class ConversationChange<TCommand, TResult>(ConversationAccessReader conversations, ConversationAction action) : IChange<TCommand, ConversationTarget, TResult>
    where TCommand : IConversationCommand
{
    public Task<ConversationTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        conversations.ForChangeAsync(command.ConversationId, user, cancellationToken);

    public Decision Decide(ConversationTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<ConversationTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// The shape of a participant's change (a vote, a statement): the runner loads the conversation with the participant
/// the person's account or key names, and asks whether they may take part now. Logged, if at all, by role only.
/// </summary>
public abstract class ParticipantChange<TCommand, TResult>(ConversationAccessReader conversations) : IChange<TCommand, ConversationTarget, TResult>
    where TCommand : IParticipantCommand
{
    public Task<ConversationTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        conversations.ForParticipantAsync(command.ConversationId, user, command.Key, cancellationToken);

    public Decision Decide(ConversationTarget target, TCommand command) => target.Decide(ConversationAction.TakePart);

    public abstract Task<TResult> RunAsync(Change<ConversationTarget> change, TCommand command, CancellationToken cancellationToken);
}
