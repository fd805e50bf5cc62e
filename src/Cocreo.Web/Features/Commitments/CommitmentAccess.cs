using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Commitments;

/// <summary>A command about a process's commitments as a whole (a new one).</summary>
public interface IProcessCommitmentsCommand
{
    int ProcessId { get; }
}

/// <summary>A command about one commitment.</summary>
public interface ICommitmentCommand
{
    int CommitmentId { get; }
}

/// <summary>A process loaded for a change to its commitments.</summary>
public sealed record CommitmentsTarget(ProcessTarget Process) : IChangeTarget
{
    public int? LogProcessId => Process.Process.Id;

    public LogActor Actor => Process.Actor;

    public ProcessAccess Access => Process.Access;

    public Decision Decide(CommitmentAction action, Commitment? commitment = null) =>
        CommitmentPermissions.Decide(action, Process.Process, Process.Access, commitment);
}

/// <summary>One commitment loaded for a change, tracked, with its milestones and its process.</summary>
public sealed record CommitmentTarget(CommitmentsTarget Commitments, Commitment Commitment) : IChangeTarget
{
    public int? LogProcessId => Commitments.LogProcessId;

    public LogActor Actor => Commitments.Actor;

    public Decision Decide(CommitmentAction action) => Commitments.Decide(action, Commitment);
}

/// <summary>A process's commitments as a page reads them: the process and who reads.</summary>
public sealed record CommitmentsView(ProcessView Process)
{
    public bool Can(CommitmentAction action, Commitment? commitment = null) =>
        CommitmentPermissions.Allows(action, Process.Process, Process.Access, commitment);
}

/// <summary>Opens a process's commitments for a page or a change: the one place their targets are built.</summary>
public sealed class CommitmentAccess(CocreoDbContext db, ProcessAccessReader processes)
{
    public async Task<CommitmentsTarget?> ForChangeAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await processes.ForChangeAsync(processId, user, cancellationToken) is { } process ? new CommitmentsTarget(process) : null;

    public async Task<CommitmentTarget?> ForCommitmentChangeAsync(int commitmentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var commitment = await db.Set<Commitment>().Include(c => c.Milestones).SingleOrDefaultAsync(c => c.Id == commitmentId, cancellationToken);
        var target = commitment is null ? null : await ForChangeAsync(commitment.ProcessId, user, cancellationToken);
        return target is null ? null : new CommitmentTarget(target, commitment!);
    }

    /// <summary>Opens a process's commitments for a page; refuses (throws) when the reader may not <paramref name="action"/>.</summary>
    public async Task<CommitmentsView> ReadAsync(int processId, ClaimsPrincipal user, CommitmentAction action = CommitmentAction.View, CancellationToken cancellationToken = default)
    {
        var process = await processes.ReadAsync(processId, user, ProcessAction.View, cancellationToken);
        RefusedException.Unless(CommitmentPermissions.Decide(action, process.Process, process.Access), process.Access.IsAuthenticated);
        return new CommitmentsView(process);
    }

    /// <summary>One commitment of a process for a page, with its milestones; 404 for a commitment of another process.</summary>
    public async Task<(CommitmentsView View, Commitment Commitment)> ReadCommitmentAsync(int processId, int commitmentId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var view = await ReadAsync(processId, user, CommitmentAction.View, cancellationToken);
        var commitment = RefusedException.IfMissing(await db.Set<Commitment>().AsNoTracking().Include(c => c.Milestones)
            .SingleOrDefaultAsync(c => c.Id == commitmentId && c.ProcessId == processId, cancellationToken));
        return (view, commitment);
    }

    /// <summary>The process a commitment belongs to (for the API, which names only the commitment); 0 when there is none.</summary>
    public async Task<int> ProcessOfAsync(int commitmentId, CancellationToken cancellationToken) =>
        await db.Set<Commitment>().Where(c => c.Id == commitmentId).Select(c => c.ProcessId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The commitments of a process, soonest deadline first, with their milestones.</summary>
    public async Task<List<Commitment>> OfProcessAsync(int processId, CancellationToken cancellationToken) =>
        await db.Set<Commitment>().AsNoTracking().Include(c => c.Milestones).Where(c => c.ProcessId == processId)
            .OrderBy(c => c.Deadline).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    public Task<bool> AnyAsync(int processId, CancellationToken cancellationToken) =>
        db.Set<Commitment>().AnyAsync(c => c.ProcessId == processId, cancellationToken);
}

/// <summary>The shape of a change to a process's commitments as a whole.</summary>
public abstract class CommitmentsChange<TCommand, TResult>(CommitmentAccess access, CommitmentAction action) : IChange<TCommand, CommitmentsTarget, TResult>
    where TCommand : IProcessCommitmentsCommand
{
    public Task<CommitmentsTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.ForChangeAsync(command.ProcessId, user, cancellationToken);

    public virtual Decision Decide(CommitmentsTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<CommitmentsTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>The shape of a change to one commitment: decided on the commitment as it is now.</summary>
public abstract class CommitmentChange<TCommand, TResult>(CommitmentAccess access, CommitmentAction action) : IChange<TCommand, CommitmentTarget, TResult>
    where TCommand : ICommitmentCommand
{
    public Task<CommitmentTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.ForCommitmentChangeAsync(command.CommitmentId, user, cancellationToken);

    public virtual Decision Decide(CommitmentTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<CommitmentTarget> change, TCommand command, CancellationToken cancellationToken);
}
