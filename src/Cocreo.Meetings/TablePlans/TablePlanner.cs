using System.Globalization;

namespace Cocreo.Meetings.TablePlans;

/// <summary>
/// Plans World Café tables: who sits where in each round so that, in this order, the organiser's bounds hold,
/// nobody meets anyone twice where that can be avoided, and each table mirrors the room on the chosen attributes;
/// table sizes always differ by at most one and hosts never move. See docs/table-plans.md.
/// </summary>
public static class TablePlanner
{
    /// <summary>Every problem with the request (empty when it can be planned), each with what to change.</summary>
    public static IReadOnlyList<TablePlanProblem> Validate(TablePlanRequest request) => Validation.Check(request).Problems;

    /// <summary>
    /// Plans the rounds after the held ones. Throws <see cref="TablePlanInputException"/> when the request cannot be
    /// planned as it is; the same request, seed and options give the same plan.
    /// </summary>
    public static TablePlan Plan(TablePlanRequest request, TablePlanOptions? options = null)
    {
        options ??= new TablePlanOptions();
        var (problems, room) = Validation.Check(request);
        if (room is null)
        {
            throw new TablePlanInputException(problems);
        }
        var random = new Random(request.Seed);
        var search = new LocalSearch(room);
        var planned = room.Rounds - room.Held;
        var method = "held rounds only";
        var proven = false;
        int[][] plan;
        if (planned == 0)
        {
            plan = search.Snapshot();
        }
        else
        {
            var iterations = options.MaxIterations ?? DefaultIterations(room);
            DateTime? stopAt = options.TimeLimit is { } limit ? DateTime.UtcNow + limit : null;
            var affine = AffineStart.Build(room);
            (plan, var found, method) = Route(room, search, random, affine, "affine-plane", iterations, options.MaxTabuSteps ?? DefaultTabuSteps(room), stopAt);
            if (affine is not null && found.Deviation > 0)
            {
                // The plane's start is rigid: no swap keeps it free of repeats, so the mix cannot be polished much.
                // A plan from the greedy start may reach zero repeats too, with a better mix; keep the better one.
                var (other, otherCost, otherMethod) = Route(room, search, random, null, "greedy", iterations, options.MaxTabuSteps ?? DefaultTabuSteps(room), stopAt);
                method += " | " + otherMethod;
                if (otherCost.CompareTo(found) < 0)
                {
                    (plan, found) = (other, otherCost);
                    method += " (kept)";
                }
                else
                {
                    method += " (not kept)";
                }
            }
            if (PreviousStart.Build(room) is { } previous)
            {
                // Re-computation at the door: from the earlier plan, kept on a tie so people keep their tables.
                var (other, otherCost, otherMethod) = Route(room, search, random, previous, "previous-plan", iterations, options.MaxTabuSteps ?? DefaultTabuSteps(room), stopAt);
                method = otherMethod + " | " + method;
                if (otherCost.CompareTo(found) <= 0)
                {
                    (plan, found) = (other, otherCost);
                    method += " (previous-plan route kept)";
                }
                else
                {
                    method += " (this route kept)";
                }
            }
            search.Load(plan);
            var cells = (long)room.PresentCount * room.Tables * planned;
            if (found == (0, search.HeldRepeats, 0))
            {
                proven = true;
                method += "; optimal: no violations, no avoidable repeats, no deviation";
            }
            else if (options.UseCpSat && cells <= options.CpSatMaxCells)
            {
                var exact = CpSatPlanner.Solve(room, plan, request.Seed, options.CpSatDeterministicTime);
                if (exact is { } solved)
                {
                    search.Load(solved.Plan);
                    var cost = search.Cost;
                    if (cost.CompareTo(found) <= 0)
                    {
                        plan = solved.Plan;
                        proven = solved.Optimal;
                        method += solved.Optimal ? "; CP-SAT proved optimal" : "; CP-SAT improved, not proved";
                        if (cost.CompareTo(found) < 0)
                        {
                            method += string.Create(CultureInfo.InvariantCulture, $" (violations {cost.Violations}, repeats {cost.Repeats}, deviation {cost.Deviation})");
                        }
                    }
                }
                else
                {
                    method += "; CP-SAT found nothing in its time";
                }
            }
        }
        return Explain(room, plan, proven, method);
    }

    /// <summary>
    /// One route from a start to a plan: phase 1 (bounds and repeats) by annealing, then the tabu repair when repeats
    /// that could be avoided remain, then phase 2 (the mix) by annealing that never adds a repeat or breaks a bound.
    /// </summary>
    private static (int[][] Plan, (int Violations, int Repeats, int Deviation) Cost, string Method) Route(
        Room room, LocalSearch search, Random random, int[][]? startPlan, string startName, long iterations, long tabuSteps, DateTime? stopAt)
    {
        search.SetPhase(second: false);
        if (startPlan is not null)
        {
            search.Load(startPlan);
        }
        else
        {
            search.Clear();
            search.Start(random);
        }
        var start = search.Cost;
        var plan = search.Anneal(random, iterations / 2, stopAt);
        var annealed = search.Iterations;
        search.Load(plan);
        var found = search.Cost;
        var method = string.Create(CultureInfo.InvariantCulture,
            $"{(startPlan is null ? "greedy" : startName)} start (violations {start.Violations}, repeats {start.Repeats}, deviation {start.Deviation}); phase 1 (bounds, repeats): annealing {annealed} swaps (violations {found.Violations}, repeats {found.Repeats})");
        if ((found.Violations, found.Repeats) != (0, search.HeldRepeats))
        {
            plan = search.Tabu(random, plan, tabuSteps, stopAt);
            var steps = search.Iterations;
            search.Load(plan);
            found = search.Cost;
            method += string.Create(CultureInfo.InvariantCulture,
                $", tabu repair {steps} steps (violations {found.Violations}, repeats {found.Repeats})");
        }
        search.SetPhase(second: true);
        plan = search.Anneal(random, iterations - iterations / 2, stopAt);
        annealed = search.Iterations;
        search.Load(plan);
        found = search.Cost;
        method += string.Create(CultureInfo.InvariantCulture, $"; phase 2 (mix): annealing {annealed} swaps (deviation {found.Deviation})");
        search.SetPhase(second: false);
        return (plan, found, method);
    }

    // Each tabu step weighs every swap of someone in trouble: up to planned rounds × present² × (table size + 4 per
    // attribute) operations. The budget is about 3·10⁸ of them (well under a second of one core); when repeats cannot
    // be avoided at all (tables larger than the number of tables after two rounds, say) the steps are wasted, so few.
    private static long DefaultTabuSteps(Room room)
    {
        var (baseSize, _) = room.Sizes;
        var perStep = (long)(room.Rounds - room.Held) * room.PresentCount * room.PresentCount * (baseSize + 1 + 4 * room.Attributes);
        return Math.Clamp(300_000_000L / Math.Max(1, perStep), 20, 50_000);
    }

    private static long DefaultIterations(Room room)
    {
        var planned = room.Rounds - room.Held;
        // About 1.3 s of one core for 200 people and 4 rounds (docs/benchmarks.md); most plans reach zero repeats
        // within a tenth of that, the rest goes into the tables' mix.
        return Math.Clamp(6_000L * room.PresentCount * planned, 200_000, 30_000_000);
    }

    internal static TablePlan Explain(Room room, int[][] plan, bool proven, string method)
    {
        var n = room.Count;
        var roundsOut = new List<Round>();
        var diversity = new List<TableDiversity>();
        int deviationTotal = 0, violationTotal = 0;
        var balanced = true;
        for (var r = 0; r < room.Rounds; r++)
        {
            var isHeld = r < room.Held;
            var seatedHere = Enumerable.Range(0, n).Where(p => plan[r][p] >= 0).ToArray();
            var tablesOut = new List<Table>();
            var sizes = new int[room.Tables];
            for (var t = 0; t < room.Tables; t++)
            {
                var at = seatedHere.Where(p => plan[r][p] == t).ToArray();
                sizes[t] = at.Length;
                // Host first, then in the order of the request.
                var seats = at.OrderBy(p => room.HostTable[p] == t ? 0 : 1).ThenBy(p => p)
                    .Select(p => new Seat(room.Ids[p], room.HostTable[p] == t)).ToArray();
                tablesOut.Add(new Table(t + 1, seats));
                var mixes = new List<AttributeMix>();
                int tableDeviation = 0, tableViolation = 0;
                for (var a = 0; a < room.Attributes; a++)
                {
                    var values = new List<ValueMix>();
                    var attributeDeviation = 0;
                    for (var v = 0; v < room.ValueNames[a].Length; v++)
                    {
                        var having = seatedHere.Count(p => room.Value[p][a] == v);
                        var c = at.Count(p => room.Value[p][a] == v);
                        var (low, high) = Room.FairRange(at.Length, having, seatedHere.Length);
                        var d = Room.Deviation(c, low, high);
                        attributeDeviation += d;
                        int? min = room.HasMin[a][v] ? room.MinBound[a][v] : null;
                        int? max = room.HasMax[a][v] ? room.MaxBound[a][v] : null;
                        if (!isHeld)
                        {
                            tableViolation += Math.Max(0, (min ?? 0) - c) + Math.Max(0, c - (max ?? int.MaxValue));
                        }
                        values.Add(new ValueMix(room.ValueNames[a][v], c,
                            seatedHere.Length == 0 ? 0 : (double)at.Length * having / seatedHere.Length, d, min, max));
                    }
                    tableDeviation += attributeDeviation;
                    mixes.Add(new AttributeMix(room.AttributeNames[a], values, attributeDeviation));
                }
                // Each person seated in place of someone of another value counts twice (one too many, one too few).
                var score = at.Length == 0 || room.Attributes == 0 ? 1.0 : Math.Max(0, 1.0 - tableDeviation / (2.0 * at.Length * room.Attributes));
                diversity.Add(new TableDiversity(r + 1, t + 1, at.Length, mixes, tableDeviation, tableViolation, score));
                if (!isHeld)
                {
                    deviationTotal += tableDeviation;
                    violationTotal += tableViolation;
                }
            }
            if (!isHeld && sizes.Max() - sizes.Min() > 1)
            {
                balanced = false;
            }
            roundsOut.Add(new Round(r + 1, isHeld, tablesOut));
        }

        var together = new Dictionary<(int, int), List<int>>();
        for (var r = 0; r < room.Rounds; r++)
        {
            var byTable = Enumerable.Range(0, n).Where(p => plan[r][p] >= 0).GroupBy(p => plan[r][p]);
            foreach (var group in byTable)
            {
                var at = group.ToArray();
                for (var i = 0; i < at.Length; i++)
                {
                    for (var j = i + 1; j < at.Length; j++)
                    {
                        var key = (Math.Min(at[i], at[j]), Math.Max(at[i], at[j]));
                        if (!together.TryGetValue(key, out var list))
                        {
                            together[key] = list = [];
                        }
                        list.Add(r + 1);
                    }
                }
            }
        }
        var repeatedPairs = together.Where(kv => kv.Value.Count > 1).OrderBy(kv => kv.Key)
            .Select(kv => new RepeatedPair(room.Ids[kv.Key.Item1], room.Ids[kv.Key.Item2], kv.Value)).ToArray();
        var heldRepeats = together.Sum(kv => Math.Max(0, kv.Value.Count(r => r <= room.Held) - 1));
        var itineraries = Enumerable.Range(0, n)
            .Select(p => new Itinerary(room.Ids[p], Enumerable.Range(0, room.Rounds).Select(r => plan[r][p] >= 0 ? plan[r][p] + 1 : (int?)null).ToArray()))
            .ToArray();
        return new TablePlan
        {
            Rounds = roundsOut,
            Itineraries = itineraries,
            RepeatedPairs = repeatedPairs,
            RepeatedMeetings = repeatedPairs.Sum(pair => pair.Rounds.Count - 1),
            RepeatedMeetingsInHeldRounds = heldRepeats,
            Diversity = diversity,
            DiversityDeviation = deviationTotal,
            BoundViolations = violationTotal,
            SizesBalanced = balanced,
            ProvenOptimal = proven,
            Method = method,
        };
    }
}
