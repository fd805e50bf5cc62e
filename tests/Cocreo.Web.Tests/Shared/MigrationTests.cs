using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Shared;

/// <summary>
/// Every change to the model has its migration, for both databases: when branches that each added a migration are
/// merged, the migrations must be regenerated, and a forgotten one would break a real upgrade while every test on a
/// fresh database still passed.
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Providers => ["Sqlite", "PostgreSql"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_of_each_database_describe_the_whole_model(string provider)
    {
        // Neither context connects: the comparison is between the model and the migrations' snapshot.
        using CocreoDbContext db = provider == "Sqlite"
            ? new SqliteCocreoDbContext(new DbContextOptionsBuilder<SqliteCocreoDbContext>().UseSqlite("Data Source=:memory:").Options)
            : new PostgreSqlCocreoDbContext(new DbContextOptionsBuilder<PostgreSqlCocreoDbContext>().UseNpgsql("Host=localhost").Options);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes without a {provider} migration: run `dotnet ef migrations add` for it (see README).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
