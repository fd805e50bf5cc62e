using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Organisations;

/// <summary>
/// One decision of a platform administrator, as it was made: who (their account and the name shown then), about
/// which organisation (its name then), what, why and when. The administrators' log is append-only: the platform adds
/// entries in the same save as the decision and has no code that changes or deletes one.
/// </summary>
public sealed class AdministratorLogEntry
{
    public long Id { get; private set; }
    public DateTime OccurredAt { get; private set; }
    public string? AdministratorId { get; private set; }
    public string AdministratorName { get; private set; } = "";
    public int OrganisationId { get; private set; }
    public string OrganisationName { get; private set; } = "";

    /// <summary>What was decided: <c>organisation.verified</c>, <c>organisation.suspended</c>, <c>organisation.reinstated</c>.</summary>
    public string Action { get; private set; } = "";
    public string Reason { get; private set; } = "";

    private AdministratorLogEntry()
    {
    }

    public static AdministratorLogEntry Record(string? administratorId, string administratorName, Organisation organisation, string action, DateTime now) => new()
    {
        OccurredAt = now,
        AdministratorId = administratorId,
        AdministratorName = administratorName,
        OrganisationId = organisation.Id,
        OrganisationName = organisation.Name,
        Action = action,
        Reason = organisation.StandingReason ?? "",
    };
}

internal sealed class AdministratorLogEntryConfiguration : IEntityTypeConfiguration<AdministratorLogEntry>
{
    public void Configure(EntityTypeBuilder<AdministratorLogEntry> entry)
    {
        entry.ToTable("AdministratorLog");
        entry.Property(e => e.AdministratorId).HasMaxLength(450);
        entry.Property(e => e.AdministratorName).HasMaxLength(256).IsRequired();
        entry.Property(e => e.OrganisationName).HasMaxLength(OrganisationLimits.Name).IsRequired();
        entry.Property(e => e.Action).HasMaxLength(40).IsRequired();
        entry.Property(e => e.Reason).HasMaxLength(OrganisationLimits.Reason).IsRequired();
        entry.HasIndex(e => e.OccurredAt);
        entry.HasIndex(e => e.OrganisationId);
        // No foreign keys: the log outlives what it names (an account or an organisation that is later removed).
    }
}

/// <summary>Reads the administrators' log (only platform administrators' pages use it).</summary>
public sealed class AdministratorLog(CocreoDbContext db)
{
    public async Task<List<AdministratorLogEntry>> LatestAsync(int? organisationId, int limit, CancellationToken cancellationToken = default) =>
        await db.Set<AdministratorLogEntry>().AsNoTracking()
            .Where(e => organisationId == null || e.OrganisationId == organisationId)
            .OrderByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
}
