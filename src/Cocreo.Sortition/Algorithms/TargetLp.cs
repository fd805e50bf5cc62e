using Google.OrTools.LinearSolver;

namespace Cocreo.Sortition;

/// <summary>
/// The decomposition program: over the panels found so far, the distribution whose expected seats fall short of a
/// target by the fewest seats in total: minimise Σ_g d_g subject to Σ_P λ_P seats_P(g) + d_g ≥ target_g, Σ λ = 1.
/// Zero means the target is reached. A panel improves it when Σ_g y_g seats_P(g) exceeds the dual of Σ λ = 1, with
/// y_g ∈ [0, 1] the dual of group g's row.
/// </summary>
internal sealed class TargetLp : IDisposable
{
    private readonly Solver solver;
    private readonly Constraint total;
    private readonly Constraint[] rows;
    private readonly List<Variable> columns = [];

    public TargetLp(double[] targetSeats)
    {
        solver = Solver.CreateSolver("GLOP")!;
        solver.SetSolverSpecificParametersAsString("use_scaling:false");
        total = solver.MakeConstraint(1, 1, "");
        rows = new Constraint[targetSeats.Length];
        for (var g = 0; g < rows.Length; g++)
        {
            rows[g] = solver.MakeConstraint(targetSeats[g], double.PositiveInfinity, "");
            var shortfall = solver.MakeNumVar(0, double.PositiveInfinity, "");
            rows[g].SetCoefficient(shortfall, 1);
            solver.Objective().SetCoefficient(shortfall, 1);
        }
        solver.Objective().SetMinimization();
    }

    public int Solves { get; private set; }

    public void AddPanel(Composition panel)
    {
        var column = solver.MakeNumVar(0, double.PositiveInfinity, "");
        total.SetCoefficient(column, 1);
        for (var i = 0; i < panel.Groups.Length; i++)
        {
            rows[panel.Groups[i]].SetCoefficient(column, panel.Seats[i]);
        }
        columns.Add(column);
    }

    public bool Solve()
    {
        Solves++;
        return solver.Solve() == Solver.ResultStatus.OPTIMAL;
    }

    public double Shortfall => solver.Objective().Value();

    public double PanelThreshold => total.DualValue();

    public double GroupDual(int group) => Math.Max(0, rows[group].DualValue());

    public double Weight(int column) => columns[column].SolutionValue();

    public void Dispose() => solver.Dispose();
}
