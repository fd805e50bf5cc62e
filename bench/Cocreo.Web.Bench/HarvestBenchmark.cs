using System.Globalization;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.Harvest;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Cocreo.Web.Bench;

// Times a meeting's live harvest page with ITEMS published items (issue 18: 2,000 items, <= 150 ms p95), on SQLite
// and PostgreSQL, through the app in process: the page newest first (50 items), grouped by label (the newest 500),
// and the API's first page, read by READERS concurrent readers. Seeding: a process and a meeting made through the
// forms, then the items written through EF (all published, over 12 labels and the four kinds).
// Usage: cocreo-web-bench harvest [items] [readers] [requestsPerReader] [sqlite|postgres|both]
public static class HarvestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var (items, readers, requests) = (Arg(0, 2_000), Arg(1, 20), Arg(2, 20));
        var which = args.Length > 3 ? args[3] : "both";
        Console.WriteLine($"Harvest benchmark: {items:N0} published items, {readers} concurrent readers x {requests} requests.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}.");
        if (which is "sqlite" or "both")
        {
            await using var sqlite = new BenchSqliteApp();
            await MeasureAsync("SQLite", sqlite, items, readers, requests);
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
            await MeasureAsync("PostgreSQL", postgres, items, readers, requests);
        }
        return 0;
    }

    private static async Task MeasureAsync(string name, CocreoApp app, int count, int readers, int requests)
    {
        var seeding = Stopwatch.StartNew();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var start = DateTime.UtcNow.Date.AddDays(3).AddHours(17);
        var planned = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/meetings", new()
        {
            ["Input.Title"] = "World Café on the old town",
            ["Input.Description"] = "Four rounds, twelve tables.",
            ["Input.StartsAt"] = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.EndsAt"] = start.AddHours(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.Kind"] = "InPerson",
            ["Input.Address"] = "Trg 1",
            ["Input.RegistrationOpen"] = "true",
            ["Input.ReminderHours"] = "24",
        });
        var meetingId = Scenarios.IdFrom(planned, "/meetings/");
        await app.WithDbAsync(async db =>
        {
            var meeting = await db.Set<Meeting>().SingleAsync(m => m.Id == meetingId);
            var kinds = Enum.GetValues<HarvestKind>();
            for (var done = 0; done < count; done += 500)
            {
                for (var i = done; i < Math.Min(count, done + 500); i++)
                {
                    var item = HarvestItem.Post(meeting, kinds[i % kinds.Length],
                        $"Item {i}: what table {i % 12 + 1} said in round {i % 4 + 1}, with **a little Markdown** and a sentence or two more so the text is of a real length.",
                        $"Table {i % 12 + 1} · Round {i % 4 + 1}", null, cast.Owner.Id, start.AddSeconds(i));
                    item.Moderate(true, start.AddSeconds(i + 30));
                    db.Add(item);
                }
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        });
        Console.WriteLine($"\n## {name}: {count:N0} items seeded in {seeding.Elapsed.TotalSeconds:0} s");
        Console.WriteLine("| request | median ms | p95 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        var clients = Enumerable.Range(0, readers).Select(_ => app.NewClient()).ToList();
        var pages = new[]
        {
            ("live harvest page (HTML), newest 50", $"/meetings/{meetingId}/harvest"),
            ("live harvest page (HTML), by label, newest 500", $"/meetings/{meetingId}/harvest?by=label"),
            ("API, first page", $"/api/v1/meetings/{meetingId}/harvest"),
        };
        await BenchApps.SettleAsync(app, clients, pages.Select(p => p.Item2));
        foreach (var (label, url) in pages)
        {
            using (var warm = await clients[0].Http.GetAsync(url))
            {
                warm.EnsureSuccessStatusCode();
            }
            DebateBenchmark.Report($"{label}, {readers} readers", await DebateBenchmark.ReadAsync(clients, url, requests));
        }
    }
}
