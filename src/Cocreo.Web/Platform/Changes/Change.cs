using Cocreo.Web.Data;
using Cocreo.Web.Platform.Log;
using Transparency = Cocreo.Transparency;

namespace Cocreo.Web.Platform.Changes;

/// <summary>
/// What a change acts on, loaded for the change (tracked) together with who is asking. Each capability has its own
/// (a budget with its process and the person's access, a journey map, an assessment) and builds it in one place.
/// </summary>
public interface IChangeTarget
{
    /// <summary>The process whose public log records the change; null for a change outside any process (an organisation's own records).</summary>
    int? LogProcessId { get; }

    /// <summary>Who the log names for this change: staff by name, participants only by role.</summary>
    LogActor Actor { get; }
}

/// <summary>
/// One use case that changes something: a command record (what the person asked), and this handler, beside its page.
/// The <see cref="ChangeRunner"/> loads the target, asks <see cref="Decide"/> on that fresh data, runs the change,
/// appends its log entries and saves, in one transaction, and starts again from the load when another change won
/// a race. Pages and API endpoints run the same handlers.
/// </summary>
public interface IChange<in TCommand, TTarget, TResult> where TTarget : class, IChangeTarget
{
    /// <summary>Loads, tracked, what the command acts on with the person's access to it; null when it does not exist.</summary>
    Task<TTarget?> LoadAsync(TCommand command, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Whether the person may make this change to the target as it is now (the capability's permissions).</summary>
    Decision Decide(TTarget target, TCommand command);

    /// <summary>Makes the change on the tracked target and logs it through <paramref name="change"/>; the runner saves.</summary>
    Task<TResult> RunAsync(Change<TTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>A command that a form sends with a one-time submission id, so that a resubmission (Back, a double click, a retry) changes nothing twice.</summary>
public interface ISubmittedOnce
{
    Guid SubmissionId { get; }
}

/// <summary>The result of a change that has nothing to tell but that it was done.</summary>
public readonly record struct Done;

/// <summary>What a running change can use: its target, the time, and the log (entries go into the same save).</summary>
public sealed class Change<TTarget>(TTarget target, CocreoDbContext db, ProcessLog log, LogCheckpoints checkpoints, DateTime now) where TTarget : class, IChangeTarget
{
    private ProcessLogHead? head;
    private int? logProcessId = target.LogProcessId;
    private List<Action>? afterCommit;

    public TTarget Target => target;

    public DateTime Now => now;

    public LogActor Actor => target.Actor;

    /// <summary>
    /// Something to do once the change is committed, and only then (a live update, a nudge to background work): an
    /// attempt that loses a race and starts again forgets what it asked. It must not fail: a failure is the caller's to log.
    /// </summary>
    public void AfterCommit(Action action) => (afterCommit ??= []).Add(action);

    internal void Committed()
    {
        foreach (var action in afterCommit ?? [])
        {
            action();
        }
    }

    /// <summary>True once the change has saved part of its work in the change's transaction (see <see cref="SaveAsync"/>).</summary>
    internal bool SavedEarly { get; private set; }

    /// <summary>Appends an entry naming <see cref="Actor"/> to the log of the target's process.</summary>
    public void Log(string action, object? data = null) => LogAs(Actor, action, data);

    /// <summary>Appends an entry naming someone else (a participant's own change logged by role only, or the system).</summary>
    public void LogAs(LogActor actor, string action, object? data = null)
    {
        if (head is null)
        {
            throw new InvalidOperationException($"'{action}': this change has no process log to append to; a change that creates a process calls LogFromAsync first.");
        }
        log.Append(head, actor, action, data);
    }

    /// <summary>
    /// Signs a checkpoint of the log as it stands after this change's entries (a phase change, an announcement), in
    /// the same save, and returns it (an announcement e-mails it).
    /// </summary>
    public Transparency.LogCheckpoint Checkpoint() =>
        checkpoints.Add(head ?? throw new InvalidOperationException("This change has no process log to checkpoint."), now);

    /// <summary>For a change that created the process it logs (saved first, for its id): its entries go to that log.</summary>
    public async Task LogFromAsync(int processId, CancellationToken cancellationToken)
    {
        logProcessId = processId;
        head = await log.HeadForChangeAsync(processId, cancellationToken);
    }

    /// <summary>Saves what the change did so far (to get a new record's id); the runner commits it with the rest, or nothing.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        SavedEarly = true;
        if (db.Database.CurrentTransaction is null)
        {
            await db.Database.BeginTransactionAsync(cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    internal async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (logProcessId is { } id)
        {
            head = await log.HeadForChangeAsync(id, cancellationToken);
        }
    }
}
