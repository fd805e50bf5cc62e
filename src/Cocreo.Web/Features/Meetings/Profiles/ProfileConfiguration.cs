using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Meetings.Profiles;

internal sealed class MeetingAttributeSetConfiguration : IEntityTypeConfiguration<MeetingAttributeSet>
{
    public void Configure(EntityTypeBuilder<MeetingAttributeSet> set)
    {
        set.ToTable("MeetingAttributeSets");
        set.HasKey(s => s.MeetingId);
        set.Property(s => s.MeetingId).ValueGeneratedNever();
        set.Property(s => s.Json).HasMaxLength(8_000).IsRequired();
        set.Property(s => s.Version).IsConcurrencyToken();
        set.HasOne<Meeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        set.Ignore(s => s.Attributes);
    }
}

internal sealed class MeetingProfileConfiguration : IEntityTypeConfiguration<MeetingProfile>
{
    public void Configure(EntityTypeBuilder<MeetingProfile> profile)
    {
        profile.ToTable("MeetingProfiles");
        profile.HasKey(p => p.RegistrationId);
        profile.Property(p => p.RegistrationId).ValueGeneratedNever();
        profile.Property(p => p.SealedAnswers).HasColumnName("Answers").IsRequired();
        // Deleted with the registration's row; emptied (deleted) when the registration is cancelled or its account deleted.
        profile.HasOne<MeetingRegistration>().WithMany().HasForeignKey(p => p.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        profile.HasIndex(p => p.MeetingId);
        profile.Ignore(p => p.Values);
    }
}
