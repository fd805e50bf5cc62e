using Google.OrTools.LinearSolver;

namespace Cocreo.Sortition.Tests;

/// <summary>
/// An independent LEXIMIN for small pools: every panel is enumerated person by person (no groups, no column
/// generation, no relaxation), and the levels are found the textbook way: maximise the lowest probability among the
/// people not yet fixed, then fix exactly those who cannot rise above it, each tested by its own linear program.
/// </summary>
internal static class BruteForce
{
    public static List<int[]> AllPanels(SelectionInput input)
    {
        var panels = new List<int[]>();
        var people = input.Pool.People;
        var k = input.Quotas.PanelSize;
        var chosen = new int[k];
        Recurse(0, 0);
        return panels;

        void Recurse(int next, int depth)
        {
            if (depth == k)
            {
                if (input.Quotas.Violations(chosen.Select(i => people[i]).ToArray()).Count == 0)
                {
                    panels.Add((int[])chosen.Clone());
                }
                return;
            }
            for (var i = next; i <= people.Count - (k - depth); i++)
            {
                chosen[depth] = i;
                Recurse(i + 1, depth + 1);
            }
        }
    }

    public static double[] Leximin(SelectionInput input)
    {
        var panels = AllPanels(input);
        var n = input.Pool.Count;
        double?[] fixedAt = new double?[n];
        while (fixedAt.Any(f => f is null))
        {
            var level = Solve(panels, n, fixedAt, maximiseFor: null, atLeast: null);
            var open = Enumerable.Range(0, n).Where(i => fixedAt[i] is null).ToArray();
            var stuck = open.Where(i => Solve(panels, n, fixedAt, maximiseFor: i, atLeast: level) <= level + 1e-8).ToArray();
            foreach (var i in stuck)
            {
                fixedAt[i] = level;
            }
            if (stuck.Length == 0)
            {
                throw new InvalidOperationException("brute force: nobody is stuck at the level, which LP theory rules out");
            }
        }
        return fixedAt.Select(f => f!.Value).ToArray();
    }

    /// <summary>
    /// Without <paramref name="maximiseFor"/>: the largest z such that every open person has at least z.
    /// With it: the largest probability of that person while every open person keeps at least <paramref name="atLeast"/>.
    /// </summary>
    private static double Solve(List<int[]> panels, int n, double?[] fixedAt, int? maximiseFor, double? atLeast)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var lambda = panels.Select(_ => solver.MakeNumVar(0, 1, "")).ToArray();
        var z = solver.MakeNumVar(0, 1, "");
        var total = solver.MakeConstraint(1, 1, "");
        foreach (var l in lambda)
        {
            total.SetCoefficient(l, 1);
        }
        var probability = new Constraint[n];
        for (var i = 0; i < n; i++)
        {
            var lower = fixedAt[i] ?? atLeast ?? 0;
            probability[i] = solver.MakeConstraint(fixedAt[i] is null && atLeast is null ? 0 : lower - 1e-9, double.PositiveInfinity, "");
            if (fixedAt[i] is null && atLeast is null)
            {
                probability[i].SetCoefficient(z, -1);
            }
        }
        for (var p = 0; p < panels.Count; p++)
        {
            foreach (var i in panels[p])
            {
                probability[i].SetCoefficient(lambda[p], 1);
            }
        }
        if (maximiseFor is { } person)
        {
            for (var p = 0; p < panels.Count; p++)
            {
                if (panels[p].Contains(person))
                {
                    solver.Objective().SetCoefficient(lambda[p], 1);
                }
            }
        }
        else
        {
            solver.Objective().SetCoefficient(z, 1);
        }
        solver.Objective().SetMaximization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException("brute force LP failed");
        }
        return solver.Objective().Value();
    }
}
