using System.Globalization;
using Google.OrTools.LinearSolver;
using Google.OrTools.Sat;
using LinearExpr = Google.OrTools.Sat.LinearExpr;

namespace Cocreo.Sortition;

/// <summary>The integer programming solver a selection asks for the valid panel of greatest total weight.</summary>
public enum PricingSolver
{
    /// <summary>OR-Tools' CP-SAT, one worker, weights scaled to integers with 2⁻⁴⁰ relative resolution; every improving panel it finds on the way is used too; a proof of optimality it cannot finish within a fixed amount of work is handed to SCIP.</summary>
    CpSat,

    /// <summary>SCIP through OR-Tools' linear solver wrapper, one thread, relative gap 1e-10.</summary>
    Scip,
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

    public static PanelPricing Create(PanelSpace space, PricingSolver solver) => solver switch
    {
        PricingSolver.Scip => new ScipPricing(space),
        PricingSolver.CpSat => new CpSatPricing(space),
        _ => throw new ArgumentOutOfRangeException(nameof(solver)),
    };

    /// <summary>Seats per group of a valid panel maximising the total weight, or null when no valid panel exists.</summary>
    public int[]? Best(double[] weightPerSeat, int[]? hint = null) =>
        BestAndOnTheWay(weightPerSeat, hint) is { Count: > 0 } found ? found[^1] : null;

    /// <summary>
    /// The best panel and, when the solver reports them, the improving panels it found on the way, each a column worth
    /// adding when its weight beats the threshold. The best comes last; empty when no valid panel exists.
    /// </summary>
    public abstract IReadOnlyList<int[]> BestAndOnTheWay(double[] weightPerSeat, int[]? hint = null, double? enough = null);

    public abstract void Dispose();

    /// <summary>
    /// An upper bound, from the last call's proof, on the weight of every valid panel (the solver's bound plus what
    /// rounding the weights may hide); positive infinity when the last call proved nothing.
    /// </summary>
    public double LastBound { get; protected set; } = double.PositiveInfinity;

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
            seats = space.Upper.Select((upper, g) => solver.MakeIntVar(space.Lower[g], upper, "")).ToArray();
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

        public override IReadOnlyList<int[]> BestAndOnTheWay(double[] weightPerSeat, int[]? hint = null, double? enough = null)
        {
            var objective = solver.Objective();
            for (var g = 0; g < seats.Length; g++)
            {
                objective.SetCoefficient(seats[g], weightPerSeat[g]);
            }
            LastBound = double.PositiveInfinity;
            if (solver.Solve(parameters) is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
            {
                return [];
            }
            var best = objective.BestBound();
            // SCIP's bound is proved up to its tolerances; a relative 1e-9 covers them.
            LastBound = double.IsFinite(best) ? best + 1e-9 * Math.Abs(best) + 1e-12 : double.PositiveInfinity;
            return [seats.Select(s => (int)Math.Round(s.SolutionValue())).ToArray()];
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

        /// <summary>CP-SAT's deterministic work units (about a second of solving) before SCIP is asked instead.</summary>
        private const double ProofWorkLimit = 1;
        private readonly CpModel model = new();
        private ScipPricing? proof;
        private readonly IntVar[] seats;

        public CpSatPricing(PanelSpace space) : base(space)
        {
            seats = space.Upper.Select((upper, g) => model.NewIntVar(space.Lower[g], upper, "")).ToArray();
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

        public override IReadOnlyList<int[]> BestAndOnTheWay(double[] weightPerSeat, int[]? hint = null, double? enough = null)
        {
            // CP-SAT optimises integer objectives: scale the largest weight to 2^40, far finer than the 1e-9 compared.
            var largest = weightPerSeat.Max(Math.Abs);
            var scale = largest > 0 ? Resolution / largest : 1;
            model.Maximize(LinearExpr.WeightedSum(seats, weightPerSeat.Select(w => (long)Math.Round(w * scale))));
            model.ClearHints();
            if (hint is not null)
            {
                for (var g = 0; g < seats.Length; g++)
                {
                    model.AddHint(seats[g], hint[g]);
                }
            }
            // One worker keeps the search deterministic; the machine's other core serves the linear programs' caller.
            // Linearisation level 2 puts every quota row into CP-SAT's linear relaxation, which is what bounds these
            // objectives; the gap limit stops the search once no panel can beat the best found by the caller's
            // tolerance, which is all column generation needs. A deterministic work limit (not a clock) hands proofs
            // CP-SAT cannot finish quickly to SCIP, whose branch and bound closes them in a fraction of a second.
            var parameters = "num_workers:1,linearization_level:2,max_deterministic_time:" + ProofWorkLimit.ToString(CultureInfo.InvariantCulture);
            if (enough is { } gap)
            {
                parameters += ",absolute_gap_limit:" + (gap * scale).ToString("R", CultureInfo.InvariantCulture);
            }
            var collector = new Collector(seats);
            var cpSolver = new CpSolver { StringParameters = parameters };
            var status = cpSolver.Solve(model, collector);
            LastBound = double.PositiveInfinity;
            if (status == CpSolverStatus.Optimal)
            {
                // Each scaled weight is within 1/2 of weight × scale, so a panel's true weight is within k/2 of its scaled one.
                LastBound = (cpSolver.BestObjectiveBound + 0.5 * Space.PanelSize) / scale;
                return collector.Found;
            }
            if (status is CpSolverStatus.Infeasible or CpSolverStatus.ModelInvalid)
            {
                return [];
            }
            proof ??= new ScipPricing(Space);
            var proved = proof.BestAndOnTheWay(weightPerSeat);
            LastBound = proof.LastBound;
            return [.. collector.Found, .. proved];
        }

        public override void Dispose() => proof?.Dispose();

        private sealed class Collector(IntVar[] seats) : CpSolverSolutionCallback
        {
            public List<int[]> Found { get; } = [];

            public override void OnSolutionCallback() => Found.Add(seats.Select(s => (int)Value(s)).ToArray());
        }
    }
}
