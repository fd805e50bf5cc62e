using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Meetings.TablePlans;

internal sealed class MeetingTablePlanConfiguration : IEntityTypeConfiguration<MeetingTablePlan>
{
    public void Configure(EntityTypeBuilder<MeetingTablePlan> plan)
    {
        plan.ToTable("MeetingTablePlans");
        plan.HasKey(p => p.MeetingId);
        plan.Property(p => p.MeetingId).ValueGeneratedNever();
        plan.Property(p => p.Settings).IsRequired();
        plan.Property(p => p.Basis).HasConversion<string>().HasMaxLength(20);
        plan.Property(p => p.Version).IsConcurrencyToken();
        plan.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        plan.Ignore(p => p.SettingsValue);
        plan.Ignore(p => p.PlanValue);
    }
}
