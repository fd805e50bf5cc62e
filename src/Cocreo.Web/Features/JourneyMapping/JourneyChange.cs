using System.Security.Claims;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>A command of the team about one journey map.</summary>
public interface IJourneyCommand
{
    int MapId { get; }
}

/// <summary>A command a service user sends through their own link: the secret token in it is the right to change that contribution.</summary>
public interface IContributorCommand
{
    string Token { get; }
}

/// <summary>
/// The shape of a change the team makes to a journey map: the runner loads the map named by the command, with its
/// process, for the change and asks <see cref="JourneyPermissions"/> about the handler's action; the handler only
/// makes the change and logs it, naming the person.
/// </summary>
public abstract class JourneyChange<TCommand, TResult>(JourneyAccessReader journeys, JourneyAction action) : IChange<TCommand, JourneyTarget, TResult>
    where TCommand : IJourneyCommand
{
    public Task<JourneyTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        journeys.ForChangeAsync(command.MapId, user, cancellationToken);

    public virtual Decision Decide(JourneyTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<JourneyTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>A change to the map's own model (its service, stages, touchpoints, tags, questions) that needs only the map.</summary>
public abstract class MapChange<TCommand>(JourneyAccessReader journeys) : JourneyChange<TCommand, Done>(journeys, JourneyAction.Edit)
    where TCommand : IJourneyCommand
{
    public sealed override Task<Done> RunAsync(Change<JourneyTarget> change, TCommand command, CancellationToken cancellationToken)
    {
        Change(change.Target.Map, command, change);
        return Task.FromResult(new Done());
    }

    /// <summary>Changes the tracked map (whose methods keep its rules) and logs what changed.</summary>
    protected abstract void Change(JourneyMap map, TCommand command, Change<JourneyTarget> change);
}

/// <summary>
/// The shape of a change a service user makes to their own contribution through their link: the runner loads the
/// contribution the token opens, with its map and process, and asks whether the map takes contributions now. Such a
/// change is logged (if at all) by role only.
/// </summary>
public abstract class ContributorChange<TCommand, TResult>(JourneyAccessReader journeys) : IChange<TCommand, JourneyTarget, TResult>
    where TCommand : IContributorCommand
{
    public Task<JourneyTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        journeys.ForContributorAsync(command.Token, user, cancellationToken);

    public virtual Decision Decide(JourneyTarget target, TCommand command) => target.Decide(JourneyAction.Contribute);

    public abstract Task<TResult> RunAsync(Change<JourneyTarget> change, TCommand command, CancellationToken cancellationToken);
}
