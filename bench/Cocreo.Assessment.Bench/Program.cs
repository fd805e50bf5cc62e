using System.Diagnostics;
using System.Globalization;
using Cocreo.Assessment;

// What the toolkit's result pages compute on every view (see docs/benchmarks.md), timed over repeated runs:
//   ready [respondents repeats]          Co-Ready: consolidate, score, roadmap
//   peers [peers repeats]                Co-Ready benchmark: read each peer's recorded result (JSON), then position
//   master [participants repeats]        Co-Master: quality report of 5 organisers and the participants
//   serve [services evaluators repeats]  Co-Serve: consolidate each candidate and rank them
// Answers are generated from a fixed seed, so runs are comparable.
var mode = args.Length > 0 ? args[0] : "ready";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var random = new Random(42);
var ready = InstrumentCatalog.Latest(InstrumentCatalog.CoReady);
var serve = InstrumentCatalog.Latest(InstrumentCatalog.CoServe);
var master = InstrumentCatalog.Latest(InstrumentCatalog.CoMaster);

AnswerSheet Sheet(Instrument instrument, string? respondent, string? role, double favourable) => new(
    instrument.Id, instrument.Version,
    instrument.Questions.Where(q => q.AppliesTo(role) && random.NextDouble() < 0.95)
        .ToDictionary(q => q.Id, _ => instrument.Scale.Options[random.NextDouble() < favourable ? instrument.Scale.Options.Count - 1 : 0].Id),
    respondent, role);

void Time(string what, int repeats, Action work)
{
    work();
    var times = new List<double>();
    for (var r = 0; r < repeats; r++)
    {
        var watch = Stopwatch.StartNew();
        work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine(FormattableString.Invariant($"{what}: median {times[times.Count / 2]:F2} ms, min {times[0]:F2} ms, max {times[^1]:F2} ms over {repeats} runs"));
}

switch (mode)
{
    case "ready":
    {
        var (respondents, repeats) = (Arg(1, 5), Arg(2, 200));
        var sheets = Enumerable.Range(1, respondents).Select(i => Sheet(ready, $"R{i}", null, 0.55)).ToList();
        Time($"Co-Ready result of {respondents} respondents (consolidate, score, roadmap)", repeats, () =>
        {
            var consolidated = Consolidation.Of(ready, sheets);
            var result = AssessmentEvaluator.Evaluate(ready, consolidated.Answers);
            _ = Roadmap.For(result, ready, CultureInfo.InvariantCulture);
        });
        break;
    }
    case "peers":
    {
        var (peers, repeats) = (Arg(1, 1000), Arg(2, 50));
        var recorded = Enumerable.Range(0, peers)
            .Select(i => AssessmentJson.Write(AssessmentEvaluator.Evaluate(ready, Sheet(ready, null, null, random.NextDouble()))))
            .ToList();
        var own = AssessmentEvaluator.Evaluate(ready, Sheet(ready, null, null, 0.6));
        Console.WriteLine($"a recorded result is {recorded.Average(r => r.Length) / 1024:F0} KiB of JSON on average");
        Time($"Co-Ready benchmark against {peers} peers (read their recorded results, position)", repeats, () =>
        {
            var profiles = recorded.Select(json => BenchmarkProfile.From(AssessmentJson.ReadResult(json, "peer"))).ToList();
            _ = PeerBenchmark.Position(BenchmarkProfile.From(own), profiles);
        });
        break;
    }
    case "master":
    {
        var (participants, repeats) = (Arg(1, 500), Arg(2, 100));
        var sheets = Enumerable.Range(1, 5).Select(i => Sheet(master, $"O{i}", "organiser", 0.8))
            .Concat(Enumerable.Range(1, participants).Select(i => Sheet(master, $"P{i}", "participant", 0.5)))
            .ToList();
        Time($"Co-Master report of 5 organisers and {participants} participants", repeats, () => QualityGaps.Between(master, sheets));
        break;
    }
    case "serve":
    {
        var (services, evaluators, repeats) = (Arg(1, 5), Arg(2, 3), Arg(3, 200));
        var candidates = Enumerable.Range(1, services)
            .Select(s => (Id: $"s{s}", Sheets: Enumerable.Range(1, evaluators).Select(e => Sheet(serve, $"R{e}", null, random.NextDouble())).ToList()))
            .ToList();
        Time($"Co-Serve ranking of {services} services with {evaluators} evaluators each", repeats, () =>
            ServiceComparison.Rank(serve, candidates.Select(c => new CandidateService(c.Id, c.Id, Consolidation.Of(serve, c.Sheets).Answers)).ToList()));
        break;
    }
    default:
        Console.Error.WriteLine($"Unknown mode '{mode}': use ready, peers, master or serve.");
        return 2;
}
return 0;
