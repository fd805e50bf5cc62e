using System.Globalization;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Proposals;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Cocreo.Web.Bench;

// Times the proposal list of a process with 10,000 proposals on SQLite and on PostgreSQL, through the app in process
// (server time plus the in-process client): the first page of the API list and of the HTML page in each order
// (newest, most supported, random) and with filters (a category, a status, both), read by 50 concurrent readers.
// Seeding: a process made through the forms with proposals turned on (six categories), then PROPOSALS proposals
// written through EF with Proposal.PutForward (a tenth evaluating, a tenth accepted, a twentieth rejected, a
// fiftieth withdrawn) and 0 to 40 supports each from 400 people. The target: first page <= 150 ms p95 under
// 50 readers. Usage: cocreo-web-bench proposals [proposals] [readers] [requestsPerReader] [sqlite|postgres|both]
public static class ProposalListBenchmark
{
    private static readonly string[] Categories = ["Mobility", "Culture", "Green spaces", "Housing", "Schools", "Safety"];

    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var (proposals, readers, requests) = (Arg(0, 10_000), Arg(1, 50), Arg(2, 20));
        var which = args.Length > 3 ? args[3] : "both";
        Console.WriteLine($"Proposal list benchmark: {proposals:N0} proposals, {readers} concurrent readers x {requests} requests per list.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}.");
        if (which is "sqlite" or "both")
        {
            await using var sqlite = new BenchSqliteApp();
            await MeasureAsync("SQLite", sqlite, proposals, readers, requests);
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
            await MeasureAsync("PostgreSQL", postgres, proposals, readers, requests);
        }
        return 0;
    }

    private static async Task MeasureAsync(string name, CocreoApp app, int count, int readers, int requests)
    {
        var seeding = Stopwatch.StartNew();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var processId = cast.ProcessId;
        var settings = await cast.OwnerClient.SubmitAsync($"/processes/{processId}/proposals/settings", new()
        {
            ["Input.Open"] = "true",
            ["Input.SupportsEnabled"] = "true",
            ["Input.SupportLimit"] = "0",
            ["Input.Categories"] = string.Join('\n', Categories),
        });
        if (settings.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Turning proposals on answered {(int)settings.StatusCode}.");
        }
        await SeedAsync(app, processId, count);
        await BenchApps.HoldAsync(app, $"process {processId}");
        Console.WriteLine($"\n## {name}: {count:N0} proposals seeded in {seeding.Elapsed.TotalSeconds:0} s");
        Console.WriteLine("| request | median ms | p95 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        var clients = Enumerable.Range(0, readers).Select(_ => app.NewClient()).ToList();
        var lists = new (string Label, string Query)[]
        {
            ("newest", "order=Newest"),
            ("most supported", "order=MostSupported"),
            ("random", "order=Random&seed=4242"),
            ("category, newest", "category=Mobility&order=Newest"),
            ("status accepted, most supported", "status=Accepted&order=MostSupported"),
            ("category and status evaluating, random", "category=Culture&status=Evaluating&order=Random&seed=7"),
        };
        await BenchApps.SettleAsync(app, clients, lists.Select(l => $"/api/v1/processes/{processId}/proposals?{l.Query}")
            .Concat(new[] { lists[0], lists[1], lists[4] }.Select(l => $"/processes/{processId}/proposals?{l.Query}")));
        foreach (var (label, query) in lists)
        {
            var url = $"/api/v1/processes/{processId}/proposals?{query}";
            using (var warm = await clients[0].Http.GetAsync(url))
            {
                warm.EnsureSuccessStatusCode();
            }
            DebateBenchmark.Report($"API first page, {label}, {readers} readers", await DebateBenchmark.ReadAsync(clients, url, requests));
        }
        foreach (var (label, query) in new[] { lists[0], lists[1], lists[4] })
        {
            var url = $"/processes/{processId}/proposals?{query}";
            using (var warm = await clients[0].Http.GetAsync(url))
            {
                warm.EnsureSuccessStatusCode();
            }
            DebateBenchmark.Report($"page (HTML) first page, {label}, {readers} readers", await DebateBenchmark.ReadAsync(clients, url, requests));
        }
    }

    /// <summary>Proposals through the entity's own factory and answers, supports from made-up people, 1,000 a save.</summary>
    private static async Task SeedAsync(CocreoApp app, int processId, int count)
    {
        var random = new Random(23);
        var start = new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);
        var people = await app.WithDbAsync(async db =>
        {
            var made = Enumerable.Range(0, 400).Select(i => new CocreoUser
            {
                UserName = $"bench.proposals.{i}.{Guid.NewGuid():N}@example.org", Email = "bench@example.org", EmailConfirmed = true,
                DisplayName = $"Resident {i}", CreatedAt = start, SecurityStamp = Guid.NewGuid().ToString(),
            }).ToList();
            db.AddRange(made);
            await db.SaveChangesAsync();
            return made.Select(u => u.Id).ToList();
        });
        for (var from = 0; from < count; from += 1_000)
        {
            var to = Math.Min(count, from + 1_000);
            await app.WithDbAsync(async db =>
            {
                var settings = await db.Set<ProposalSettings>().SingleAsync(s => s.ProcessId == processId);
                var made = new List<Proposal>();
                for (var i = from; i < to; i++)
                {
                    var now = start.AddMinutes(i * 3);
                    var proposal = Proposal.PutForward(processId, settings, new ProcessProposalContent(
                        $"Proposal {i}: {Categories[i % Categories.Length].ToLowerInvariant()} for the district, idea {random.Next(1_000_000)}",
                        $"Proposal {i} says what should change and why, in a paragraph or two of **Markdown**.", Categories[i % Categories.Length], i % 4 == 0 ? "Centre" : ""),
                        people[random.Next(people.Count)], now);
                    if (i % 10 == 1)
                    {
                        proposal.Answer(ProposalStatus.Evaluating, "We are looking into it.", now.AddDays(1));
                    }
                    else if (i % 10 == 2)
                    {
                        proposal.Answer(ProposalStatus.Accepted, "It will be done next year.", now.AddDays(2));
                    }
                    else if (i % 20 == 3)
                    {
                        proposal.Answer(ProposalStatus.Rejected, "The city cannot do this.", now.AddDays(2));
                    }
                    else if (i % 50 == 4)
                    {
                        proposal.WithdrawFromProcess(now.AddDays(1));
                    }
                    made.Add(proposal);
                }
                db.AddRange(made);
                await db.SaveChangesAsync();
                foreach (var proposal in made)
                {
                    foreach (var person in Enumerable.Range(0, random.Next(41)).Select(_ => people[random.Next(people.Count)]).Distinct())
                    {
                        db.Add(new ProposalSupport { ProposalId = proposal.Id, UserId = person });
                        proposal.CountSupports(+1);
                    }
                }
                await db.SaveChangesAsync();
            });
        }
    }
}
