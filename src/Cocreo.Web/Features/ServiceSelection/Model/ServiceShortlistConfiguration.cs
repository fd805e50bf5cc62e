using Cocreo.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.ServiceSelection;

internal sealed class ServiceShortlistConfiguration : IEntityTypeConfiguration<ServiceShortlist>
{
    public void Configure(EntityTypeBuilder<ServiceShortlist> shortlist)
    {
        shortlist.Property(s => s.Title).HasMaxLength(AssessmentLimits.Title).IsRequired();
        shortlist.Property(s => s.InstrumentVersion).HasMaxLength(AssessmentLimits.Id).IsRequired();
        shortlist.Property(s => s.StartedByUserId).HasMaxLength(450).IsRequired();
        shortlist.Property(s => s.ChosenByUserId).HasMaxLength(450);
        shortlist.Property(s => s.ChoiceReason).HasMaxLength(AssessmentLimits.Description);
        shortlist.Property(s => s.Version).IsConcurrencyToken();
        shortlist.Ignore(s => s.Chosen);
        shortlist.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        shortlist.HasOne<Processes.Process>().WithMany().HasForeignKey(s => s.ProcessId).OnDelete(DeleteBehavior.Restrict);
        shortlist.HasMany(s => s.Services).WithOne().HasForeignKey(s => s.ShortlistId).OnDelete(DeleteBehavior.Cascade);
        shortlist.HasIndex(s => new { s.OrganisationId, s.ChosenAt });
    }
}

internal sealed class ShortlistedServiceConfiguration : IEntityTypeConfiguration<ShortlistedService>
{
    public void Configure(EntityTypeBuilder<ShortlistedService> service)
    {
        service.Property(s => s.Name).HasMaxLength(AssessmentLimits.Title).IsRequired();
        service.Property(s => s.Description).HasMaxLength(AssessmentLimits.Description);
        service.HasOne<OrganisationAssessment>().WithOne().HasForeignKey<ShortlistedService>(s => s.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
