using Google.OrTools.LinearSolver;

namespace Cocreo.Sortition;

/// <summary>
/// Column generation over profile groups, after Flanigan et al. (2021): a linear program over the panels found so
/// far (<see cref="FairnessLp"/>), and a search for a panel that improves it, first by swaps from the panels in use
/// (<see cref="SwapSearch"/>), then by an integer program that also proves when none is left (<see cref="PanelPricing"/>).
/// Two uses: reaching a target vector of probabilities (<see cref="Reach"/>, after peeling it into panels with
/// <see cref="Decomposition"/>), and the classic LEXIMIN stages, each
/// maximising the lowest probability among groups not yet fixed, then fixing every group whose dual weight is positive
/// (<see cref="Stages"/>). Panels found in one use serve the other.
/// </summary>
internal sealed class ColumnGeneration(PanelSpace space, LeximinOptions options)
{
    private readonly List<Composition> panels = [];
    private readonly HashSet<Composition> known = [];
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    private LeximinOptions Options { get; } = options;

    public int LpSolves { get; private set; }

    public int IntegerProgramSolves { get; private set; }

    public int PanelCount => panels.Count;

    /// <summary>Time spent solving the master linear programs.</summary>
    public TimeSpan LpTime { get; private set; }

    /// <summary>Time spent in the pricing integer programs (not the swap heuristic).</summary>
    public TimeSpan PricingTime { get; private set; }

    /// <summary>Panels found by peeling the target (0 when not tried).</summary>
    public int Peeled { get; private set; }

    /// <summary>Whether peeling alone decomposed the target.</summary>
    public bool PeelingComplete { get; private set; }

    /// <summary>
    /// Looks for a distribution over panels of <paramref name="face"/> giving every group at least its target probability
    /// (to within <see cref="LeximinOptions.ReachTolerance"/>): first by peeling the target into panels; when the peeling
    /// gets stuck, by column generation for the sliver it leaves, then, failing that, for the whole target. Returns null
    /// when the integer program proves that no such distribution exists.
    /// </summary>
    public List<(Composition Panel, double Probability)>? Reach(PanelSpace face, double[] target)
    {
        var (peeled, complete) = Decomposition.Peel(face, target.Select((t, g) => t * space.Capacity[g]).ToArray(), Options, n => IntegerProgramSolves += n);
        foreach (var (panel, _) in peeled)
        {
            if (known.Add(panel))
            {
                panels.Add(panel);
            }
        }
        Peeled = peeled.Count;
        PeelingComplete = complete;
        Options.Progress?.Invoke($"peeling {(complete ? "decomposed the target" : "got stuck")} with {peeled.Count} panels");
        using var pricing = PanelPricing.Create(face, Options.PricingSolver);
        var sliver = 1 - peeled.Sum(p => p.Weight);
        if (!complete && peeled.Count > 0 && sliver > 0 && ReachSliver(face, pricing, target, peeled, sliver) is { } combined)
        {
            return combined;
        }
        return ReachTarget(face, pricing, target, Options.ReachTolerance, "reaching the relaxation's LEXIMIN");
    }

    /// <summary>
    /// Adds the panels found by peeling <paramref name="target"/> (the relaxation's LEXIMIN) as columns, without the
    /// column generation of <see cref="Reach"/>: the panels the engine's relaxation route has when it falls back to the
    /// stages, for running the bounded stages on their own.
    /// </summary>
    public void Seed(PanelSpace face, double[] target)
    {
        var (peeled, complete) = Decomposition.Peel(face, target.Select((t, g) => t * space.Capacity[g]).ToArray(), Options, n => IntegerProgramSolves += n);
        foreach (var (panel, _) in peeled)
        {
            if (known.Add(panel))
            {
                panels.Add(panel);
            }
        }
        Peeled = peeled.Count;
        PeelingComplete = complete;
        Options.Progress?.Invoke($"peeling {(complete ? "decomposed the target" : "got stuck")} with {peeled.Count} panels, the stages' first columns");
    }

    /// <summary>
    /// What the peeled panels leave of the target is a sliver of weight s (often 1e-5) that floating point could not
    /// peel. Reaching that remainder r as a target of its own needs far less precision: every group stays within the
    /// tolerance ε of its target as long as the sliver's lottery gives it z·r_g with 1 − z ≤ ε·t_g / (s·r_g). Column
    /// generation for the whole target instead crawls towards 1 − ε by 1e-7 per round on these degenerate programs.
    /// Returns the peeled panels and the sliver's lottery together, or null when the sliver cannot be reached this way.
    /// </summary>
    private List<(Composition Panel, double Probability)>? ReachSliver(PanelSpace face, PanelPricing pricing, double[] target, List<(Composition Panel, double Weight)> peeled, double sliver)
    {
        var remainder = (double[])target.Clone();
        foreach (var (panel, weight) in peeled)
        {
            for (var i = 0; i < panel.Groups.Length; i++)
            {
                remainder[panel.Groups[i]] -= weight * panel.Seats[i] / space.Capacity[panel.Groups[i]];
            }
        }
        for (var g = 0; g < remainder.Length; g++)
        {
            remainder[g] = Math.Clamp(remainder[g] / sliver, 0, 1);
        }
        var tolerance = Math.Min(1, Enumerable.Range(0, remainder.Length)
            .Where(g => remainder[g] > 1e-12)
            .Select(g => Options.ReachTolerance * target[g] / (sliver * remainder[g]))
            .DefaultIfEmpty(1)
            .Min());
        Options.Progress?.Invoke($"the sliver of {sliver:G3} left by peeling needs to be reached within {tolerance:G3}");
        var lottery = ReachTarget(face, pricing, remainder, tolerance, "reaching the sliver");
        return lottery is null
            ? null
            : [.. peeled.Select(p => (p.Panel, p.Weight)), .. lottery.Select(p => (p.Panel, sliver * p.Probability))];
    }

    private List<(Composition Panel, double Probability)>? ReachTarget(PanelSpace face, PanelPricing pricing, double[] target, double tolerance, string name)
    {
        using var lp = new FairnessLp(space.Capacity, target);
        var search = new Search(this, face, pricing, lp, name);
        var covered = search.Cover();
        if (Enumerable.Range(0, space.GroupCount).Any(g => !covered[g] && target[g] > Options.PricingTolerance))
        {
            return null;
        }
        var end = search.Maximise(stopAt: 1 - tolerance);
        return end.Value >= 1 - tolerance ? search.Distribution() : null;
    }

    /// <summary>
    /// The classic stages: LEXIMIN fixes every group's probability level by level; MAXIMIN stops after the first.
    /// With <paramref name="relaxed"/>, each stage's value is also bounded by the relaxation's level for as long as
    /// every earlier stage reached it: a stage whose program reaches that level is proven by the relaxation and fixes the
    /// relaxation's groups of that stage (by complementary slackness with the relaxation's duals, every optimal
    /// lottery gives them exactly that level). Returns the distribution, the level each group was fixed at (null for
    /// groups MAXIMIN leaves free, or that a stop at the time limit left open), the stages and, after such a stop,
    /// the gap of the stage it stopped in.
    /// </summary>
    public StagesOutcome Stages(bool leximin, RelaxedLeximin? relaxed = null)
    {
        using var pricing = PanelPricing.Create(space, Options.PricingSolver);
        using var lp = new FairnessLp(space.Capacity);
        var search = new Search(this, space, pricing, lp, "LEXIMIN stages");
        var fixedAt = new double?[space.GroupCount];
        var covered = search.Cover();
        var uncovered = new HashSet<int>();
        for (var g = 0; g < covered.Length; g++)
        {
            if (!covered[g])
            {
                // On no valid panel at all: probability 0 in every distribution.
                fixedAt[g] = 0;
                lp.Fix(g, 0);
                uncovered.Add(g);
            }
        }
        // The relaxation's stages bound ours while the same groups have been fixed at the same levels.
        var next = 0;
        var matched = relaxed is not null;
        if (relaxed is not null)
        {
            var atZero = new HashSet<int>();
            while (next < relaxed.Stages.Count && relaxed.Stages[next].Level < 1e-12)
            {
                atZero.UnionWith(relaxed.Stages[next++].Groups);
            }
            matched = atZero.SetEquals(uncovered);
        }
        var stages = 0;
        while (fixedAt.Any(f => f is null))
        {
            stages++;
            var known = matched && next < relaxed!.Stages.Count ? relaxed.Stages[next].Level : double.PositiveInfinity;
            var end = search.Maximise(stopAt: double.PositiveInfinity, fixedAt, known);
            var unfixed = Enumerable.Range(0, space.GroupCount).Where(g => fixedAt[g] is null).ToArray();
            if (end.Proof == StageProof.TimedOut)
            {
                StagesProven = stages - 1;
                return new StagesOutcome(search.Distribution(), fixedAt, stages, end);
            }
            int[] fixedNow;
            if (end.Proof == StageProof.KnownBound)
            {
                RelaxationStages++;
                fixedNow = relaxed!.Stages[next++].Groups.Where(g => fixedAt[g] is null).ToArray();
            }
            else
            {
                matched = false;
                fixedNow = end.Value >= 1 - Options.PricingTolerance
                    // Nobody's probability exceeds 1: everyone left is certain to be selected.
                    ? unfixed
                    : Fixed(unfixed, end, lp.GroupDuals);
            }
            foreach (var g in fixedNow)
            {
                fixedAt[g] = end.Value;
                lp.Fix(g, end.Value);
            }
            if (!leximin)
            {
                StagesProven = stages;
                return new StagesOutcome(search.Distribution(), fixedAt, stages, null);
            }
        }
        StagesProven = stages;
        return new StagesOutcome(FinalDistribution(fixedAt.Select(f => f!.Value).ToArray()), fixedAt, stages, null);
    }

    /// <summary>Stages proven by the relaxation's level rather than by pricing.</summary>
    public int RelaxationStages { get; private set; }

    /// <summary>Stages completed with a proof.</summary>
    public int StagesProven { get; private set; }

    /// <summary>
    /// The groups a stage proven by pricing fixes. By complementary slackness, a group with a positive dual in an optimal
    /// dual solution sits at the stage's level in every optimum. The certificate is either the program's own duals (when
    /// pricing at them found nothing) or the smoothed duals whose Lagrangian bound met the program's value; the latter
    /// are only nearly optimal, so a group is fixed only when the program's last duals agree.
    /// </summary>
    private int[] Fixed(int[] unfixed, StageEnd end, double[] lastDuals)
    {
        var certificate = end.Certificate ?? lastDuals;
        var tolerance = Options.FixingTolerance;
        var fixedNow = end.Proof == StageProof.Lagrangian
            ? unfixed.Where(g => certificate[g] > tolerance && lastDuals[g] > tolerance).ToArray()
            : unfixed.Where(g => certificate[g] > tolerance).ToArray();
        // The duals of the groups left sum to 1, so this only happens with many tiny duals: fix the largest.
        return fixedNow.Length > 0 ? fixedNow : [unfixed.MaxBy(g => certificate[g])];
    }

    /// <summary>
    /// The final primal program: over all panels found, the distribution whose largest shortfall below the fixed
    /// levels is smallest (zero up to solver tolerance).
    /// </summary>
    public List<(Composition Panel, double Probability)> FinalDistribution(double[] levels)
    {
        LpSolves++;
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
            rows[g] = solver.MakeConstraint(levels[g], double.PositiveInfinity, "");
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
        return Normalise(panels.Select((p, i) => (p, lambda[i].SolutionValue())));
    }

    /// <summary>Drops panels with negligible probability (below 1e-12, solver noise) and rescales the rest to sum to 1.</summary>
    private static List<(Composition, double)> Normalise(IEnumerable<(Composition Panel, double Probability)> distribution)
    {
        var kept = distribution.Where(d => d.Probability > 1e-12).ToList();
        var sum = kept.Sum(d => d.Probability);
        return kept.Select(d => (d.Panel, d.Probability / sum)).ToList();
    }

    private static int[] ByWeight(double[] weight)
    {
        var order = Enumerable.Range(0, weight.Length).ToArray();
        Array.Sort(order, (a, b) => weight[b].CompareTo(weight[a]));
        return order;
    }

    /// <summary>One column generation run: a linear program, the panel rules it searches in, and the pricing.</summary>
    private sealed class Search(ColumnGeneration owner, PanelSpace rules, PanelPricing pricing, FairnessLp lp, string name)
    {
        private readonly SwapSearch swaps = new(rules);
        private readonly List<Composition> columns = [];

        private LeximinOptions Options => owner.Options;

        /// <summary>
        /// Makes sure every group that can be on a valid panel is on one of the panels of the program, so that the
        /// first programs are not degenerate: panels found earlier that follow these rules, then swaps towards uncovered
        /// groups, then the integer program. Returns which groups are on some panel.
        /// </summary>
        public bool[] Cover()
        {
            var covered = new bool[rules.GroupCount];
            foreach (var panel in owner.panels.Where(p => rules.Violation(p.ToDense(rules.GroupCount)) is null))
            {
                Use(panel, covered);
            }
            var weight = new double[rules.GroupCount];
            int[]? seats = null;
            while (true)
            {
                for (var g = 0; g < weight.Length; g++)
                {
                    weight[g] = covered[g] ? 0 : 1;
                }
                if (seats is null || !swaps.Improve(seats, weight, ByWeight(weight), 0.5))
                {
                    owner.IntegerProgramSolves++;
                    seats = pricing.Best(weight, seats) ?? throw new InvalidOperationException("No valid panel exists; check feasibility first.");
                    if (columns.Count > 0 && !seats.Where((s, g) => s > 0 && !covered[g]).Any())
                    {
                        return covered;
                    }
                }
                var panel = Composition.FromDense(seats);
                if (owner.known.Add(panel))
                {
                    owner.panels.Add(panel);
                }
                Use(panel, covered);
                seats = (int[])seats.Clone();
            }
        }

        /// <summary>
        /// Column generation until the program's value is proven optimal over all valid panels (within the pricing
        /// tolerance), reaches <paramref name="stopAt"/>, or reaches <paramref name="knownBound"/> (an upper bound known
        /// from elsewhere, such as the relaxation's level). Each round solves the program (warm-started), prices at the
        /// duals smoothed towards the best dual found so far (Wentges), and keeps the best Lagrangian bound that every
        /// exact pricing call proves: once the program's value meets it, the stage is over, without waiting for the
        /// program's own duals to stop producing columns (the tail of column generation).
        /// </summary>
        public StageEnd Maximise(double stopAt, double?[]? fixedAt = null, double knownBound = double.PositiveInfinity)
        {
            var tolerance = Options.PricingTolerance;
            var weight = new double[rules.GroupCount];
            double[]? center = null;
            var bound = double.PositiveInfinity;
            while (true)
            {
                owner.LpSolves++;
                var lpClock = ProcessorClock.Start();
                var solved = lp.Solve();
                owner.LpTime += lpClock.Elapsed;
                if (!solved)
                {
                    RelaxFixedLevels(fixedAt);
                    // The fixed levels changed, so earlier bounds no longer hold.
                    center = null;
                    bound = double.PositiveInfinity;
                    continue;
                }
                var threshold = lp.PanelThreshold;
                Options.Progress?.Invoke($"{name}: value {lp.Z:R}, bound {Math.Min(bound, knownBound):R}, {owner.panels.Count} panels, {owner.LpSolves} linear programs, {owner.IntegerProgramSolves} integer programs; linear programs {owner.LpTime.TotalSeconds:F2} s, pricing {owner.PricingTime.TotalSeconds:F2} s of processor time, all {ProcessorClock.Now().TotalSeconds:F2} s; simplex iterations {lp.LastIterations}, rebuilds {lp.Rebuilds}");
                if (lp.Z >= stopAt)
                {
                    return new StageEnd(lp.Z, bound, null, StageProof.Reached);
                }
                if (lp.Z >= knownBound - tolerance)
                {
                    return new StageEnd(lp.Z, knownBound, null, StageProof.KnownBound);
                }
                if (lp.Z >= bound - tolerance || (double.IsFinite(stopAt) && bound < stopAt - tolerance))
                {
                    return new StageEnd(lp.Z, bound, center, StageProof.Lagrangian);
                }
                if (Options.TimeLimit is { } limit && owner.clock.Elapsed > limit)
                {
                    return new StageEnd(lp.Z, Math.Min(bound, knownBound), null, StageProof.TimedOut);
                }
                var duals = lp.GroupDuals;
                var exact = center is null || Options.DualSmoothing <= 0;
                while (true)
                {
                    var y = exact ? duals : Smooth(center!, duals, Options.DualSmoothing);
                    for (var g = 0; g < weight.Length; g++)
                    {
                        weight[g] = y[g] / rules.Capacity[g];
                    }
                    var candidates = new List<Composition>();
                    var byWeight = ByWeight(weight);
                    foreach (var start in Starts())
                    {
                        var seats = start.ToDense(rules.GroupCount);
                        if (swaps.Improve(seats, weight, byWeight, tolerance))
                        {
                            candidates.Add(Composition.FromDense(seats));
                        }
                    }
                    owner.IntegerProgramSolves++;
                    var best = columns.MaxBy(p => p.Value(weight))!;
                    var pricingClock = ProcessorClock.Start();
                    var solutions = pricing.BestAndOnTheWay(weight, best.ToDense(rules.GroupCount), tolerance / 2);
                    owner.PricingTime += pricingClock.Elapsed;
                    if (solutions.Count == 0)
                    {
                        throw new InvalidOperationException("The pricing integer program found no valid panel although one exists.");
                    }
                    candidates.AddRange(solutions.Select(Composition.FromDense));
                    var proved = lp.Bound(y, pricing.LastBound);
                    if (proved < bound)
                    {
                        bound = proved;
                        center = y;
                    }
                    // A panel is added when it improves the program at its own duals, whatever weights found it.
                    var found = candidates.Count(panel => Improves(panel, duals, threshold));
                    if (found > 0)
                    {
                        break;
                    }
                    if (exact || lp.Z >= bound - tolerance)
                    {
                        // No panel improves the program at its own duals: optimal over all panels (or proven by the bound).
                        return exact
                            ? new StageEnd(lp.Z, Math.Min(bound, lp.Z), duals, StageProof.Priced)
                            : new StageEnd(lp.Z, bound, center, StageProof.Lagrangian);
                    }
                    // The smoothed duals found nothing for the program (a mis-price; it moved the centre): price exactly.
                    exact = true;
                }
            }

            bool Improves(Composition panel, double[] duals, double threshold)
            {
                var value = 0.0;
                for (var i = 0; i < panel.Groups.Length; i++)
                {
                    value += duals[panel.Groups[i]] * panel.Seats[i] / rules.Capacity[panel.Groups[i]];
                }
                if (value <= threshold + Options.PricingTolerance || !owner.known.Add(panel))
                {
                    return false;
                }
                owner.panels.Add(panel);
                Use(panel, null);
                return true;
            }
        }

        private static double[] Smooth(double[] center, double[] duals, double alpha)
        {
            var y = new double[duals.Length];
            for (var g = 0; g < y.Length; g++)
            {
                y[g] = alpha * center[g] + (1 - alpha) * duals[g];
            }
            return y;
        }

        /// <summary>The distribution of the last solve.</summary>
        public List<(Composition, double)> Distribution() => Normalise(columns.Select((p, i) => (p, lp.Weight(i))));

        private void Use(Composition panel, bool[]? covered)
        {
            columns.Add(panel);
            lp.AddPanel(panel);
            if (covered is not null)
            {
                foreach (var g in panel.Groups)
                {
                    covered[g] = true;
                }
            }
        }

        /// <summary>The panels the swap heuristic starts from: those the current solution uses most.</summary>
        private Composition[] Starts() =>
            Enumerable.Range(0, columns.Count)
                .Select(i => (Index: i, Weight: lp.Weight(i)))
                .Where(p => p.Weight > 1e-12)
                .OrderByDescending(p => p.Weight)
                .Take(Options.HeuristicStarts)
                .Select(p => columns[p.Index])
                .ToArray();

        /// <summary>
        /// GLOP may declare a stage infeasible when fixed levels sit a rounding error above what the panels reach;
        /// lowering them by 1e-9 (well below any reported digit) restores it, as the reference implementation does.
        /// </summary>
        private void RelaxFixedLevels(double?[]? fixedAt)
        {
            if (fixedAt is null || !fixedAt.Any(f => f > 0))
            {
                throw new InvalidOperationException("GLOP found no optimum for a program that is feasible.");
            }
            for (var g = 0; g < fixedAt.Length; g++)
            {
                if (fixedAt[g] is { } level && level > 0)
                {
                    fixedAt[g] = Math.Max(0, level - 1e-9);
                    lp.Fix(g, fixedAt[g]!.Value);
                }
            }
        }
    }
}

/// <summary>How a column generation run ended.</summary>
internal enum StageProof
{
    /// <summary>Pricing at the program's own duals found no improving panel: optimal over all valid panels.</summary>
    Priced,

    /// <summary>The program's value met a Lagrangian bound proven by pricing (at smoothed duals).</summary>
    Lagrangian,

    /// <summary>The program's value met the bound given by the caller (the relaxation's level).</summary>
    KnownBound,

    /// <summary>The program's value reached the value asked for.</summary>
    Reached,

    /// <summary>The time limit passed; the value is what the panels found reach, the bound what is proven.</summary>
    TimedOut,
}

/// <summary>The end of a column generation run: the program's value, the best upper bound proven, and the dual certificate.</summary>
internal sealed record StageEnd(double Value, double Bound, double[]? Certificate, StageProof Proof);

/// <summary>The result of the classic stages; <c>Stopped</c> is the unfinished stage when the time limit stopped them.</summary>
internal sealed record StagesOutcome(List<(Composition Panel, double Probability)> Distribution, double?[] Levels, int Stages, StageEnd? Stopped);
