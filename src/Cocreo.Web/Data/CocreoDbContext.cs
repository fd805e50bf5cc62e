using Cocreo.Web.Features.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cocreo.Web.Data;

/// <summary>
/// The one database of the platform. Each capability owns its entities and their configuration
/// (an <see cref="IEntityTypeConfiguration{TEntity}"/> in its feature folder); this class only applies them.
/// Provider-specific subclasses exist only so that each provider keeps its own migrations.
/// </summary>
public abstract class CocreoDbContext : IdentityDbContext<CocreoUser>, IDataProtectionKeyContext
{
    protected CocreoDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CocreoDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; SQLite forgets the kind, PostgreSQL insists on it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

/// <summary>The platform's database on an embedded SQLite file.</summary>
public sealed class SqliteCocreoDbContext(DbContextOptions<SqliteCocreoDbContext> options) : CocreoDbContext(options);

/// <summary>The platform's database on PostgreSQL.</summary>
public sealed class PostgreSqlCocreoDbContext(DbContextOptions<PostgreSqlCocreoDbContext> options) : CocreoDbContext(options);
