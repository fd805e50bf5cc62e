using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Name).HasMaxLength(OrganisationLimits.Name).IsRequired();
        organisation.Property(o => o.Country).HasMaxLength(2).IsRequired();
        organisation.Property(o => o.Type).HasConversion<string>().HasMaxLength(20);
        organisation.Property(o => o.Size).HasConversion<string>().HasMaxLength(20);
        organisation.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        organisation.HasIndex(o => o.Name);
        // One organisation per name: a parallel registration of the same name fails on this index, and the change
        // runner's retry then finds the name taken and answers with the field error.
        organisation.Property(o => o.NormalizedName).HasMaxLength(OrganisationLimits.Name).IsRequired();
        organisation.HasIndex(o => o.NormalizedName).IsUnique();
        organisation.Property(o => o.Standing).HasConversion<string>().HasMaxLength(20);
        organisation.HasIndex(o => o.Standing);
        organisation.Property(o => o.StandingDecidedBy).HasMaxLength(256);
        organisation.Property(o => o.StandingReason).HasMaxLength(OrganisationLimits.Reason);
    }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> member)
    {
        member.HasIndex(m => new { m.OrganisationId, m.UserId }).IsUnique();
        member.HasIndex(m => m.UserId);
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        member.HasOne<Accounts.CocreoUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationInvitationConfiguration : IEntityTypeConfiguration<OrganisationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganisationInvitation> invitation)
    {
        invitation.Property(i => i.Email).HasMaxLength(256).IsRequired();
        invitation.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        invitation.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class OrganisationLimits
{
    public const int Name = 200;

    /// <summary>The reason a platform administrator gives for a decision about an organisation.</summary>
    public const int Reason = 500;
}
