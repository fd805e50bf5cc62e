using Cocreo.Transparency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Platform.Log;

/// <summary>A stored entry of a process's public, append-only, hash-chained log.</summary>
public sealed class ProcessLogEntry
{
    public long Id { get; private set; }
    public int ProcessId { get; init; }
    public long Sequence { get; init; }
    public DateTime OccurredAt { get; init; }

    /// <summary>Who acted, when the actor acts in a public capacity (staff, facilitators); null when the actor stays private.</summary>
    public string? ActorName { get; init; }

    /// <summary>The role the actor acted in (owner, facilitator, participant, observer, staff, admin, system).</summary>
    public string ActorRole { get; init; } = "";

    /// <summary>What happened, as a stable code such as <c>phase.advanced</c>.</summary>
    public string Action { get; init; } = "";

    /// <summary>The data changed, as canonical JSON.</summary>
    public string Data { get; init; } = "{}";

    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";

    public LogRecord ToRecord() => new(ProcessId, Sequence, OccurredAt, ActorName, ActorRole, Action, Data, PreviousHash, Hash);
}

/// <summary>
/// The head of a process's chain: how many entries it has and the last one's hash. A removed last entry is detected
/// against it, and its version token makes concurrent appends to one log take turns (one of two saves fails and is
/// tried again on fresh data). It is kept apart from the process, so that the log is the platform's and a process
/// is only the subject of it.
/// </summary>
public sealed class ProcessLogHead
{
    public int ProcessId { get; private set; }
    public long Length { get; private set; }
    public string Hash { get; private set; } = LogChain.GenesisHash;
    public Guid Version { get; private set; } = Guid.NewGuid();

    private ProcessLogHead()
    {
    }

    /// <summary>The head of a log with no entries yet.</summary>
    public static ProcessLogHead Empty(int processId) => new() { ProcessId = processId };

    internal void Advance(long length, string hash)
    {
        Length = length;
        Hash = hash;
        Version = Guid.NewGuid();
    }
}

internal sealed class ProcessLogEntryConfiguration : IEntityTypeConfiguration<ProcessLogEntry>
{
    public void Configure(EntityTypeBuilder<ProcessLogEntry> entry)
    {
        entry.ToTable("ProcessLogEntries");
        entry.HasIndex(e => new { e.ProcessId, e.Sequence }).IsUnique();
        entry.Property(e => e.ActorName).HasMaxLength(200);
        entry.Property(e => e.ActorRole).HasMaxLength(40);
        entry.Property(e => e.Action).HasMaxLength(80);
        entry.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        entry.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class ProcessLogHeadConfiguration : IEntityTypeConfiguration<ProcessLogHead>
{
    public void Configure(EntityTypeBuilder<ProcessLogHead> head)
    {
        head.ToTable("ProcessLogHeads");
        head.HasKey(h => h.ProcessId);
        head.Property(h => h.ProcessId).ValueGeneratedNever();
        head.Property(h => h.Hash).HasMaxLength(64).IsFixedLength();
        head.Property(h => h.Version).IsConcurrencyToken();
    }
}
