using System.Diagnostics;
using System.Globalization;
using Cocreo.Sortition;
using Cocreo.Sortition.Bench;

// A bench program, not BenchmarkDotNet: one LEXIMIN run on the large instances takes seconds to minutes, so it reports
// every run's wall time and their median instead of BenchmarkDotNet's many iterations.
//   leximin <categories.csv> <respondents.csv> <k> [runs] [scip] [stages|bounded] [nosmooth|alpha=A] [starts=N] [limit=SECONDS]
//     stages: the classic stages of Flanigan et al. only, with no information from the relaxation;
//     bounded: the classic stages, each bounded by the relaxation's level (what the engine falls back to);
//     nosmooth: no dual smoothing; alpha: the share of the best-bound duals in the smoothed duals (default 0.5); starts: panels the swap heuristic starts from per round (default 16); limit: a time limit (wall clock), after which the best lottery so far is returned
//   maximin <categories.csv> <respondents.csv> <k> [runs]
//   legacy  <categories.csv> <respondents.csv> <k> [panels]
//   generate <folder> [n] [k] [seed]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: leximin|maximin|legacy <categories.csv> <respondents.csv> <k> [runs] [scip] [stages|bounded] [nosmooth|alpha=A] [starts=N] [limit=SECONDS] | generate <folder> [n] [k] [seed]");
    return 2;
}
if (args[0] == "generate")
{
    GeneratedPool.Write(args[1], Arg(2, 1727), Arg(3, 110), Arg(4, 2021));
    Console.WriteLine($"wrote {args[1]}/categories.csv and respondents.csv");
    return 0;
}

var input = PoolFiles.Read(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));

var runs = Arg(4, 1);
var watch = Stopwatch.StartNew();
var verbose = Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1";
var options = new LeximinOptions
{
    PricingSolver = args.Skip(5).Contains("scip") ? PricingSolver.Scip : PricingSolver.CpSat,
    StartFromRelaxation = !args.Skip(5).Any(a => a is "stages" or "bounded"),
    BoundStagesByRelaxation = !args.Skip(5).Contains("stages"),
    DualSmoothing = args.Skip(5).Contains("nosmooth") ? 0 : args.Skip(5).FirstOrDefault(a => a.StartsWith("alpha=", StringComparison.Ordinal)) is { } alpha ? double.Parse(alpha[6..], CultureInfo.InvariantCulture) : 0.5,
    HeuristicStarts = args.Skip(5).FirstOrDefault(a => a.StartsWith("starts=", StringComparison.Ordinal)) is { } starts
        ? int.Parse(starts[7..], CultureInfo.InvariantCulture)
        : 16,
    TimeLimit = args.Skip(5).FirstOrDefault(a => a.StartsWith("limit=", StringComparison.Ordinal)) is { } limit
        ? TimeSpan.FromSeconds(double.Parse(limit[6..], CultureInfo.InvariantCulture))
        : null,
    Progress = verbose ? line => Console.Error.WriteLine($"{watch.Elapsed.TotalSeconds,8:F2}s {line}") : null,
};
Console.WriteLine($"{args[0]} on {args[2]}: n = {input.Pool.Count}, k = {input.Quotas.PanelSize}, {input.Pool.Features.Count} features, {ProfileGroup.Form(input.Pool, input.Quotas).Count} profile groups; {Environment.ProcessorCount} cores");
var seconds = new List<double>();
SelectionResult? result = null;
for (var run = 0; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    var processor = Process.GetCurrentProcess().TotalProcessorTime;
    result = args[0] switch
    {
        "leximin" => Leximin.Select(input.Pool, input.Quotas, options),
        "maximin" => Maximin.Select(input.Pool, input.Quotas, options),
        "legacy" => Legacy.Estimate(input.Pool, input.Quotas, runs: Arg(4, 10_000), new Random(run)),
        _ => throw new ArgumentException("unknown algorithm " + args[0]),
    };
    seconds.Add(clock.Elapsed.TotalSeconds);
    // On the shared machine the process may get a fraction of a core: processor time shows the work itself.
    Console.WriteLine($"run {run + 1}: {seconds[^1]:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds:F2} s processor (all threads)");
    if (args[0] == "legacy")
    {
        break;
    }
}
seconds.Sort();
Console.WriteLine($"median {seconds[seconds.Count / 2]:F2} s over {seconds.Count} runs");
var statistics = result!.Statistics;
Console.WriteLine($"minimum {statistics.Minimum:R} (exact), largest probability {result.Probabilities.Max(p => p.Probability):R}");
Console.WriteLine($"minimum {statistics.Minimum:P2}, Gini {statistics.Gini:P1}, geometric mean {statistics.GeometricMean:P2}, mean {statistics.Mean:P3}");
if (result.Solver is { } solver)
{
    Console.WriteLine(solver);
}
foreach (var line in result.Explanation)
{
    Console.WriteLine("  " + line);
}
return 0;

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
