using System.Data.Common;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using System.Net.Http.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Search;
using Cocreo.Web.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Cocreo.Web.Bench;

// Times search over 1,000,000 indexed items on SQLite and on PostgreSQL: GET /api/v1/search through the app, in
// process (server time: permissions, the full-text query, the count, loading the page of results and their snippets).
// 2,000 processes in 20 verified organisations (one in ten private) are made through EF (and indexed by the save
// interceptor); the other 998,000 entries (proposals, comments, announcements, journey ideas of those processes) are
// written straight into the index with terms made by SearchTerms, as the indexer writes them. Their text is drawn
// from a Zipf-distributed vocabulary (s = 1) of 30,000 words whose top ranks are real English and Slovenian words, so
// a common word such as "park" is in about one item in ten.
// Usage: cocreo-web-bench search [items] [iterations] [sqlite|postgres|both]
public static class SearchBenchmark
{
    private const int Organisations = 20;
    private const int Processes = 2_000;
    private const int Vocabulary = 30_000;

    // Rank order: function words first (they are in almost every item), then the civic words queries use.
    private static readonly string[] RealWords =
    [
        "the", "in", "je", "za", "and", "of", "na", "to", "v", "a", "se", "for", "da", "is", "with", "pri", "on", "so", "by", "ki",
        "city", "mesto", "street", "ulica", "school", "šola", "park", "parka", "parku", "parkom", "green", "zelena", "bench", "klop", "road", "cesta",
        "children", "otroci", "safer", "varnejša", "crossing", "crossings", "prehod", "proračun", "proračuna", "proračunom", "library", "knjižnica",
        "playground", "igrišče", "trees", "drevesa", "light", "lighting", "razsvetljava", "bus", "avtobus", "stop", "postaja", "square", "trg",
        "kolesarska", "steza", "cycling", "lane", "market", "tržnica", "river", "reka", "bridge", "most", "water", "voda", "dog", "pes", "toilet",
        "community", "skupnost", "garden", "vrt", "sport", "šport", "youth", "mladi", "elderly", "starejši", "access", "dostop", "parking", "parkirišče",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var items = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var which = args.Length > 2 ? args[2] : "both";
        Console.WriteLine($"Search benchmark: {items:N0} indexed items, {iterations} timed requests per query after 3 warm-ups.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}.");
        if (which is "sqlite" or "both")
        {
            await using var sqlite = new BenchSqliteApp();
            await MeasureAsync("SQLite", sqlite, items, iterations);
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
            await MeasureAsync("PostgreSQL", postgres, items, iterations);
        }
        return 0;
    }

    private static readonly (string Label, string Query)[] Queries =
    [
        ("common word (park)", "q=park"),
        ("Slovenian inflection (parkom)", "q=parkom"),
        ("two words (kolesarska steza)", "q=kolesarska+steza"),
        ("three words (safer school crossing)", "q=safer+school+crossing"),
        ("Slovenian (proračunom za mladi)", "q=prora%C4%8Dunom+mladi"),
        ("rare word", "q={rare}"),
        ("function word + word (the library)", "q=the+library"),
        ("no match", "q=zzqqxxyy"),
        ("common word, filtered (park, proposals, phase)", "q=park&type=Proposal&phase=SolutionDesign"),
        ("operators and quotes", "q=%22park%22+OR+-bench*+(trees"),
        ("page 5 of a common word", "q=park&page=5"),
    ];

    private static async Task MeasureAsync(string name, CocreoApp app, int items, int iterations)
    {
        var seeding = Stopwatch.StartNew();
        var (staff, rare) = await SeedAsync(app, items);
        Console.WriteLine($"\n## {name}: {items:N0} indexed items seeded in {seeding.Elapsed.TotalSeconds:0} s");
        if (Environment.GetEnvironmentVariable("BENCH_EXPLAIN") is { Length: > 0 } explain)
        {
            await app.WithDbAsync(async db =>
            {
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = explain;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    Console.WriteLine(reader.GetValue(0));
                }
            });
        }
        await BenchApps.HoldAsync(app, $"staff user {staff}, rare word {rare}");
        var clients = new[] { ("anonymous", app.NewClient()), ("staff", await app.SignedInClientAsync(staff)) };
        Console.WriteLine("| query | reader | results counted | median ms | p95 ms |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        var all = new List<double>();
        foreach (var (label, query) in Queries)
        {
            foreach (var (reader, client) in clients)
            {
                var url = "/api/v1/search?" + query.Replace("{rare}", rare, StringComparison.Ordinal);
                var times = new List<double>();
                var count = "";
                for (var i = 0; i < iterations + 3; i++)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await client.Http.GetAsync(url);
                    var document = await response.Content.ReadFromJsonAsync<SearchDocument>(BudgetingJson);
                    watch.Stop();
                    if (!response.IsSuccessStatusCode || document is null)
                    {
                        throw new InvalidOperationException($"{url}: {(int)response.StatusCode}");
                    }
                    count = (document.CountIsLimit ? "> " : "") + document.Count.ToString("N0", CultureInfo.InvariantCulture);
                    if (i >= 3)
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
                all.AddRange(times);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {reader} | {count} | {Percentile(times, 0.5):0.0} | {Percentile(times, 0.95):0.0} |"));
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **all queries** | both | | {Percentile(all, 0.5):0.0} | {Percentile(all, 0.95):0.0} |"));
    }

    private static readonly System.Text.Json.JsonSerializerOptions BudgetingJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    /// <summary>Seeds the processes and the index; returns a staff member of the first organisation and a rare word.</summary>
    private static async Task<(Cocreo.Web.Features.Accounts.CocreoUser Staff, string Rare)> SeedAsync(CocreoApp app, int items)
    {
        var staff = await app.CreateUserAsync("Bench Staff");
        var random = new Random(11);
        var words = Words(random);
        var stems = words.Select(w => SearchTerms.ForIndex(w)).ToArray();
        var cumulative = new double[Vocabulary];
        var sum = 0.0;
        for (var i = 0; i < Vocabulary; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        int Draw() => Math.Min(Vocabulary - 1, Array.BinarySearch(cumulative, random.NextDouble() * sum) is var at && at < 0 ? ~at : at);

        var now = DateTime.UtcNow;
        var processes = new List<(int Id, int OrganisationId)>();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
            var organisations = Enumerable.Range(1, Organisations)
                .Select(i => Organisation.Create($"Bench municipality {i}", OrganisationType.Municipality, SizeBand.Large, "SI", ["sl", "en"], now)).ToList();
            db.AddRange(organisations);
            await db.SaveChangesAsync();
            foreach (var o in organisations)
            {
                o.Verify("Bench.", "bench", now);
            }
            organisations[0].AddMember(staff.Id, OrganisationRole.Staff, now);
            await db.SaveChangesAsync();
            var made = new List<Process>();
            for (var i = 0; i < Processes; i++)
            {
                var title = string.Join(' ', Enumerable.Range(0, 6).Select(_ => words[Draw()]));
                var problem = string.Join(' ', Enumerable.Range(0, 40).Select(_ => words[Draw()]));
                var process = Process.Start(organisations[i % Organisations].Id, new ProcessContent(title, problem, "", i % 2 == 0 ? "sl" : "en", "Sponsor", "", ""),
                    i % 10 == 9 ? ProcessVisibility.Private : ProcessVisibility.Public, now.AddDays(-random.Next(0, 1000)));
                if (i % 3 == 1)
                {
                    process.AdvancePhase(now);
                }
                made.Add(process);
            }
            db.AddRange(made);
            await db.SaveChangesAsync();
            processes.AddRange(made.Select(p => (p.Id, p.OrganisationId)));
        }

        var kinds = new[] { SearchKind.Proposal, SearchKind.Comment, SearchKind.Comment, SearchKind.Comment, SearchKind.Announcement, SearchKind.Contribution };
        IEnumerable<object[]> Rows()
        {
            for (var i = 0; i < items - Processes; i++)
            {
                var (processId, organisationId) = processes[random.Next(processes.Count)];
                var kind = kinds[random.Next(kinds.Length)];
                var title = new int[random.Next(3, 8)];
                var body = new int[random.Next(15, 60)];
                for (var k = 0; k < title.Length; k++) { title[k] = Draw(); }
                for (var k = 0; k < body.Length; k++) { body[k] = Draw(); }
                var titleText = string.Join(' ', title.Select(w => words[w]));
                var bodyText = string.Join(' ', body.Select(w => words[w]));
                var terms = string.Join(' ', (kind == SearchKind.Comment ? body : title.Concat(body)).Select(w => stems[w]));
                yield return [kind.ToString(), i + 1, processId, organisationId, titleText, bodyText, $"/bench/{i + 1}", now.AddMinutes(-random.Next(0, 1_000_000)), terms];
            }
        }

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            const string columns = "\"Kind\", \"ItemId\", \"ProcessId\", \"OrganisationId\", \"Title\", \"Body\", \"Url\", \"OccurredAt\", \"Terms\"";
            if (connection is NpgsqlConnection npgsql)
            {
                await using (var drop = new NpgsqlCommand("DROP INDEX \"IX_SearchEntries_Vector\"", npgsql)) { await drop.ExecuteNonQueryAsync(); }
                await using (var import = await npgsql.BeginBinaryImportAsync($"COPY \"SearchEntries\" ({columns}) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var row in Rows())
                    {
                        await import.StartRowAsync();
                        await import.WriteAsync((string)row[0], NpgsqlDbType.Text);
                        await import.WriteAsync((int)row[1], NpgsqlDbType.Integer);
                        await import.WriteAsync((int)row[2], NpgsqlDbType.Integer);
                        await import.WriteAsync((int)row[3], NpgsqlDbType.Integer);
                        await import.WriteAsync((string)row[4], NpgsqlDbType.Text);
                        await import.WriteAsync((string)row[5], NpgsqlDbType.Text);
                        await import.WriteAsync((string)row[6], NpgsqlDbType.Text);
                        await import.WriteAsync((DateTime)row[7], NpgsqlDbType.TimestampTz);
                        await import.WriteAsync((string)row[8], NpgsqlDbType.Text);
                    }
                    await import.CompleteAsync();
                }
                await using var index = new NpgsqlCommand("CREATE INDEX \"IX_SearchEntries_Vector\" ON \"SearchEntries\" USING GIN (\"Vector\"); ANALYZE;", npgsql) { CommandTimeout = 0 };
                await index.ExecuteNonQueryAsync();
            }
            else
            {
                var sqlite = (SqliteConnection)connection;
                await using var transaction = sqlite.BeginTransaction();
                await using var insert = sqlite.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO \"SearchEntries\" ({columns}) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8)";
                var parameters = Enumerable.Range(0, 9).Select(i => insert.Parameters.Add(new SqliteParameter($"${i}", null))).ToArray();
                foreach (var row in Rows())
                {
                    for (var i = 0; i < 9; i++)
                    {
                        parameters[i].Value = row[i];
                    }
                    await insert.ExecuteNonQueryAsync();
                }
                await transaction.CommitAsync();
                await using var analyze = sqlite.CreateCommand();
                analyze.CommandText = "ANALYZE; INSERT INTO \"SearchEntryTerms\"(\"SearchEntryTerms\") VALUES ('optimize');";
                await analyze.ExecuteNonQueryAsync();
            }
        }
        return (staff, words[10_000]);
    }

    /// <summary>The vocabulary: the real words at the top ranks, then made-up words of two to four syllables.</summary>
    private static string[] Words(Random random)
    {
        var syllables = "ka ri po le mo sta vi na tre go du be lu ze pra ko mi sa te vo".Split(' ');
        var words = new List<string>(RealWords);
        var seen = new HashSet<string>(words);
        while (words.Count < Vocabulary)
        {
            var word = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => syllables[random.Next(syllables.Length)]));
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }
        return words.ToArray();
    }
}
