namespace Cocreo.Sortition;

/// <summary>
/// LEXIMIN selection (Flanigan, Gölz, Gupta, Hennig and Procaccia, Nature 596, 2021): the distribution over valid
/// panels that maximises the lowest selection probability, then the second lowest, and so on. Computed over profile
/// groups, so people with the same features get exactly the same probability.
/// </summary>
public static class Leximin
{
    /// <summary>Computes the LEXIMIN distribution; infeasible quotas give a result with a diagnosis and no distribution.</summary>
    public static SelectionResult Select(Pool pool, QuotaSet quotas, LeximinOptions? options = null) =>
        FairSelection.Run(pool, quotas, options ?? new LeximinOptions(), SelectionAlgorithm.Leximin);
}

/// <summary>
/// MAXIMIN selection: a distribution over valid panels that maximises the lowest selection probability (LEXIMIN's first
/// stage). Beyond the minimum, the probabilities are whatever the linear program's optimal vertex gives.
/// </summary>
public static class Maximin
{
    /// <summary>Computes a MAXIMIN distribution; infeasible quotas give a result with a diagnosis and no distribution.</summary>
    public static SelectionResult Select(Pool pool, QuotaSet quotas, LeximinOptions? options = null) =>
        FairSelection.Run(pool, quotas, options ?? new LeximinOptions(), SelectionAlgorithm.Maximin);
}

/// <summary>What LEXIMIN and MAXIMIN share: feasibility first, the column generation, then an independent check.</summary>
internal static class FairSelection
{
    public static SelectionResult Run(Pool pool, QuotaSet quotas, LeximinOptions options, SelectionAlgorithm algorithm)
    {
        var groups = ProfileGroup.Form(pool, quotas);
        var space = new PanelSpace(pool, quotas, groups);
        var feasibility = Feasibility.Check(pool, quotas, space);
        var name = algorithm.ToString().ToUpperInvariant();
        if (!feasibility.IsFeasible)
        {
            return new SelectionResult(algorithm, feasibility, [], null, [$"No panel meets the quotas, so {name} cannot select; see the feasibility diagnosis."]);
        }

        var processor = ProcessorClock.Start();
        var generation = new ColumnGeneration(space, options);
        var (weighted, levels, stages, reached, stopped) = algorithm == SelectionAlgorithm.Leximin
            ? SolveLeximin(space, generation, options)
            : SolveMaximin(generation);
        var distribution = new PanelDistribution(quotas.PanelSize, groups, weighted.Select(w => new PanelComposition(
            w.Probability,
            w.Panel.Groups.Select((g, i) => new GroupSeats(g, w.Panel.Seats[i])).ToArray())));

        // Every panel is re-checked by counting, whatever the solvers said.
        var problems = distribution.Problems(pool, quotas);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{name} produced an invalid distribution: {string.Join("; ", problems)}");
        }

        var byGroup = distribution.GroupProbabilities();
        var groupOf = groups.SelectMany(g => g.MemberIds.Select(id => (id, g.Index))).ToDictionary(p => p.id, p => p.Index, StringComparer.Ordinal);
        var probabilities = pool.People.Select(p => new PersonProbability(p.Id, byGroup[groupOf[p.Id]])).ToArray();
        var shortfall = Enumerable.Range(0, groups.Count).Max(g => levels[g] is { } level ? Math.Max(0, level - byGroup[g]) : 0);
        var leximinLevels = Enumerable.Range(0, groups.Count)
            .Where(g => levels[g] is not null)
            .GroupBy(g => Math.Round(levels[g]!.Value, 9))
            .OrderBy(l => l.Key)
            .Select(l => new LeximinLevel(l.Key, l.Sum(g => groups[g].Size)))
            .ToArray();
        var solver = new SolverReport(
            "GLOP (primal simplex): the relaxation's stages, the final program, and the restricted master programs (one model per column generation run, columns added to it, each solve warm-started from the last basis, presolve and scaling off)",
            options.PricingSolver == PricingSolver.CpSat
                ? "CP-SAT (1 worker, weights scaled to integers, linearisation level 2; proofs it cannot finish within 1 deterministic unit go to SCIP): peeling steps and pricing, after a swap heuristic"
                : "SCIP via OR-Tools (relative gap 1e-10): peeling steps and pricing, after a swap heuristic",
            stages,
            generation.LpSolves,
            generation.IntegerProgramSolves,
            generation.PanelCount,
            distribution.Panels.Count,
            shortfall,
            processor.Elapsed.TotalSeconds,
            generation.LpTime.TotalSeconds,
            generation.PricingTime.TotalSeconds,
            generation.RelaxationStages,
            stopped is null ? null : Math.Max(0, stopped.Bound - stopped.Value),
            stopped?.Value);
        return new SelectionResult(algorithm, feasibility, probabilities, distribution,
            Explain(algorithm, pool, groups, leximinLevels, solver, options, reached, generation.StagesProven), leximinLevels, solver);
    }

    /// <summary>
    /// LEXIMIN in two steps. The relaxation (fractional seats) has a LEXIMIN that bounds every real distribution from
    /// above and costs a few small linear programs; when panels are found that reach it, it is the LEXIMIN, with the
    /// relaxation as the proof. Otherwise the classic stages compute it from the panels found so far, each stage bounded
    /// by the relaxation's level for as long as the stages reach it.
    /// </summary>
    private static (List<(Composition Panel, double Probability)>, double?[], int, bool, StageEnd?) SolveLeximin(PanelSpace space, ColumnGeneration generation, LeximinOptions options)
    {
        var relaxed = options.StartFromRelaxation || options.BoundStagesByRelaxation ? RelaxedLeximin.Solve(space) : null;
        if (options.StartFromRelaxation)
        {
            if (generation.Reach(relaxed!.Face, relaxed.Probabilities) is { } reached)
            {
                var levels = relaxed.Probabilities.Select(p => (double?)p).ToArray();
                return (generation.FinalDistribution(relaxed.Probabilities), levels, relaxed.Stages.Count, true, null);
            }
            options.Progress?.Invoke("the relaxation's LEXIMIN is not reachable; computing LEXIMIN stage by stage");
        }
        else if (relaxed is not null)
        {
            // The stages on their own, bounded by the relaxation: start from the panels the relaxation route would have.
            generation.Seed(relaxed.Face, relaxed.Probabilities);
        }
        var outcome = generation.Stages(leximin: true, options.BoundStagesByRelaxation ? relaxed : null);
        return (outcome.Distribution, outcome.Levels, outcome.Stages, false, outcome.Stopped);
    }

    private static (List<(Composition Panel, double Probability)>, double?[], int, bool, StageEnd?) SolveMaximin(ColumnGeneration generation)
    {
        var outcome = generation.Stages(leximin: false);
        return (outcome.Distribution, outcome.Levels, outcome.Stages, false, outcome.Stopped);
    }

    private static List<string> Explain(SelectionAlgorithm algorithm, Pool pool, IReadOnlyList<ProfileGroup> groups, LeximinLevel[] levels, SolverReport solver, LeximinOptions options, bool reached, int proven)
    {
        var lines = new List<string>
        {
            $"The pool of {pool.Count:N0} people forms {groups.Count:N0} profile groups: people with the same value of every feature (and no shared household) are interchangeable, so they get the same probability.",
        };
        if (levels.Length > 0 && levels[0].Probability == 0)
        {
            lines.Add($"{levels[0].People:N0} people are on no valid panel at all (their values cannot be seated within the quotas), so their probability is 0.");
        }
        var positive = levels.Where(l => l.Probability > 0).ToArray();
        var lowest = positive.FirstOrDefault();
        if (algorithm == SelectionAlgorithm.Leximin)
        {
            lines.Add(lowest is null && solver.Gap is not null
                ? "LEXIMIN raises the lowest probability as far as the quotas allow, then the next lowest, and so on; the time limit stopped it before its first level was proven."
                : $"LEXIMIN raises the lowest probability as far as the quotas allow, then the next lowest, and so on: the lowest is {lowest?.Probability ?? 0:P3} ({lowest?.People ?? 0:N0} people), and the {(solver.Gap is null ? "probabilities" : "levels proven before the time limit")} take {positive.Length} distinct values up to {positive.LastOrDefault()?.Probability ?? 0:P3}.");
            if (reached)
            {
                lines.Add("Proof of optimality: even with fractional seats allowed, no lottery could do better than these probabilities (a relaxation solved by linear programming), and the lottery found reaches them with whole panels (up to the shortfall stated below).");
            }
            else
            {
                var why = options.StartFromRelaxation
                    ? "The relaxation with fractional seats promised more than whole panels can give, so LEXIMIN was computed stage by stage"
                    : "LEXIMIN was computed stage by stage as in Flanigan et al.";
                var proofs = solver.StagesByRelaxation > 0
                    ? $"{solver.StagesByRelaxation} of them proved optimal by reaching the relaxation's level (which no lottery can exceed), the others by an integer program that finds no better panel or bounds the best value"
                    : "each proved optimal by an integer program that finds no better panel or bounds the best value (a Lagrangian bound)";
                lines.Add(solver.Gap is { } gap
                    ? $"{why}; the time limit of {options.TimeLimit!.Value.TotalSeconds:N0} s stopped it in stage {solver.Stages}, after {proven} proven stages ({proofs}). The probabilities fixed in those stages are LEXIMIN's; everyone else has at least {solver.StoppedAt:P4}, and no lottery can give the lowest of them more than {solver.StoppedAt + gap:P4} (gap {gap:G3})."
                    : $"{why} ({solver.Stages} stages, {proofs}).");
            }
        }
        else
        {
            lines.Add($"MAXIMIN raises the lowest probability as far as the quotas allow: {lowest?.Probability ?? 0:P3}; probabilities above it are not optimised further.");
        }
        lines.Add($"The lottery uses {solver.PanelsUsed:N0} panels (out of {solver.PanelsGenerated:N0} generated); each was checked against every quota by counting, independently of the solvers.");
        lines.Add($"Work: {solver.LpSolves:N0} linear programs ({solver.LpSeconds:N1} s of processor time) and {solver.IntegerProgramSolves:N0} integer programs (peeling and pricing; the pricing of the column generation took {solver.PricingSeconds:N1} s); {solver.Seconds:N1} s of processor time in all.");
        lines.Add($"Probabilities come from linear programming in floating point: each level is within {options.PricingTolerance:G2} of optimal, and no probability falls more than {solver.LargestShortfall:G2} below its level.");
        return lines;
    }
}
