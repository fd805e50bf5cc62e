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
/// One GLOP model lives as long as the program: a new panel is a new column, a fixed group changes one row, and GLOP
/// (presolve and scaling off) starts each solve from the last optimal basis instead of from scratch. Scaling is off
/// because GLOP rescales the whole matrix when a column arrives, which loses most of the warm start: on a 400-person
/// pool (312 groups) a warm solve took about 1,200 simplex iterations with scaling and about 250 without, and the
/// entries (seats / group size, between 1/|g| and 1) need no scaling. A solve that takes more than the warm limit of
/// GLOP's deterministic time (a warm start stalled on these degenerate programs) is abandoned and the program is rebuilt
/// and solved from scratch; each such rebuild doubles the limit (from 2 units up to 64), since on a large program an
/// ordinary warm solve grows past 2 units and a rebuild every round costs far more than it saves. The first solve after
/// a group is fixed (z leaves that group's row) is built and solved from scratch without trying the warm start, which
/// GLOP cannot use after that change.
/// </remarks>
internal sealed class FairnessLp : IDisposable
{
    /// <summary>GLOP's deterministic time (roughly seconds) a warm-started solve may take before a rebuild, at first.</summary>
    private const double FirstWarmWorkLimit = 2;

    /// <summary>The most the warm limit grows to after rebuilds.</summary>
    private const double LargestWarmWorkLimit = 64;

    private double warmWorkLimit = FirstWarmWorkLimit;

    /// <summary>Whether a group was fixed since the last solve (a changed row: the next solve starts from scratch).</summary>
    private bool rowsChanged;

    private string WarmLimit => "use_scaling:false,max_deterministic_time:" + warmWorkLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly int[] sizes;
    private readonly double[] targets;
    private readonly double?[] fixedAt;
    private readonly List<Composition> panels = [];
    private readonly MPSolverParameters parameters = new();
    private Solver solver = null!;
    private Variable z = null!;
    private Constraint total = null!;
    private Constraint[] rows = [];
    private readonly List<Variable> columns = [];
    private double[] lambda = [];
    private double[] groupDuals = [];

    public FairnessLp(int[] groupSizes, double[]? targets = null)
    {
        sizes = groupSizes;
        this.targets = targets ?? Enumerable.Repeat(1.0, sizes.Length).ToArray();
        fixedAt = new double?[sizes.Length];
        parameters.SetIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE, (int)MPSolverParameters.PresolveValues.PRESOLVE_OFF);
        parameters.SetIntegerParam(MPSolverParameters.IntegerParam.INCREMENTALITY, (int)MPSolverParameters.IncrementalityValues.INCREMENTALITY_ON);
        Build();
    }

    public int Solves { get; private set; }

    /// <summary>Solves that had to rebuild the program from scratch after a stalled warm start.</summary>
    public int Rebuilds { get; private set; }

    /// <summary>Time spent in GLOP.</summary>
    public TimeSpan Time { get; private set; }

    public double Z { get; private set; }

    /// <summary>Simplex iterations of the last solve.</summary>
    public long LastIterations { get; private set; }

    /// <summary>The dual of Σ λ = 1: the weight a panel must exceed to improve the program.</summary>
    public double PanelThreshold { get; private set; }

    public void AddPanel(Composition panel)
    {
        panels.Add(panel);
        AddColumn(panel);
    }

    /// <summary>From now on, group g must keep at least this probability instead of taking part in z.</summary>
    public void Fix(int group, double probability)
    {
        fixedAt[group] = probability;
        rowsChanged = true;
        rows[group].SetCoefficient(z, 0);
        rows[group].SetLb(probability);
    }

    /// <summary>Solves; false when GLOP finds no optimum (numerical trouble with the fixed levels).</summary>
    public bool Solve()
    {
        Solves++;
        var clock = ProcessorClock.Start();
        try
        {
            Solver.ResultStatus status;
            if (rowsChanged)
            {
                // A fixed group changes z's column, and GLOP then solves from scratch anyway (on the 400-person pool the
                // first solve of every stage took as many iterations either way); on a large program the warm attempt
                // first ran into the work limit, wasting it and doubling the limit. So build afresh at once.
                rowsChanged = false;
                Build();
                solver.SetSolverSpecificParametersAsString("use_scaling:false");
                status = solver.Solve(parameters);
                solver.SetSolverSpecificParametersAsString(WarmLimit);
            }
            else
            {
                status = solver.Solve(parameters);
            }
            rowsChanged = false;
            if (status != Solver.ResultStatus.OPTIMAL)
            {
                // A stalled or confused warm start: the same program from scratch, presolve and scaling still off (with
                // either, GLOP's next warm start would not find its basis and start from scratch again, and stall
                // again), and failing that with GLOP's defaults, which is how every program was solved before the warm
                // starts.
                Rebuilds++;
                warmWorkLimit = Math.Min(LargestWarmWorkLimit, 2 * warmWorkLimit);
                Build();
                solver.SetSolverSpecificParametersAsString("use_scaling:false");
                status = solver.Solve(parameters);
                if (status != Solver.ResultStatus.OPTIMAL)
                {
                    Build();
                    solver.SetSolverSpecificParametersAsString("");
                    status = solver.Solve();
                }
                solver.SetSolverSpecificParametersAsString(WarmLimit);
            }
            if (status != Solver.ResultStatus.OPTIMAL)
            {
                return false;
            }
        }
        finally
        {
            Time += clock.Elapsed;
        }
        LastIterations = solver.Iterations();
        Z = z.SolutionValue();
        PanelThreshold = total.DualValue();
        lambda = columns.Select(c => c.SolutionValue()).ToArray();
        // OR-Tools reports the duals of ≥ rows of a maximisation as ≤ 0; y_g is their negation.
        groupDuals = rows.Select(r => Math.Max(0, -r.DualValue())).ToArray();
        return true;
    }

    /// <summary>The duals y_g ≥ 0 of every group's row in the last solve.</summary>
    public double[] GroupDuals => (double[])groupDuals.Clone();

    /// <summary>
    /// The Lagrangian bound of a dual vector y ≥ 0 (not necessarily the program's): if no valid panel has
    /// Σ_g y_g·seats(g)/|g| above <paramref name="bestPanelValue"/>, no distribution over all valid panels reaches a value
    /// z above (bestPanelValue − Σ_fixed y_g·f_g) / Σ_unfixed t_g·y_g, since Σ_g y_g·p_g is at most bestPanelValue and at
    /// least z·Σ_unfixed t_g·y_g + Σ_fixed y_g·f_g. Positive infinity when y gives no bound.
    /// </summary>
    public double Bound(double[] y, double bestPanelValue)
    {
        var fixedPart = 0.0;
        var scale = 0.0;
        for (var g = 0; g < y.Length; g++)
        {
            if (fixedAt[g] is { } level)
            {
                fixedPart += y[g] * level;
            }
            else
            {
                scale += targets[g] * y[g];
            }
        }
        return scale > 1e-12 ? (bestPanelValue - fixedPart) / scale : double.PositiveInfinity;
    }

    /// <summary>The dual y_g ≥ 0 of group g's row in the last solve.</summary>
    public double GroupDual(int group) => groupDuals[group];

    /// <summary>The probability λ of the i-th panel added, in the last solve.</summary>
    public double Weight(int panel) => panel < lambda.Length ? lambda[panel] : 0;

    public void Dispose()
    {
        solver.Dispose();
        parameters.Dispose();
    }

    private void Build()
    {
        solver?.Dispose();
        solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools was built without GLOP.");
        solver.SetSolverSpecificParametersAsString(WarmLimit);
        z = solver.MakeNumVar(0, 1, "");
        total = solver.MakeConstraint(1, 1, "");
        rows = new Constraint[sizes.Length];
        for (var g = 0; g < sizes.Length; g++)
        {
            rows[g] = solver.MakeConstraint(fixedAt[g] ?? 0, double.PositiveInfinity, "");
            if (fixedAt[g] is null && targets[g] > 0)
            {
                rows[g].SetCoefficient(z, -targets[g]);
            }
        }
        columns.Clear();
        foreach (var panel in panels)
        {
            AddColumn(panel);
        }
        solver.Objective().SetCoefficient(z, 1);
        solver.Objective().SetMaximization();
    }

    private void AddColumn(Composition panel)
    {
        var column = solver.MakeNumVar(0, double.PositiveInfinity, "");
        columns.Add(column);
        total.SetCoefficient(column, 1);
        for (var j = 0; j < panel.Groups.Length; j++)
        {
            var g = panel.Groups[j];
            rows[g].SetCoefficient(column, (double)panel.Seats[j] / sizes[g]);
        }
    }
}
