using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.ToTable("Meetings");
        meeting.Property(m => m.Title).HasMaxLength(MeetingLimits.Title).IsRequired();
        meeting.Property(m => m.Description).HasMaxLength(MeetingLimits.Description);
        meeting.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        meeting.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        meeting.Property(m => m.Address).HasMaxLength(MeetingLimits.Address);
        meeting.Property(m => m.Room).HasMaxLength(MeetingLimits.Room);
        meeting.Property(m => m.AccessNotes).HasMaxLength(MeetingLimits.AccessNotes);
        meeting.Property(m => m.OnlineUrl).HasMaxLength(MeetingLimits.OnlineUrl);
        meeting.Property(m => m.Language).HasMaxLength(8);
        meeting.Property(m => m.Version).IsConcurrencyToken();
        meeting.HasIndex(m => m.ProcessId);
        meeting.HasIndex(m => new { m.StartsAt, m.State });
        meeting.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        meeting.HasOne<Processes.Process>().WithMany().HasForeignKey(m => m.ProcessId).OnDelete(DeleteBehavior.Restrict);
        meeting.Ignore(m => m.IsCancelled);
        meeting.Ignore(m => m.HasRoom);
        meeting.Ignore(m => m.HasVideoRoom);
        meeting.Ignore(m => m.Place);
        meeting.Ignore(m => m.Details);
    }
}

internal sealed class MeetingRegistrationConfiguration : IEntityTypeConfiguration<MeetingRegistration>
{
    public void Configure(EntityTypeBuilder<MeetingRegistration> registration)
    {
        registration.ToTable("MeetingRegistrations");
        registration.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        registration.Property(r => r.Code).HasMaxLength(MeetingLimits.CodeLength).IsRequired();
        // The sealed name keeps the column's name; a sealed value is longer than the name (nonce, tag, base64).
        registration.Ignore(r => r.WalkInName);
        registration.Property(r => r.SealedWalkInName).HasColumnName("WalkInName").HasMaxLength(800);
        registration.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        registration.HasOne<Accounts.CocreoUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        // One registration per account and meeting: a double submit or a parallel request loses on this key and, tried again, finds the first.
        registration.HasIndex(r => new { r.MeetingId, r.UserId }).IsUnique();
        registration.HasIndex(r => new { r.MeetingId, r.Code }).IsUnique();
        registration.HasIndex(r => new { r.MeetingId, r.Status, r.QueuedAt });
        registration.Ignore(r => r.Needs);
        registration.Property(r => r.SealedNeeds);
        registration.Ignore(r => r.IsActive);
    }
}
