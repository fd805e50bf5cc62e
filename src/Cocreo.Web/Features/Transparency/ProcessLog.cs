using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Transparency;

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
/// The public log of every process: the one way capabilities record a state change. Append adds the entry to
/// the same unit of work as the change, so both are saved in one transaction or neither is.
/// </summary>
public sealed class ProcessLog(CocreoDbContext db, TimeProvider clock)
{
    public ProcessLogEntry Append(Process process, LogActor actor, string action, object? data = null)
    {
        var occurredAt = LogChain.Truncate(clock.GetUtcNow().UtcDateTime);
        var sequence = process.LogLength + 1;
        var canonicalData = LogChain.CanonicalData(data);
        var hash = LogChain.ComputeHash(process.Id, sequence, occurredAt, actor.Name, actor.Role, action, canonicalData, process.LogHeadHash);
        var entry = new ProcessLogEntry
        {
            ProcessId = process.Id,
            Sequence = sequence,
            OccurredAt = occurredAt,
            ActorName = actor.Name,
            ActorRole = actor.Role,
            Action = action,
            Data = canonicalData,
            PreviousHash = process.LogHeadHash,
            Hash = hash,
        };
        process.RecordLogHead(sequence, hash);
        db.Add(entry);
        return entry;
    }

    public async Task<IReadOnlyList<ProcessLogEntry>> EntriesAsync(int processId, CancellationToken cancellationToken = default) =>
        await db.Set<ProcessLogEntry>().AsNoTracking()
            .Where(e => e.ProcessId == processId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);

    /// <summary>Verifies a process's log as stored, against the length and head the process recorded.</summary>
    public async Task<LogVerification> VerifyAsync(int processId, CancellationToken cancellationToken = default)
    {
        var head = await db.Set<Process>().AsNoTracking()
            .Where(p => p.Id == processId)
            .Select(p => new { p.LogLength, p.LogHeadHash })
            .SingleAsync(cancellationToken);
        var entries = await EntriesAsync(processId, cancellationToken);
        return LogChain.Verify(entries.Select(e => e.ToRecord()).ToList(), head.LogLength, head.LogHeadHash);
    }
}
