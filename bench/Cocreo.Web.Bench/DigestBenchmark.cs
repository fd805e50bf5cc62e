using System.Diagnostics;
using System.Globalization;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Bench;

// Times the daily digest for many followers: N people (a third of them reading Slovenian) each with K notifications
// waiting, then NotificationMail.BuildDigestsAsync (batches of Notifications:DigestBatchSize people: one claim, one
// read, one outbox insert each), through the app's services, on SQLite and on PostgreSQL.
// Usage: BENCH_NO_DISPATCH=1 cocreo-web-bench digest [people] [perPerson] [sqlite|postgres|both] (without the e-mail
// dispatcher, which would send the queued e-mails meanwhile). PostgreSQL needs COCREO_TEST_POSTGRES.
public static class DigestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var perPerson = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var which = args.Length > 2 ? args[2] : "both";
        Console.WriteLine($"Daily digest benchmark: {people:N0} followers with {perPerson} notifications each.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}.");
        Console.WriteLine("| database | people | notifications | seed s | digest s (wall) | digest s (this process's CPU) | e-mails queued | batches of |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        if (which is "sqlite" or "both")
        {
            await using var sqlite = new BenchSqliteApp();
            await MeasureAsync("SQLite", sqlite);
        }
        if (which is "postgres" or "both")
        {
            if (!Cocreo.Testing.TestPostgres.IsConfigured)
            {
                Console.Error.WriteLine("PostgreSQL skipped: set COCREO_TEST_POSTGRES.");
                return 1;
            }
            await using var postgres = new BenchPostgresApp();
            await postgres.InitializeAsync();
            await MeasureAsync("PostgreSQL", postgres);
        }
        return 0;

        async Task MeasureAsync(string name, CocreoApp app)
        {
            var seeding = Stopwatch.StartNew();
            var processId = await SeedAsync(app, people, perPerson);
            seeding.Stop();
            var now = DateTime.UtcNow;
            using var scope = app.Services.CreateScope();
            var mail = scope.ServiceProvider.GetRequiredService<NotificationMail>();
            var batch = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.DigestBatchSize;
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var handled = await mail.BuildDigestsAsync(EmailFrequency.Daily, now, now, CancellationToken.None);
            watch.Stop();
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var (queued, waiting) = await app.WithDbAsync(async db => (
                await db.Set<OutgoingEmail>().CountAsync(e => e.To.EndsWith("@bench.example.org")),
                await db.Set<Notification>().CountAsync(n => n.ProcessId == processId && n.EmailedAt == null)));
            if (queued != people || waiting != 0 || handled != people)
            {
                throw new InvalidOperationException($"{name}: {queued} e-mails queued, {waiting} notifications still waiting, {handled} handled; expected {people}, 0, {people}.");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {people:N0} | {people * perPerson:N0} | {seeding.Elapsed.TotalSeconds:0} | {watch.Elapsed.TotalSeconds:0.0} | {cpu.TotalSeconds:0.0} | {queued:N0} | {batch:N0} |"));
        }
    }

    /// <summary>A public process and its followers, each with notifications of announcements and published results waiting for the digest.</summary>
    private static async Task<int> SeedAsync(CocreoApp app, int people, int perPerson)
    {
        var processId = (await Scenarios.ProcessWithCastAsync(app)).ProcessId;
        var start = DateTime.UtcNow.AddHours(-20);
        const int chunk = 5_000;
        for (var from = 0; from < people; from += chunk)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var sequence = 0L;
            for (var i = from; i < Math.Min(people, from + chunk); i++)
            {
                var user = new CocreoUser
                {
                    Id = $"bench-{i:D7}",
                    UserName = $"follower{i}@bench.example.org",
                    NormalizedUserName = $"FOLLOWER{i}@BENCH.EXAMPLE.ORG",
                    Email = $"follower{i}@bench.example.org",
                    NormalizedEmail = $"FOLLOWER{i}@BENCH.EXAMPLE.ORG",
                    EmailConfirmed = true,
                    DisplayName = $"Follower {i}",
                    PreferredLanguage = i % 3 == 0 ? "sl" : "en",
                    SecurityStamp = "bench",
                    CreatedAt = start,
                };
                db.Users.Add(user);
                for (var k = 0; k < perPerson; k++)
                {
                    db.Add(new Notification
                    {
                        UserId = user.Id,
                        ProcessId = processId,
                        Sequence = ++sequence,
                        Event = k % 2 == 0 ? "announcement.published" : "budget.results-published",
                        Subject = $"News {k}",
                        Detail = "A short body.",
                        Link = $"/processes/{processId}",
                        CreatedAt = start.AddMinutes(k),
                    });
                }
            }
            await db.SaveChangesAsync();
        }
        return processId;
    }
}
