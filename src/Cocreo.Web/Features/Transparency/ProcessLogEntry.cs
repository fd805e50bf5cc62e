using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Transparency;

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
        entry.HasOne<Processes.Process>().WithMany().HasForeignKey(e => e.ProcessId).OnDelete(DeleteBehavior.Restrict);
    }
}
