// Times the Co-Renew dashboard with 10,000 journeys over 8 stages, on SQLite and on PostgreSQL: the whole page
// (GET /journeys/{id}/dashboard through the app, in process, so the time is server time) and the dashboard's
// queries alone, for several filters. Usage: cocreo-web-bench [journeys] [iterations] [sqlite|postgres|both]
// PostgreSQL needs COCREO_TEST_POSTGRES (bench/journey-dashboard.sh starts a throwaway server and sets it).
using System.Diagnostics;
using System.Globalization;
using Cocreo.Web.Bench;
using Cocreo.Web.Testing;

var journeys = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var which = args.Length > 2 ? args[2] : "both";

Console.WriteLine($"Co-Renew dashboard benchmark: {journeys:N0} journeys over {DashboardSeed.Stages} stages, {iterations} timed requests per filter after 3 warm-ups.");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}.");
if (which is "sqlite" or "both")
{
    await using var sqlite = new BenchSqliteApp();
    await RunAsync("SQLite", sqlite);
}
if (which is "postgres" or "both")
{
    if (!Cocreo.Testing.TestPostgres.IsConfigured)
    {
        Console.Error.WriteLine("PostgreSQL skipped: set COCREO_TEST_POSTGRES (bench/journey-dashboard.sh starts a server).");
        return 1;
    }
    await using var postgres = new BenchPostgresApp();
    await postgres.InitializeAsync();
    await RunAsync("PostgreSQL", postgres);
}
return 0;

async Task RunAsync(string name, CocreoApp app)
{
    var seeding = Stopwatch.StartNew();
    var seed = await DashboardSeed.CreateAsync(app, journeys);
    Console.WriteLine($"\n## {name}: seeded {seed.Contributions:N0} contributions, {seed.Experiences:N0} stage experiences, {seed.Supports:N0} supports in {seeding.Elapsed.TotalSeconds:0} s");
    var client = await app.SignedInClientAsync(seed.Admin);
    Console.WriteLine("| filter | page median ms | page p95 ms | queries median ms | queries p95 ms | contributions kept |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var (label, query) in seed.Filters)
    {
        var url = $"/journeys/{seed.MapId}/dashboard{query}";
        var page = new List<double>();
        for (var i = 0; i < iterations + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.Http.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (!response.IsSuccessStatusCode || !html.Contains("id=\"curve-title\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{url}: {(int)response.StatusCode}");
            }
            if (i >= 3)
            {
                page.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        var (queries, kept) = await seed.TimeQueriesAsync(app, query, iterations);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {Percentile(page, 0.5):0} | {Percentile(page, 0.95):0} | {Percentile(queries, 0.5):0} | {Percentile(queries, 0.95):0} | {kept:N0} |"));
    }
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}
