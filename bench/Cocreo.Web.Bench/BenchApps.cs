using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Cocreo.Web.Bench;

/// <summary>The test apps, told where the web project is: a console program is not found the way a test project is.</summary>
public static class BenchApps
{
    public static string WebProject { get; } = Find();

    /// <summary>BENCH_SQL=1 prints every SQL command with its duration, to see where the time goes.</summary>
    public static void ShowSql(IWebHostBuilder builder)
    {
        if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1")
        {
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        }
    }

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Cocreo.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("src/Cocreo.Web not found above " + AppContext.BaseDirectory);
    }
}

public sealed class BenchSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseContentRoot(BenchApps.WebProject);
        BenchApps.ShowSql(builder);
    }
}

public sealed class BenchPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseContentRoot(BenchApps.WebProject);
        BenchApps.ShowSql(builder);
    }
}
