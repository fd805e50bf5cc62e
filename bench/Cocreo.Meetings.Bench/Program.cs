using System.Diagnostics;
using System.Globalization;
using Cocreo.Meetings.Bench;
using Cocreo.Meetings.TablePlans;

// A Stopwatch bench program, not BenchmarkDotNet: one plan takes a second or so and the target is about one run's
// wall time, so it prints every run's wall and processor time and the median.
//   plan [people] [tables] [rounds] [hosts] [runs] [seed] [swaps|default] [tabu steps]     (defaults: 200 20 4 20 5 1, swaps and tabu steps chosen by the planner)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length >= 1 && args[0] == "affine")
{
    // 64 people, 8 tables, 4 rounds (the affine plane of order 8 shows zero repeats is feasible): two attributes, bounds.
    var attributesOn = args.Length <= 3 || args[3] != "plain";
    for (var s = 1; s <= Arg(2, 5); s++)
    {
        var request = new TablePlanRequest
        {
            Participants = Enumerable.Range(0, 64).Select(i => new PlanParticipant($"p{i}", new Dictionary<string, string> { ["group"] = "g" + (i % 4), ["district"] = "d" + (i / 8) })).ToArray(),
            Tables = 8,
            Rounds = 4,
            Attributes = attributesOn ? ["group", "district"] : [],
            Bounds = attributesOn ? Enumerable.Range(0, 4).Select(g => new DiversityBound("group", "g" + g, 1, 3)).ToArray() : [],
            Seed = s,
        };
        var clock = Stopwatch.StartNew();
        var plan = TablePlanner.Plan(request, new TablePlanOptions { MaxIterations = args.Length > 1 && args[1] != "default" ? long.Parse(args[1], CultureInfo.InvariantCulture) : null });
        Console.WriteLine($"seed {s}: {clock.Elapsed.TotalSeconds:F2} s; repeats {plan.RepeatedMeetings}, deviation {plan.DiversityDeviation}, violations {plan.BoundViolations}; {plan.Method}");
    }
    return 0;
}
if (args.Length < 1 || args[0] != "plan")
{
    Console.Error.WriteLine("usage: plan [people] [tables] [rounds] [hosts] [runs] [seed] [swaps|default] [tabu steps]");
    return 2;
}
var people = Arg(1, 200);
var tables = Arg(2, 20);
var rounds = Arg(3, 4);
var hosts = Arg(4, tables);
var runs = Arg(5, 5);
var seed = Arg(6, 1);
var options = new TablePlanOptions
{
    MaxIterations = args.Length > 7 && args[7] != "default" ? long.Parse(args[7], CultureInfo.InvariantCulture) : null,
    MaxTabuSteps = args.Length > 8 ? long.Parse(args[8], CultureInfo.InvariantCulture) : null,
};
Console.WriteLine($"plan: {people} people, {tables} tables, {rounds} rounds, {hosts} hosts, attributes {string.Join(", ", GeneratedRoom.Attributes)}; {Environment.ProcessorCount} cores");
var seconds = new List<double>();
for (var run = 0; run < runs; run++)
{
    var request = GeneratedRoom.Request(people, tables, rounds, hosts, seed + run);
    var clock = Stopwatch.StartNew();
    var processor = Process.GetCurrentProcess().TotalProcessorTime;
    var plan = TablePlanner.Plan(request, options);
    seconds.Add(clock.Elapsed.TotalSeconds);
    Console.WriteLine($"run {run + 1} (seed {seed + run}): {seconds[^1]:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds:F2} s processor; repeated pairs {plan.RepeatedPairs.Count} (repeat meetings {plan.RepeatedMeetings}), deviation {plan.DiversityDeviation}, lowest table score {plan.Diversity.Min(d => d.Score):F3}, sizes balanced {plan.SizesBalanced}, proven {plan.ProvenOptimal}");
    Console.WriteLine("  " + plan.Method);
}
seconds.Sort();
Console.WriteLine($"median {seconds[seconds.Count / 2]:F2} s, worst {seconds[^1]:F2} s over {seconds.Count} runs (first includes JIT)");
return 0;

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
