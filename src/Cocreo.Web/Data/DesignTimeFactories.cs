using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cocreo.Web.Data;

// Used only by `dotnet ef migrations add` to build each provider's model; the app configures contexts in DatabaseRegistration.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCocreoDbContext>
{
    public SqliteCocreoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCocreoDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCocreoDbContext>
{
    public PostgreSqlCocreoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCocreoDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
