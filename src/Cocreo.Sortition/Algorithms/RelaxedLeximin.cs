using Google.OrTools.LinearSolver;

namespace Cocreo.Sortition;

/// <summary>
/// LEXIMIN over the linear relaxation of the panel rules: seats per group may be fractional. Every distribution over
/// valid panels has expected seats inside this relaxation, so its leximin vector bounds the true one from above; and
/// when a distribution over valid panels reaches it, that distribution is LEXIMIN, with this as the certificate.
/// It needs a handful of small linear programs and no integer program.
/// </summary>
internal sealed class RelaxedLeximin
{
    private RelaxedLeximin(double[] probabilities, List<(double Level, int[] Groups)> stages, PanelSpace face)
    {
        Probabilities = probabilities;
        Stages = stages;
        Face = face;
    }

    /// <summary>
    /// The panel rules tightened to the optimal face of every relaxed stage: a quota whose dual is not zero must be met
    /// with equality at the bound it touches, and a group whose seat variable has a non-zero reduced cost keeps the bound
    /// it sits at. By complementary slackness, every panel of any distribution that reaches the relaxed LEXIMIN lies on
    /// this face, so searching only there loses nothing.
    /// </summary>
    public PanelSpace Face { get; }

    /// <summary>The relaxed LEXIMIN probability of each group.</summary>
    public double[] Probabilities { get; }

    /// <summary>The stages: the level, and the groups fixed at it.</summary>
    public List<(double Level, int[] Groups)> Stages { get; }

    public static RelaxedLeximin Solve(PanelSpace space)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var seats = space.Capacity.Select(c => solver.MakeNumVar(0, c, "")).ToArray();
        var z = solver.MakeNumVar(0, 1, "");
        var total = solver.MakeConstraint(space.PanelSize, space.PanelSize, "");
        foreach (var seat in seats)
        {
            total.SetCoefficient(seat, 1);
        }
        for (var f = 0; f < space.FeatureCount; f++)
        {
            for (var v = 0; v < space.Min[f].Length; v++)
            {
                var quota = solver.MakeConstraint(space.Min[f][v], space.Max[f][v], "");
                for (var g = 0; g < space.GroupCount; g++)
                {
                    if (space.ValueOf[g][f] == v)
                    {
                        quota.SetCoefficient(seats[g], 1);
                    }
                }
            }
        }
        foreach (var household in space.Households)
        {
            var once = solver.MakeConstraint(0, 1, "");
            foreach (var g in household)
            {
                once.SetCoefficient(seats[g], 1);
            }
        }
        var quotaRows = new List<(int F, int V, Constraint Row)>();
        for (var f = 0; f < space.FeatureCount; f++)
        {
            for (var v = 0; v < space.Min[f].Length; v++)
            {
                quotaRows.Add((f, v, solver.constraints()[quotaRows.Count + 1]));
            }
        }
        var min = space.Min.Select(m => (int[])m.Clone()).ToArray();
        var max = space.Max.Select(m => (int[])m.Clone()).ToArray();
        var lower = (int[])space.Lower.Clone();
        var upper = (int[])space.Upper.Clone();
        var rows = new Constraint[space.GroupCount];
        for (var g = 0; g < rows.Length; g++)
        {
            rows[g] = solver.MakeConstraint(0, double.PositiveInfinity, "");
            rows[g].SetCoefficient(seats[g], 1.0 / space.Capacity[g]);
            rows[g].SetCoefficient(z, -1);
        }
        solver.Objective().SetCoefficient(z, 1);
        solver.Objective().SetMaximization();

        var probabilities = new double[space.GroupCount];
        var open = Enumerable.Range(0, space.GroupCount).ToHashSet();
        var stages = new List<(double, int[])>();
        while (open.Count > 0)
        {
            if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
            {
                throw new InvalidOperationException("The relaxed LEXIMIN stage has no optimum.");
            }
            // GLOP leaves noise like 1e-17 where a level is 0; as a coefficient of z it makes later programs ABNORMAL.
            var level = z.SolutionValue() < 1e-12 ? 0 : z.SolutionValue();
            foreach (var (f, v, row) in quotaRows)
            {
                if (Math.Abs(row.DualValue()) > 1e-9)
                {
                    var count = 0.0;
                    for (var g = 0; g < space.GroupCount; g++)
                    {
                        if (space.ValueOf[g][f] == v)
                        {
                            count += seats[g].SolutionValue();
                        }
                    }
                    var bound = Math.Abs(count - space.Min[f][v]) < Math.Abs(count - space.Max[f][v]) ? space.Min[f][v] : space.Max[f][v];
                    min[f][v] = max[f][v] = bound;
                }
            }
            for (var g = 0; g < space.GroupCount; g++)
            {
                if (Math.Abs(seats[g].ReducedCost()) > 1e-9)
                {
                    var atUpper = seats[g].SolutionValue() > space.Capacity[g] / 2.0;
                    lower[g] = upper[g] = atUpper ? upper[g] : lower[g];
                }
            }
            // At level 1 the bound z ≤ 1 carries the dual instead of the rows: everyone left is certain to be selected.
            var fixedNow = level >= 1 - 1e-12
                ? open.ToArray()
                : open.Where(g => -rows[g].DualValue() > 1e-9).ToArray();
            if (fixedNow.Length == 0)
            {
                fixedNow = [open.MaxBy(g => -rows[g].DualValue())];
            }
            foreach (var g in fixedNow)
            {
                probabilities[g] = level;
                rows[g].SetCoefficient(z, 0);
                rows[g].SetLb(level);
                open.Remove(g);
            }
            stages.Add((level, fixedNow));
        }
        return new RelaxedLeximin(probabilities, stages, space.Restrict(min, max, lower, upper));
    }
}
