using System.Security.Claims;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Processes;

/// <summary>A command about one process.</summary>
public interface IProcessCommand
{
    int ProcessId { get; }
}

/// <summary>
/// The shape of a change to a process itself: the runner loads the process named by the command for the change and
/// asks <see cref="ProcessPermissions"/> about <see cref="Action"/>; the handler only makes the change.
/// </summary>
public abstract class ProcessChange<TCommand, TResult>(ProcessAccessReader processes) : IChange<TCommand, ProcessTarget, TResult>
    where TCommand : IProcessCommand
{
    /// <summary>Opens processes for the change (and answers who is a member).</summary>
    protected ProcessAccessReader Processes { get; } = processes;

    /// <summary>What the permissions are asked.</summary>
    protected abstract ProcessAction Action { get; }

    public virtual Task<ProcessTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Processes.ForChangeAsync(command.ProcessId, user, cancellationToken);

    public virtual Decision Decide(ProcessTarget target, TCommand command) => target.Decide(Action);

    public abstract Task<TResult> RunAsync(Change<ProcessTarget> change, TCommand command, CancellationToken cancellationToken);
}
