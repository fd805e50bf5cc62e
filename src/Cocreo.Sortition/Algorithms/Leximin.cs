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

        using var generation = new ColumnGeneration(space, options);
        var weighted = generation.Run(algorithm == SelectionAlgorithm.Leximin);
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
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var id in group.MemberIds)
            {
                groupOf[id] = group.Index;
            }
        }
        var probabilities = pool.People.Select(p => new PersonProbability(p.Id, byGroup[groupOf[p.Id]])).ToArray();
        var shortfall = Enumerable.Range(0, groups.Count).Max(g => generation.FixedAt(g) is { } level ? Math.Max(0, level - byGroup[g]) : 0);
        var levels = generation.Levels
            .Select(l => new LeximinLevel(l.Probability, l.Groups.Sum(g => groups[g].Size)))
            .ToArray();
        var solver = new SolverReport(
            "GLOP (primal simplex, default tolerances), restricted master LP with panels added as columns",
            options.PricingSolver == PricingSolver.Scip
                ? "SCIP via OR-Tools (relative gap 1e-10), after a swap heuristic"
                : "CP-SAT (1 worker, weights scaled to integers), after a swap heuristic",
            generation.Stages,
            generation.LpSolves,
            generation.IntegerProgramSolves,
            generation.PanelCount,
            distribution.Panels.Count,
            shortfall);
        return new SelectionResult(algorithm, feasibility, probabilities, distribution, Explain(algorithm, pool, groups, levels, solver, options), levels, solver);
    }

    private static List<string> Explain(SelectionAlgorithm algorithm, Pool pool, IReadOnlyList<ProfileGroup> groups, LeximinLevel[] levels, SolverReport solver, LeximinOptions options)
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
        if (algorithm == SelectionAlgorithm.Leximin)
        {
            lines.Add($"LEXIMIN raised the lowest probability as far as the quotas allow, then the next lowest, in {solver.Stages} stages; the lowest is {positive.FirstOrDefault()?.Probability ?? 0:P3} ({positive.FirstOrDefault()?.People ?? 0:N0} people).");
            if (positive.Length > 1)
            {
                var distinct = positive.Select(l => Math.Round(l.Probability, 9)).Distinct().Count();
                lines.Add($"The probabilities take {distinct} distinct values, from {positive[0].Probability:P3} to {positive.Max(l => l.Probability):P3}.");
            }
        }
        else
        {
            lines.Add($"MAXIMIN raised the lowest probability as far as the quotas allow: {positive.FirstOrDefault()?.Probability ?? 0:P3}; probabilities above it are not optimised further.");
        }
        lines.Add($"The lottery uses {solver.PanelsUsed:N0} panels (out of {solver.PanelsGenerated:N0} generated); each was checked against every quota by counting, independently of the solvers.");
        lines.Add($"Probabilities come from linear programming in floating point: each level is within {options.PricingTolerance:G2} of optimal, and no probability falls more than {Math.Max(solver.LargestShortfall, 0):G2} below its level.");
        return lines;
    }
}
