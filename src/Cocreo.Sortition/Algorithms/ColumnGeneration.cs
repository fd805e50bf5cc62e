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

    private LeximinOptions Options { get; } = options;

    public int LpSolves { get; private set; }

    public int IntegerProgramSolves { get; private set; }

    public int PanelCount => panels.Count;

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
        var search = new Search(this, face, pricing, new FairnessLp(space.Capacity, target), name);
        var covered = search.Cover();
        if (Enumerable.Range(0, space.GroupCount).Any(g => !covered[g] && target[g] > Options.PricingTolerance))
        {
            return null;
        }
        var level = search.Maximise(stopAt: 1 - tolerance);
        return level >= 1 - tolerance ? search.Distribution() : null;
    }

    /// <summary>
    /// The classic stages: LEXIMIN fixes every group's probability level by level; MAXIMIN stops after the first.
    /// Returns the distribution and the level each group was fixed at (null for groups MAXIMIN leaves free).
    /// </summary>
    public (List<(Composition Panel, double Probability)> Distribution, double?[] Levels, int Stages) Stages(bool leximin)
    {
        using var pricing = PanelPricing.Create(space, Options.PricingSolver);
        var lp = new FairnessLp(space.Capacity);
        var search = new Search(this, space, pricing, lp, "LEXIMIN stages");
        var fixedAt = new double?[space.GroupCount];
        var covered = search.Cover();
        for (var g = 0; g < covered.Length; g++)
        {
            if (!covered[g])
            {
                // On no valid panel at all: probability 0 in every distribution.
                fixedAt[g] = 0;
                lp.Fix(g, 0);
            }
        }
        var stages = 0;
        while (fixedAt.Any(f => f is null))
        {
            stages++;
            var level = search.Maximise(stopAt: double.PositiveInfinity, fixedAt);
            var unfixed = Enumerable.Range(0, space.GroupCount).Where(g => fixedAt[g] is null).ToArray();
            // By complementary slackness, a positive dual means the group sits at this level in every optimum.
            var fixedNow = unfixed.Where(g => lp.GroupDual(g) > Options.FixingTolerance).ToArray();
            if (fixedNow.Length == 0)
            {
                // The duals of the groups left sum to 1, so this only happens with many tiny duals: fix the largest.
                fixedNow = [unfixed.MaxBy(lp.GroupDual)];
            }
            foreach (var g in fixedNow)
            {
                fixedAt[g] = level;
                lp.Fix(g, level);
            }
            if (!leximin)
            {
                return (search.Distribution(), fixedAt, stages);
            }
        }
        return (FinalDistribution(fixedAt.Select(f => f!.Value).ToArray()), fixedAt, stages);
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
        /// Column generation until no panel improves the program (or its value reaches <paramref name="stopAt"/>);
        /// returns the program's optimal value.
        /// </summary>
        public double Maximise(double stopAt, double?[]? fixedAt = null)
        {
            var weight = new double[rules.GroupCount];
            while (true)
            {
                owner.LpSolves++;
                if (!lp.Solve())
                {
                    RelaxFixedLevels(fixedAt);
                    continue;
                }
                var threshold = lp.PanelThreshold;
                Options.Progress?.Invoke($"{name}: value {lp.Z:R}, {owner.panels.Count} panels, {owner.LpSolves} linear programs, {owner.IntegerProgramSolves} integer programs");
                if (lp.Z >= stopAt)
                {
                    return lp.Z;
                }
                for (var g = 0; g < weight.Length; g++)
                {
                    weight[g] = lp.GroupDual(g) / rules.Capacity[g];
                }
                var byWeight = ByWeight(weight);
                var found = 0;
                foreach (var start in Starts())
                {
                    var seats = start.ToDense(rules.GroupCount);
                    if (swaps.Improve(seats, weight, byWeight, Options.PricingTolerance) && Improves(Composition.FromDense(seats)))
                    {
                        found++;
                    }
                }
                owner.IntegerProgramSolves++;
                var best = columns.MaxBy(p => p.Value(weight))!;
                var solutions = pricing.BestAndOnTheWay(weight, best.ToDense(rules.GroupCount), Options.PricingTolerance / 2);
                if (solutions.Count == 0)
                {
                    throw new InvalidOperationException("The pricing integer program found no valid panel although one exists.");
                }
                found += solutions.Select(Composition.FromDense).Count(Improves);
                if (found == 0)
                {
                    // The best panel is no better than the threshold (or already known: solver noise): optimal.
                    return lp.Z;
                }

                bool Improves(Composition panel)
                {
                    if (panel.Value(weight) <= threshold + Options.PricingTolerance || !owner.known.Add(panel))
                    {
                        return false;
                    }
                    owner.panels.Add(panel);
                    Use(panel, null);
                    return true;
                }
            }
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
