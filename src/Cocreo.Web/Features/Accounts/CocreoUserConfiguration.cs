using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Accounts;

internal sealed class CocreoUserConfiguration : IEntityTypeConfiguration<CocreoUser>
{
    public void Configure(EntityTypeBuilder<CocreoUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        user.Property(u => u.PreferredLanguage).HasMaxLength(8);
    }
}
