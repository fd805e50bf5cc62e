using Cocreo.Transparency;
using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Platform.Log;

/// <summary>Who an entry names: a person in a public capacity, or only a role where the person stays private.</summary>
public sealed record LogActor(string? Name, string Role)
{
    public static LogActor System { get; } = new(null, "system");

    /// <summary>Staff, facilitators and sponsors act in public and are named.</summary>
    public static LogActor Named(string name, string role) => new(name, role);

    /// <summary>Participants and observers stay private: the log names only their role.</summary>
    public static LogActor Private(string role) => new(null, role);
}

/// <summary>
/// The public log of every process: the one way capabilities record a state change. An append adds the entry to
/// the unit of work of the change, so both are saved in one transaction or neither is. Changes append through the
/// change runner (<c>change.Log(...)</c>); the demo and tests may append directly.
/// </summary>
public sealed class ProcessLog(CocreoDbContext db, TimeProvider clock)
{
    /// <summary>The head of a process's log, tracked for a change (a new one for a process without entries).</summary>
    public async Task<ProcessLogHead> HeadForChangeAsync(int processId, CancellationToken cancellationToken = default)
    {
        var head = await db.Set<ProcessLogHead>().FindAsync([processId], cancellationToken);
        if (head is null)
        {
            head = ProcessLogHead.Empty(processId);
            db.Add(head);
        }
        return head;
    }

    /// <summary>Appends an entry after the given head (tracked, of the same unit of work) and moves the head.</summary>
    public ProcessLogEntry Append(ProcessLogHead head, LogActor actor, string action, object? data = null)
    {
        var occurredAt = LogChain.Truncate(clock.GetUtcNow().UtcDateTime);
        var sequence = head.Length + 1;
        var canonicalData = LogChain.CanonicalData(data);
        var hash = LogChain.ComputeHash(head.ProcessId, sequence, occurredAt, actor.Name, actor.Role, action, canonicalData, head.Hash);
        var entry = new ProcessLogEntry
        {
            ProcessId = head.ProcessId,
            Sequence = sequence,
            OccurredAt = occurredAt,
            ActorName = actor.Name,
            ActorRole = actor.Role,
            Action = action,
            Data = canonicalData,
            PreviousHash = head.Hash,
            Hash = hash,
        };
        head.Advance(sequence, hash);
        db.Add(entry);
        return entry;
    }

    /// <summary>Appends an entry to a process's log in the current unit of work (the caller saves).</summary>
    public async Task<ProcessLogEntry> AppendAsync(int processId, LogActor actor, string action, object? data = null, CancellationToken cancellationToken = default) =>
        Append(await HeadForChangeAsync(processId, cancellationToken), actor, action, data);

    /// <summary>The recorded length and head hash of a process's log (zero and the genesis hash before its first entry).</summary>
    public async Task<(long Length, string Hash)> HeadAsync(int processId, CancellationToken cancellationToken = default)
    {
        var head = await db.Set<ProcessLogHead>().AsNoTracking()
            .Where(h => h.ProcessId == processId)
            .Select(h => new { h.Length, h.Hash })
            .SingleOrDefaultAsync(cancellationToken);
        return head is null ? (0, LogChain.GenesisHash) : (head.Length, head.Hash);
    }

    public async Task<IReadOnlyList<ProcessLogEntry>> EntriesAsync(int processId, CancellationToken cancellationToken = default) =>
        await db.Set<ProcessLogEntry>().AsNoTracking()
            .Where(e => e.ProcessId == processId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);

    /// <summary>The newest entries of a process's log, newest first.</summary>
    public async Task<IReadOnlyList<ProcessLogEntry>> LatestAsync(int processId, int count, CancellationToken cancellationToken = default) =>
        await db.Set<ProcessLogEntry>().AsNoTracking()
            .Where(e => e.ProcessId == processId)
            .OrderByDescending(e => e.Sequence)
            .Take(count)
            .ToListAsync(cancellationToken);

    /// <summary>Verifies a process's log as stored, against the length and head recorded for it.</summary>
    public async Task<LogVerification> VerifyAsync(int processId, CancellationToken cancellationToken = default)
    {
        var (length, hash) = await HeadAsync(processId, cancellationToken);
        var entries = await EntriesAsync(processId, cancellationToken);
        return LogChain.Verify(entries.Select(e => e.ToRecord()).ToList(), length, hash);
    }
}
