using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// After seeding, before timing: on PostgreSQL the tables are vacuumed and analysed, as autovacuum does within
    /// minutes of a large insert (a freshly seeded table has no statistics and no visibility map, so the first lists
    /// timed were planned blind and counted through the heap); then every address is read by every reader, untimed,
    /// round after round until the JIT has done its work (a round that compiles fewer than 20 methods; at least
    /// <paramref name="rounds"/>, at most two minutes). Three fixed rounds were not enough: a profile of the timed
    /// rows then had a fifth of the processor in the JIT, promoting hot methods to their optimised tier, which a
    /// server that has run for a few minutes no longer does.
    /// </summary>
    public static async Task SettleAsync(CocreoApp app, IReadOnlyList<FormClient> clients, IEnumerable<string> urls, int rounds = 3)
    {
        if (app.Provider == "PostgreSql")
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE"));
        }
        var addresses = urls.ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var done = 0;
        for (var compiled = long.MaxValue; done < rounds || (compiled >= 20 && watch.Elapsed < TimeSpan.FromMinutes(2)); done++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var url in addresses)
            {
                await DebateBenchmark.ReadAsync([.. clients], url, 1);
            }
            // The JIT promotes methods in the background after a short delay: give it a moment before counting.
            await Task.Delay(200);
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
        }
        Console.WriteLine($"Warm-up: {done} rounds in {watch.Elapsed.TotalSeconds:0} s, {(System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalSeconds:0.0} s in the JIT.");
    }

    /// <summary>
    /// BENCH_HOLD=file keeps the seeded database, for studying query plans, until the named file exists: it prints the
    /// connection string and <paramref name="what"/> first.
    /// </summary>
    public static async Task HoldAsync(CocreoApp app, string what)
    {
        if (Environment.GetEnvironmentVariable("BENCH_HOLD") is not { Length: > 0 } hold)
        {
            return;
        }
        await app.WithDbAsync(db =>
        {
            Console.WriteLine($"Holding the seeded database ({db.Database.GetConnectionString()}) until {hold} exists; {what}.");
            return Task.CompletedTask;
        });
        while (!File.Exists(hold))
        {
            await Task.Delay(1000);
        }
    }

    /// <summary>
    /// BENCH_NO_DISPATCH=1 leaves the outbox alone (no e-mail dispatcher): a benchmark that queues e-mails times the
    /// queueing, not the sending that would go on beside it.
    /// </summary>
    public static void WithoutDispatcher(IWebHostBuilder builder)
    {
        if (Environment.GetEnvironmentVariable("BENCH_NO_DISPATCH") == "1")
        {
            builder.ConfigureServices(services =>
            {
                foreach (var dispatcher in services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(Cocreo.Web.Platform.Email.EmailDispatcher)).ToList())
                {
                    services.Remove(dispatcher);
                }
            });
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
        BenchApps.WithoutDispatcher(builder);
    }
}

public sealed class BenchPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseContentRoot(BenchApps.WebProject);
        BenchApps.ShowSql(builder);
        BenchApps.WithoutDispatcher(builder);
    }
}
