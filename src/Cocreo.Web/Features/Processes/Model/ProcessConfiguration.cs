using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Processes;

internal sealed class ProcessConfiguration : IEntityTypeConfiguration<Process>
{
    public void Configure(EntityTypeBuilder<Process> process)
    {
        process.Property(p => p.Title).HasMaxLength(ProcessLimits.Title).IsRequired();
        process.Property(p => p.ProblemStatement).HasMaxLength(ProcessLimits.LongText);
        process.Property(p => p.Purpose).HasMaxLength(ProcessLimits.LongText);
        process.Property(p => p.SponsorName).HasMaxLength(ProcessLimits.Name);
        process.Property(p => p.SponsorMandate).HasMaxLength(ProcessLimits.LongText);
        process.Property(p => p.PoliticalBacking).HasMaxLength(ProcessLimits.LongText);
        process.Property(p => p.Language).HasMaxLength(8);
        process.Property(p => p.Visibility).HasConversion<string>().HasMaxLength(20);
        process.Property(p => p.CurrentPhase).HasConversion<string>().HasMaxLength(40);
        process.Property(p => p.Version).IsConcurrencyToken();
        process.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        process.HasMany(p => p.Phases).WithOne().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
        process.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.ProcessId).OnDelete(DeleteBehavior.Cascade);
        process.HasMany(p => p.Translations).WithOne().HasForeignKey(t => t.ProcessId).OnDelete(DeleteBehavior.Cascade);
        process.Navigation(p => p.Phases).AutoInclude();
        // The public log is the platform's; a process is its subject.
        process.HasMany<ProcessLogEntry>().WithOne().HasForeignKey(e => e.ProcessId).OnDelete(DeleteBehavior.Restrict);
        process.HasOne<ProcessLogHead>().WithOne().HasForeignKey<ProcessLogHead>(h => h.ProcessId).OnDelete(DeleteBehavior.Restrict);
        process.HasIndex(p => new { p.Visibility, p.CreatedAt });
        // A deleted process is a tombstone: gone from every query but the few that ask for it (IgnoreQueryFilters).
        process.HasQueryFilter(p => p.DeletedAt == null);
    }
}

internal sealed class ProcessPhaseConfiguration : IEntityTypeConfiguration<ProcessPhase>
{
    public void Configure(EntityTypeBuilder<ProcessPhase> phase)
    {
        phase.Property(p => p.Phase).HasConversion<string>().HasMaxLength(40);
        phase.HasIndex(p => new { p.ProcessId, p.Phase }).IsUnique();
    }
}

internal sealed class ProcessMemberConfiguration : IEntityTypeConfiguration<ProcessMember>
{
    public void Configure(EntityTypeBuilder<ProcessMember> member)
    {
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        member.HasIndex(m => new { m.ProcessId, m.UserId }).IsUnique();
        member.HasIndex(m => m.UserId);
        member.HasOne<Accounts.CocreoUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProcessTranslationConfiguration : IEntityTypeConfiguration<ProcessTranslation>
{
    public void Configure(EntityTypeBuilder<ProcessTranslation> translation)
    {
        translation.Property(t => t.Language).HasMaxLength(8);
        translation.Property(t => t.Title).HasMaxLength(ProcessLimits.Title);
        translation.Property(t => t.ProblemStatement).HasMaxLength(ProcessLimits.LongText);
        translation.Property(t => t.Purpose).HasMaxLength(ProcessLimits.LongText);
        translation.Property(t => t.SponsorName).HasMaxLength(ProcessLimits.Name);
        translation.Property(t => t.SponsorMandate).HasMaxLength(ProcessLimits.LongText);
        translation.Property(t => t.PoliticalBacking).HasMaxLength(ProcessLimits.LongText);
        translation.HasIndex(t => new { t.ProcessId, t.Language }).IsUnique();
    }
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> announcement)
    {
        announcement.Property(a => a.Title).HasMaxLength(ProcessLimits.Title).IsRequired();
        announcement.Property(a => a.Body).HasMaxLength(ProcessLimits.LongText);
        announcement.HasOne<Process>().WithMany().HasForeignKey(a => a.ProcessId).OnDelete(DeleteBehavior.Cascade);
        announcement.HasIndex(a => new { a.ProcessId, a.PublishedAt });
        announcement.Property(a => a.Language).HasMaxLength(8);
        announcement.HasMany(a => a.Translations).WithOne().HasForeignKey(t => t.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnouncementTranslationConfiguration : IEntityTypeConfiguration<AnnouncementTranslation>
{
    public void Configure(EntityTypeBuilder<AnnouncementTranslation> translation)
    {
        translation.Property(t => t.Language).HasMaxLength(8);
        translation.Property(t => t.Title).HasMaxLength(ProcessLimits.Title);
        translation.Property(t => t.Body).HasMaxLength(ProcessLimits.LongText);
        translation.HasIndex(t => new { t.AnnouncementId, t.Language }).IsUnique();
    }
}

public static class ProcessLimits
{
    public const int Title = 200;
    public const int Name = 200;
    public const int LongText = 20_000;
    public const int ScopeItem = 500;
    public const int ScopeItems = 50;
}
