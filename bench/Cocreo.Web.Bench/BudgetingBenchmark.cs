using System.Diagnostics;
using System.Globalization;

namespace Cocreo.Web.Bench;

// Prepares, measures and checks the participatory budgeting load tests (see bench/budgeting/*.sh and
// docs/benchmarks.md). Talks to the database through the app's own services, never through its pages.
//   prepare  PROVIDER CONNECTION VOTERS PROJECTS CODES_FILE   a budget in its voting phase with a census; prints the budget id
//   publish  PROVIDER CONNECTION VOTERS PROJECTS             a budget with VOTERS ballots written directly, then closes and publishes it, timed
//   verify   PROVIDER CONNECTION BUDGET RECEIPTS_FILE        every acknowledged receipt is stored, one ballot per voter, database intact
public static class BudgetingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: prepare|publish|verify PROVIDER CONNECTION ...");
            return 2;
        }
        await using var bench = await BudgetingBench.OpenAsync(args[1], args[2]);
        switch (args[0])
        {
            case "prepare":
                var (budgetId, codes) = await bench.PrepareAsync(int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture));
                await File.WriteAllLinesAsync(args[5], codes);
                Console.WriteLine(budgetId);
                return 0;
            case "publish":
                var voters = int.Parse(args[3], CultureInfo.InvariantCulture);
                var (budget, _) = await bench.PrepareAsync(0, int.Parse(args[4], CultureInfo.InvariantCulture));
                await bench.SeedBallotsAsync(budget, voters);
                var close = Stopwatch.StartNew();
                await bench.CloseAsync(budget);
                close.Stop();
                var publish = Stopwatch.StartNew();
                var funded = await bench.PublishAsync(budget);
                publish.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ballots={voters} close_ms={close.ElapsedMilliseconds} count_and_publish_ms={publish.ElapsedMilliseconds} funded={funded}"));
                return 0;
            case "verify":
                return await bench.VerifyAsync(int.Parse(args[3], CultureInfo.InvariantCulture), args[4]) ? 0 : 1;
            default:
                Console.Error.WriteLine($"unknown command {args[0]}");
                return 2;
        }
    }
}
