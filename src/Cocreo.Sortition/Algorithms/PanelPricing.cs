using Google.OrTools.LinearSolver;
using Google.OrTools.Sat;
using LinearExpr = Google.OrTools.Sat.LinearExpr;

namespace Cocreo.Sortition;

/// <summary>The integer program a selection asks for the valid panel of greatest total weight.</summary>
public enum PricingSolver
{
    /// <summary>SCIP through OR-Tools' linear solver wrapper (branch and cut, one thread).</summary>
    Scip,

    /// <summary>OR-Tools' CP-SAT (weights scaled to integers with 2^-40 relative resolution).</summary>
    CpSat,
}

/// <summary>
/// The pricing problem of the column generation: among all valid panels, the one whose seats have the greatest total
/// weight. Solved exactly by an integer program over the profile groups (seats per group), so its size depends on the
/// number of distinct profiles, not on the number of people.
/// </summary>
internal abstract class PanelPricing : IDisposable
{
    protected PanelPricing(PanelSpace space) => Space = space;

    protected PanelSpace Space { get; }

    /// <summary>How many times the integer program was solved.</summary>
    public int Solves { get; protected set; }

    public static PanelPricing Create(PanelSpace space, PricingSolver solver) => solver switch
    {
        PricingSolver.Scip => new ScipPricing(space),
        PricingSolver.CpSat => new CpSatPricing(space),
        _ => throw new ArgumentOutOfRangeException(nameof(solver)),
    };

    /// <summary>Seats per group of a valid panel maximising the total weight, or null when no valid panel exists.</summary>
    public abstract int[]? Best(double[] weightPerSeat, int[]? hint = null);

    public abstract void Dispose();

    /// <summary>The groups having each feature value, the rows of every quota constraint.</summary>
    protected List<int>[][] GroupsByValue()
    {
        var byValue = Space.Min.Select(m => m.Select(_ => new List<int>()).ToArray()).ToArray();
        for (var g = 0; g < Space.GroupCount; g++)
        {
            for (var f = 0; f < Space.FeatureCount; f++)
            {
                byValue[f][Space.ValueOf[g][f]].Add(g);
            }
        }
        return byValue;
    }

    private sealed class ScipPricing : PanelPricing
    {
        private readonly Solver solver;
        private readonly Variable[] seats;
        private readonly MPSolverParameters parameters = new();

        public ScipPricing(PanelSpace space) : base(space)
        {
            solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools was built without SCIP.");
            seats = space.Upper.Select((c, g) => solver.MakeIntVar(space.Lower[g], c, "")).ToArray();
            var total = solver.MakeConstraint(space.PanelSize, space.PanelSize, "");
            foreach (var seat in seats)
            {
                total.SetCoefficient(seat, 1);
            }
            var byValue = GroupsByValue();
            for (var f = 0; f < space.FeatureCount; f++)
            {
                for (var v = 0; v < byValue[f].Length; v++)
                {
                    var quota = solver.MakeConstraint(space.Min[f][v], space.Max[f][v], "");
                    foreach (var g in byValue[f][v])
                    {
                        quota.SetCoefficient(seats[g], 1);
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
            solver.Objective().SetMaximization();
            // The column generation compares panel weights to 1e-9; SCIP's default gap of 1e-4 would stop too early.
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-10);
        }

        public override int[]? Best(double[] weightPerSeat, int[]? hint = null)
        {
            Solves++;
            var objective = solver.Objective();
            for (var g = 0; g < seats.Length; g++)
            {
                objective.SetCoefficient(seats[g], weightPerSeat[g]);
            }
            var status = solver.Solve(parameters);
            if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
            {
                return null;
            }
            return seats.Select(s => (int)Math.Round(s.SolutionValue())).ToArray();
        }

        public override void Dispose()
        {
            parameters.Dispose();
            solver.Dispose();
        }
    }

    private sealed class CpSatPricing : PanelPricing
    {
        private const double Resolution = 1L << 40;
        private readonly CpModel model = new();
        private readonly IntVar[] seats;

        public CpSatPricing(PanelSpace space) : base(space)
        {
            seats = space.Upper.Select((c, g) => model.NewIntVar(space.Lower[g], c, "")).ToArray();
            model.Add(LinearExpr.Sum(seats) == space.PanelSize);
            var byValue = GroupsByValue();
            for (var f = 0; f < space.FeatureCount; f++)
            {
                for (var v = 0; v < byValue[f].Length; v++)
                {
                    model.AddLinearConstraint(LinearExpr.Sum(byValue[f][v].Select(g => seats[g])), space.Min[f][v], space.Max[f][v]);
                }
            }
            foreach (var household in space.Households)
            {
                model.Add(LinearExpr.Sum(household.Select(g => seats[g])) <= 1);
            }
        }

        public override int[]? Best(double[] weightPerSeat, int[]? hint = null)
        {
            Solves++;
            var largest = weightPerSeat.Max(Math.Abs);
            var scale = largest > 0 ? Resolution / largest : 1;
            var coefficients = weightPerSeat.Select(w => (long)Math.Round(w * scale)).ToArray();
            model.Maximize(LinearExpr.WeightedSum(seats, coefficients));
            model.ClearHints();
            if (hint is not null)
            {
                for (var g = 0; g < seats.Length; g++)
                {
                    model.AddHint(seats[g], hint[g]);
                }
            }
            var solver = new CpSolver { StringParameters = "num_workers:1" };
            var status = solver.Solve(model);
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                return null;
            }
            return seats.Select(s => (int)solver.Value(s)).ToArray();
        }

        public override void Dispose()
        {
        }
    }
}
