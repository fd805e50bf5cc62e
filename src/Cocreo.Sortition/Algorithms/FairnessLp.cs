using Google.OrTools.LinearSolver;

namespace Cocreo.Sortition;

/// <summary>
/// The restricted master linear program over the panels found so far (λ_P ≥ 0 each): maximise z subject to
/// Σ_P λ_P = 1, p_g ≥ t_g·z for every group g not yet fixed, and p_g ≥ f_g for every fixed group, where
/// p_g = Σ_P λ_P · seats_P(g) / |g| is the probability of each member of g. For a LEXIMIN stage t_g = 1; to reach a
/// target vector, t is the target and z = 1 means it is reached. Its duals price new panels: a panel improves the
/// program exactly when Σ_g seats_P(g) · y_g / |g| exceeds the dual of Σ λ = 1.
/// </summary>
/// <remarks>
/// Solved by GLOP from scratch each time. Keeping one GLOP model and adding columns occasionally left GLOP's simplex
/// stalled for minutes on these highly degenerate programs; a fresh solve costs a little more and never stalled.
/// </remarks>
internal sealed class FairnessLp
{
    private readonly int[] sizes;
    private readonly double[] targets;
    private readonly double?[] fixedAt;
    private readonly List<Composition> panels = [];
    private double[] lambda = [];
    private double[] groupDuals = [];

    public FairnessLp(int[] groupSizes, double[]? targets = null)
    {
        sizes = groupSizes;
        this.targets = targets ?? Enumerable.Repeat(1.0, sizes.Length).ToArray();
        fixedAt = new double?[sizes.Length];
    }

    public int Solves { get; private set; }

    public double Z { get; private set; }

    /// <summary>The dual of Σ λ = 1: the weight a panel must exceed to improve the program.</summary>
    public double PanelThreshold { get; private set; }

    public void AddPanel(Composition panel) => panels.Add(panel);

    /// <summary>From now on, group g must keep at least this probability instead of taking part in z.</summary>
    public void Fix(int group, double probability) => fixedAt[group] = probability;

    /// <summary>Solves; false when GLOP finds no optimum (numerical trouble with the fixed levels).</summary>
    public bool Solve()
    {
        Solves++;
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools was built without GLOP.");
        var z = solver.MakeNumVar(0, 1, "");
        var total = solver.MakeConstraint(1, 1, "");
        var rows = new Constraint[sizes.Length];
        for (var g = 0; g < sizes.Length; g++)
        {
            rows[g] = solver.MakeConstraint(fixedAt[g] ?? 0, double.PositiveInfinity, "");
            if (fixedAt[g] is null && targets[g] > 0)
            {
                rows[g].SetCoefficient(z, -targets[g]);
            }
        }
        var columns = new Variable[panels.Count];
        for (var i = 0; i < panels.Count; i++)
        {
            var column = columns[i] = solver.MakeNumVar(0, double.PositiveInfinity, "");
            total.SetCoefficient(column, 1);
            var panel = panels[i];
            for (var j = 0; j < panel.Groups.Length; j++)
            {
                var g = panel.Groups[j];
                rows[g].SetCoefficient(column, (double)panel.Seats[j] / sizes[g]);
            }
        }
        solver.Objective().SetCoefficient(z, 1);
        solver.Objective().SetMaximization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return false;
        }
        Z = z.SolutionValue();
        PanelThreshold = total.DualValue();
        lambda = columns.Select(c => c.SolutionValue()).ToArray();
        // OR-Tools reports the duals of ≥ rows of a maximisation as ≤ 0; y_g is their negation.
        groupDuals = rows.Select(r => Math.Max(0, -r.DualValue())).ToArray();
        return true;
    }

    /// <summary>The dual y_g ≥ 0 of group g's row in the last solve.</summary>
    public double GroupDual(int group) => groupDuals[group];

    /// <summary>The probability λ of the i-th panel added, in the last solve.</summary>
    public double Weight(int panel) => panel < lambda.Length ? lambda[panel] : 0;
}
