using Google.OrTools.LinearSolver;

namespace Cocreo.Sortition;

/// <summary>
/// LEXIMIN (and MAXIMIN, its first stage) by column generation over profile groups, after Flanigan et al. (2021):
/// each stage maximises the lowest probability among groups not yet fixed, over the panels found so far, and asks
/// for a better panel (by swaps, then by an integer program that proves none is left); when none is left, every group
/// whose dual weight is positive must sit at that level in every optimum, and is fixed there. A final linear program
/// then finds the distribution over the panels that meets every fixed level.
/// </summary>
internal sealed class ColumnGeneration : IDisposable
{
    private readonly PanelSpace space;
    private readonly LeximinOptions options;
    private readonly PanelPricing pricing;
    private readonly SwapSearch swaps;
    private readonly FairnessLp lp;
    private readonly List<Composition> panels = [];
    private readonly HashSet<Composition> known = [];
    private readonly double?[] fixedAt;

    public ColumnGeneration(PanelSpace space, LeximinOptions options, double[]? targets = null)
    {
        this.space = space;
        this.options = options;
        pricing = PanelPricing.Create(space, options.PricingSolver);
        swaps = new SwapSearch(space);
        lp = new FairnessLp(space.Capacity, targets);
        fixedAt = new double?[space.GroupCount];
    }

    public int Stages { get; private set; }

    public List<(double Probability, int[] Groups)> Levels { get; } = [];

    public int LpSolves => lp.Solves;

    public int IntegerProgramSolves => pricing.Solves;

    public int PanelCount => panels.Count;

    /// <summary>Runs the stages (all for LEXIMIN, one for MAXIMIN) and returns the panels with their probabilities.</summary>
    public List<(Composition Panel, double Probability)> Run(bool leximin)
    {
        var first = pricing.Best(Enumerable.Repeat(1.0, space.GroupCount).ToArray())
            ?? throw new InvalidOperationException("No valid panel exists; check feasibility first.");
        Add(Composition.FromDense(first));
        Cover();
        List<(Composition, double)> stageDistribution = [];
        while (fixedAt.Any(f => f is null))
        {
            Stages++;
            var level = SolveStage();
            var fixedNow = new List<int>();
            var unfixed = Enumerable.Range(0, space.GroupCount).Where(g => fixedAt[g] is null).ToArray();
            foreach (var g in unfixed.Where(g => lp.GroupDual(g) > options.FixingTolerance))
            {
                fixedNow.Add(g);
            }
            if (fixedNow.Count == 0)
            {
                // The duals of the groups left sum to 1, so this only happens with many tiny duals: fix the largest.
                fixedNow.Add(unfixed.MaxBy(lp.GroupDual));
            }
            foreach (var g in fixedNow)
            {
                fixedAt[g] = level;
                lp.Fix(g, level);
            }
            Levels.Add((level, fixedNow.ToArray()));
            if (!leximin)
            {
                stageDistribution = panels.Select((p, i) => (p, lp.Weight(i))).ToList();
                break;
            }
        }
        return leximin ? FinalDistribution() : Normalise(stageDistribution);
    }

    public List<(Composition, double)> Realize(double[] targetProbability)
    {
        var first = pricing.Best(Enumerable.Repeat(1.0, space.GroupCount).ToArray())!;
        Add(Composition.FromDense(first));
        Cover();
        var targetSeats = targetProbability.Select((t, g) => t * space.Capacity[g]).ToArray();
        FrankWolfe(targetSeats, int.Parse(Environment.GetEnvironmentVariable("FW") ?? "0"));
        using var target = new TargetLp(targetSeats);
        foreach (var p in panels) target.AddPanel(p);
        var weight = new double[space.GroupCount];
        var added = panels.Count;
        while (true)
        {
            target.Solve();
            var threshold = target.PanelThreshold;
            for (var g = 0; g < weight.Length; g++) weight[g] = target.GroupDual(g);
            var achieved = new double[space.GroupCount];
            for (var i = 0; i < panels.Count; i++) { var wgt = target.Weight(i); if (wgt > 0) for (var j = 0; j < panels[i].Groups.Length; j++) achieved[panels[i].Groups[j]] += wgt * panels[i].Seats[j]; }
            var rel = Enumerable.Range(0, space.GroupCount).Max(g => (targetSeats[g] - achieved[g]) / space.Capacity[g]);
            options.Progress?.Invoke($"realize: max prob shortfall {rel:G3}, shortfall {target.Shortfall:R} seats, threshold {threshold:R}, {panels.Count} panels, {target.Solves} LPs, {pricing.Solves} IPs");
            if (target.Shortfall < 1e-7) break;
            var byWeight = ByWeight(weight);
            var found = 0;
            var starts = Enumerable.Range(0, panels.Count).Select(i => (i, w: target.Weight(i))).Where(p => p.w > 1e-12).OrderByDescending(p => p.w).Take(options.HeuristicStarts).Select(p => panels[p.i]).ToArray();
            foreach (var start in starts)
            {
                var seats = start.ToDense(space.GroupCount);
                if (swaps.Improve(seats, weight, byWeight, 1e-9))
                {
                    var panel = Composition.FromDense(seats);
                    if (panel.Value(weight) > threshold + 1e-9 && Add(panel)) { target.AddPanel(panel); found++; }
                }
            }
            if (found > 0 && Environment.GetEnvironmentVariable("EXACT_ALWAYS") != "1") continue;
            var best = pricing.Best(weight, BestKnown(weight).ToDense(space.GroupCount))!;
            var candidate = Composition.FromDense(best);
            if ((candidate.Value(weight) <= threshold + 1e-9 || !Add(candidate)) && found == 0) break;
            if (panels[^1] == candidate) target.AddPanel(candidate);
            var variants = int.Parse(Environment.GetEnvironmentVariable("VARIANTS") ?? "0");
            var w2 = (double[])weight.Clone();
            var last = candidate;
            for (var v = 0; v < variants; v++)
            {
                for (var i = 0; i < last.Groups.Length; i++) w2[last.Groups[i]] *= 0.8;
                var next = Composition.FromDense(pricing.Best(w2, last.ToDense(space.GroupCount))!);
                if (next.Value(weight) > threshold + 1e-9 && Add(next)) target.AddPanel(next);
                last = next;
            }
        }
        return panels.Select((p, i) => (p, target.Weight(i))).Where(p => p.Item2 > 1e-12).ToList();
    }

    private void FrankWolfe(double[] targetSeats, int iterations)
    {
        var g = space.GroupCount;
        var x = panels[^1].ToDense(g).Select(v => (double)v).ToArray();
        var current = panels[^1].ToDense(g);
        var weight = new double[g];
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (var it = 0; it < iterations; it++)
        {
            for (var i = 0; i < g; i++) weight[i] = (targetSeats[i] - x[i]) / space.Capacity[i];
            var byWeight = ByWeight(weight);
            var seats = (int[])current.Clone();
            swaps.Improve(seats, weight, byWeight, 1e-12);
            // direction d = c - x; line search on f = 1/2 sum (x - s)^2 / n
            double num = 0, den = 0;
            for (var i = 0; i < g; i++) { var d = seats[i] - x[i]; num += (targetSeats[i] - x[i]) * d / space.Capacity[i]; den += d * d / space.Capacity[i]; }
            var gamma = den > 0 ? Math.Clamp(num / den, 0, 1) : 0;
            if (gamma <= 0) { current = panels[(it * 7919) % panels.Count].ToDense(g); continue; }
            for (var i = 0; i < g; i++) x[i] += gamma * (seats[i] - x[i]);
            Add(Composition.FromDense(seats));
            current = seats;
            if (it % 500 == 0)
            {
                var err = 0.0; for (var i = 0; i < g; i++) err = Math.Max(err, Math.Abs(x[i] - targetSeats[i]) / space.Capacity[i]);
                options.Progress?.Invoke($"fw {it}: max prob error {err:G3}, {panels.Count} panels, {sw.Elapsed.TotalSeconds:F1}s");
            }
        }
    }

    /// <summary>The level each group was fixed at (null for groups MAXIMIN left unfixed).</summary>
    public double? FixedAt(int group) => fixedAt[group];

    /// <summary>
    /// Makes sure every group that can be on a valid panel is on one of the panels found, so the first linear programs
    /// are not degenerate: swaps towards uncovered groups first, then the integer program for the rest. Groups on no
    /// valid panel at all have probability 0 in every distribution; they are fixed there at once.
    /// </summary>
    private void Cover()
    {
        var covered = new bool[space.GroupCount];
        foreach (var g in panels.SelectMany(p => p.Groups))
        {
            covered[g] = true;
        }
        var weight = new double[space.GroupCount];
        while (true)
        {
            for (var g = 0; g < weight.Length; g++)
            {
                weight[g] = covered[g] ? 0 : 1;
            }
            var byWeight = ByWeight(weight);
            var seats = panels[^1].ToDense(space.GroupCount);
            if (!swaps.Improve(seats, weight, byWeight, 0.5))
            {
                seats = pricing.Best(weight, seats)!;
                if (seats.Select((s, g) => s > 0 && !covered[g]).All(c => !c))
                {
                    break;
                }
            }
            var panel = Composition.FromDense(seats);
            Add(panel);
            foreach (var g in panel.Groups)
            {
                covered[g] = true;
            }
        }
        for (var g = 0; g < covered.Length; g++)
        {
            if (!covered[g])
            {
                fixedAt[g] = 0;
                lp.Fix(g, 0);
            }
        }
        if (covered.Any(c => !c))
        {
            Levels.Add((0, Enumerable.Range(0, covered.Length).Where(g => !covered[g]).ToArray()));
        }
    }

    /// <summary>Column generation until no panel improves the stage's program; returns the stage's optimal level.</summary>
    private double SolveStage()
    {
        var weight = new double[space.GroupCount];
        double[]? center = null;
        var centerBound = double.PositiveInfinity;
        while (true)
        {
            options.Progress?.Invoke("  lp solve");
            if (!lp.Solve())
            {
                RelaxFixedLevels();
                continue;
            }
            var threshold = lp.PanelThreshold;
            options.Progress?.Invoke($"stage {Stages}: level {lp.Z:R}, threshold {threshold:R}, {panels.Count} panels, {lp.Solves} LPs, {pricing.Solves} IPs; lp {lp.LastSeconds:F3}s");
            for (var g = 0; g < weight.Length; g++)
            {
                weight[g] = lp.GroupDual(g) / space.Capacity[g];
            }
            var byWeight = ByWeight(weight);
            var found = 0;
            foreach (var start in Starts())
            {
                var seats = start.ToDense(space.GroupCount);
                if (swaps.Improve(seats, weight, byWeight, options.PricingTolerance))
                {
                    var panel = Composition.FromDense(seats);
                    if (panel.Value(weight) > threshold + options.PricingTolerance && Add(panel))
                    {
                        found++;
                    }
                }
            }
            if (found > 0 && Environment.GetEnvironmentVariable("EXACT_ALWAYS") != "1")
            {
                continue;
            }
            // Exact pricing at a smoothed dual (Wentges): a convex combination of the LP's dual and the dual with the best
            // bound so far, which damps the oscillation of simplex duals that makes column generation tail off.
            var alpha = double.Parse(Environment.GetEnvironmentVariable("ALPHA") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var lpDual = Enumerable.Range(0, weight.Length).Select(g => lp.GroupDual(g)).ToArray();
            for (var attempt = 0; ; attempt++)
            {
                var dual = center is null || attempt >= 3 ? lpDual : lpDual.Select((d, g) => alpha * center[g] + (1 - alpha) * d).ToArray();
                var smoothed = dual.Select((d, g) => d / space.Capacity[g]).ToArray();
                var best = pricing.Best(smoothed, BestKnown(smoothed).ToDense(space.GroupCount))
                    ?? throw new InvalidOperationException("The pricing integer program found no valid panel although one exists.");
                var candidate = Composition.FromDense(best);
                var bound = candidate.Value(smoothed) - Enumerable.Range(0, dual.Length).Sum(g => fixedAt[g] is { } f ? f * dual[g] : 0);
                if (bound < centerBound)
                {
                    centerBound = bound;
                    center = dual;
                }
                options.Progress?.Invoke($"  exact pricing: bound {centerBound:R}, gap {centerBound - lp.Z:G3}");
                var improves = candidate.Value(weight) > threshold + options.PricingTolerance && Add(candidate);
                if (improves)
                {
                    break;
                }
                if (centerBound - lp.Z <= options.PricingTolerance || attempt >= 3)
                {
                    if (found == 0)
                    {
                        return lp.Z;
                    }
                    break;
                }
            }
        }
    }

    /// <summary>The panels the swap heuristic starts from: those the current solution uses most.</summary>
    private IEnumerable<Composition> Starts() =>
        Enumerable.Range(0, panels.Count)
            .Select(i => (Index: i, Weight: lp.Weight(i)))
            .Where(p => p.Weight > 1e-12)
            .OrderByDescending(p => p.Weight)
            .Take(options.HeuristicStarts)
            .Select(p => panels[p.Index])
            .ToArray();

    private Composition BestKnown(double[] weight) => panels.MaxBy(p => p.Value(weight))!;

    /// <summary>
    /// GLOP may declare a stage infeasible when fixed levels sit a rounding error above what the panels reach;
    /// lowering them by 1e-9 (well below any reported digit) restores it, as the reference implementation does.
    /// </summary>
    private void RelaxFixedLevels()
    {
        for (var g = 0; g < fixedAt.Length; g++)
        {
            if (fixedAt[g] is { } level && level > 0)
            {
                fixedAt[g] = Math.Max(0, level - 1e-9);
                lp.Fix(g, fixedAt[g]!.Value);
            }
        }
    }

    private bool Add(Composition panel)
    {
        if (!known.Add(panel))
        {
            return false;
        }
        panels.Add(panel);
        lp.AddPanel(panel);
        return true;
    }

    private static int[] ByWeight(double[] weight)
    {
        var order = Enumerable.Range(0, weight.Length).ToArray();
        Array.Sort(order, (a, b) => weight[b].CompareTo(weight[a]));
        return order;
    }

    /// <summary>
    /// The final primal program: over all panels found, the distribution whose largest shortfall below the fixed
    /// levels is smallest (zero up to solver tolerance).
    /// </summary>
    private List<(Composition, double)> FinalDistribution()
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var shortfall = solver.MakeNumVar(0, 1, "");
        var lambda = panels.Select(_ => solver.MakeNumVar(0, double.PositiveInfinity, "")).ToArray();
        var total = solver.MakeConstraint(1, 1, "");
        foreach (var l in lambda)
        {
            total.SetCoefficient(l, 1);
        }
        var rows = new Constraint[space.GroupCount];
        for (var g = 0; g < rows.Length; g++)
        {
            rows[g] = solver.MakeConstraint(fixedAt[g]!.Value, double.PositiveInfinity, "");
            rows[g].SetCoefficient(shortfall, 1);
        }
        for (var i = 0; i < panels.Count; i++)
        {
            var panel = panels[i];
            for (var j = 0; j < panel.Groups.Length; j++)
            {
                var g = panel.Groups[j];
                rows[g].SetCoefficient(lambda[i], (double)panel.Seats[j] / space.Capacity[g]);
            }
        }
        solver.Objective().SetCoefficient(shortfall, 1);
        solver.Objective().SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException("The final linear program of LEXIMIN has no optimum.");
        }
        return Normalise(panels.Select((p, i) => (p, lambda[i].SolutionValue())).ToList());
    }

    /// <summary>Drops panels with negligible probability (below 1e-12, solver noise) and rescales the rest to sum to 1.</summary>
    private static List<(Composition, double)> Normalise(List<(Composition Panel, double Probability)> distribution)
    {
        var kept = distribution.Where(d => d.Probability > 1e-12).ToList();
        var sum = kept.Sum(d => d.Probability);
        return kept.Select(d => (d.Panel, d.Probability / sum)).ToList();
    }

    public void Dispose()
    {
        pricing.Dispose();
        lp.Dispose();
    }
}
