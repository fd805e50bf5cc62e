using System.Globalization;
using System.Net.Http.Json;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Cocreo.Web.Bench;

// Times a debate of 10,000 comments on SQLite and on PostgreSQL, through the app in process (server time plus the
// in-process client): the first page of each sort (oldest, best, most discussed, bridging) and a later page by its
// cursor, read by 50 concurrent readers; then posting comments (p99). Seeding: a process made through the forms,
// then COMMENTS comments written through EF (70 % top-level, the rest replies in the first 500 threads, up to depth
// 4), and up and down votes of 300 made-up people from two camps (so bridging has something to find), with the
// tallies and scores the use cases keep. The targets: first page <= 150 ms p95 under 50 readers, posting
// p99 <= 100 ms. Usage: cocreo-web-bench debate [comments] [readers] [requestsPerReader] [posts] [sqlite|postgres|both]
public static class DebateBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var (comments, readers, requests, posts) = (Arg(0, 10_000), Arg(1, 50), Arg(2, 20), Arg(3, 300));
        var which = args.Length > 4 ? args[4] : "both";
        Console.WriteLine($"Debate benchmark: {comments:N0} comments, {readers} concurrent readers x {requests} requests per sort, {posts} posts.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}.");
        if (which is "sqlite" or "both")
        {
            await using var sqlite = new BenchSqliteApp();
            await MeasureAsync("SQLite", sqlite, comments, readers, requests, posts);
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
            await MeasureAsync("PostgreSQL", postgres, comments, readers, requests, posts);
        }
        return 0;
    }

    private static async Task MeasureAsync(string name, CocreoApp app, int count, int readers, int requests, int posts)
    {
        var seeding = Stopwatch.StartNew();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var processId = cast.ProcessId;
        await SeedAsync(app, processId, cast.Owner.Id, count);
        await BenchApps.HoldAsync(app, $"process {processId}");
        Console.WriteLine($"\n## {name}: {count:N0} comments seeded in {seeding.Elapsed.TotalSeconds:0} s");
        Console.WriteLine("| request | median ms | p95 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        var clients = Enumerable.Range(0, readers).Select(_ => app.NewClient()).ToList();
        var addresses = new List<string>();
        foreach (var sort in Enum.GetValues<DebateSort>())
        {
            var url = $"/api/v1/debates/process/{processId}?sort={sort}";
            addresses.Add(url);
            if ((await clients[0].Http.GetFromJsonAsync<System.Text.Json.JsonElement>(url)).GetProperty("next").GetString() is { } next)
            {
                addresses.Add($"{url}&after={Uri.EscapeDataString(next)}");
            }
        }
        await BenchApps.SettleAsync(app, clients, addresses.Append($"/debate/process/{processId}"));
        foreach (var sort in Enum.GetValues<DebateSort>())
        {
            var url = $"/api/v1/debates/process/{processId}?sort={sort}";
            using (var warm = await clients[0].Http.GetAsync(url))
            {
                warm.EnsureSuccessStatusCode();
            }
            await RowAsync($"first page, {sort}, {readers} readers", clients, url, requests);
            var first = await clients[0].Http.GetFromJsonAsync<System.Text.Json.JsonElement>(url);
            if (first.GetProperty("next").GetString() is { } next)
            {
                await RowAsync($"second page, {sort}, {readers} readers", clients, $"{url}&after={Uri.EscapeDataString(next)}", requests);
            }
        }
        await RowAsync($"thread page (HTML), oldest, {readers} readers", clients, $"/debate/process/{processId}", requests);

        var token = await Scenarios.AntiforgeryTokenAsync(cast.ParticipantClient);
        var times = new List<double>();
        for (var i = 0; i < posts + 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/debates/process/{processId}/comments")
            {
                Content = JsonContent.Create(new { body = $"Posted in the benchmark, number {i}.", alignment = "Neutral", submissionId = Guid.NewGuid() }),
            };
            request.Headers.Add("X-CSRF-TOKEN", token);
            var watch = Stopwatch.StartNew();
            using var response = await cast.ParticipantClient.Http.SendAsync(request);
            watch.Stop();
            response.EnsureSuccessStatusCode();
            if (i >= 5)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        Report("posting a comment (one after another)", times);
    }

    /// <summary>Times one row, unless BENCH_ONLY names a part of another row's label (for profiling one request).</summary>
    private static async Task RowAsync(string label, List<FormClient> clients, string url, int requests)
    {
        if (Environment.GetEnvironmentVariable("BENCH_ONLY") is { Length: > 0 } only && !label.Contains(only, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        Report(label, await ReadAsync(clients, url, requests));
    }

    internal static async Task<List<double>> ReadAsync(List<FormClient> clients, string url, int requests)
    {
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var i = 0; i < requests; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.Http.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                response.EnsureSuccessStatusCode();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }));
        return [.. times];
    }

    internal static void Report(string label, List<double> times)
    {
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {P(0.5):0.0} | {P(0.95):0.0} | {P(0.99):0.0} |"));
    }

    /// <summary>Comments and votes written through EF in batches, with the tallies the use cases keep.</summary>
    private static async Task SeedAsync(CocreoApp app, int processId, string authorId, int count)
    {
        var random = new Random(17);
        var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        var topLevel = (int)(count * 0.7);
        var posted = new List<Comment>();
        // Top-level comments first, then the replies (whose parents then have ids), 1,000 a save.
        var batches = Enumerable.Range(0, (topLevel + 999) / 1_000).Select(b => (From: b * 1_000, To: Math.Min(topLevel, (b + 1) * 1_000)))
            .Concat(Enumerable.Range(0, (count - topLevel + 999) / 1_000).Select(b => (From: topLevel + b * 1_000, To: Math.Min(count, topLevel + (b + 1) * 1_000))));
        foreach (var (from, to) in batches)
        {
            await app.WithDbAsync(async db =>
            {
                var made = new List<(Comment Comment, Comment? Parent)>();
                for (var i = from; i < to; i++)
                {
                    Comment? parent = null;
                    if (i >= topLevel)
                    {
                        var thread = posted[random.Next(Math.Min(500, topLevel))];
                        parent = thread.Depth < 4 && random.Next(2) == 0 ? posted.Where(c => c.ThreadId == thread.Id).LastOrDefault() ?? thread : thread;
                    }
                    var comment = Comment.Post("process", processId, processId, parent, authorId, "Bench Author", $"Comment {i}: the library should open in the evening, or not.",
                        (Alignment)(i % 3), start.AddSeconds(i * 7));
                    made.Add((comment, parent));
                }
                db.AddRange(made.Select(m => m.Comment));
                foreach (var (_, parent) in made.Where(m => m.Parent is not null))
                {
                    var root = parent!.ThreadId is { } rootId ? posted.First(c => c.Id == rootId) : parent;
                    db.Attach(root);
                    root.Replied();
                }
                await db.SaveChangesAsync();
                posted.AddRange(made.Select(m => m.Comment));
            });
        }
        // Votes: 300 people in two camps; each votes on about 40 comments, mostly along their camp, some across.
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Set<Comment>().Where(c => c.TargetKind == "process" && c.TargetId == processId).ToDictionaryAsync(c => c.Id);
            var ids = tracked.Keys.ToList();
            for (var person = 0; person < 300; person++)
            {
                var camp = person % 3 == 0 ? 1 : 0;
                foreach (var id in Enumerable.Range(0, 40).Select(_ => ids[random.Next(ids.Count)]).Distinct())
                {
                    var value = (id % 2 == camp) || id % 7 == 0 ? 1 : -1;
                    db.Add(new CommentVote { CommentId = id, UserId = $"bench-{person}", Value = value, VotedAt = start });
                    tracked[id].Tally(0, value);
                }
            }
            await db.SaveChangesAsync();
        });
    }
}
