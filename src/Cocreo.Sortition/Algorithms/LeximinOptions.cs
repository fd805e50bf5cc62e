namespace Cocreo.Sortition;

/// <summary>Settings of the LEXIMIN and MAXIMIN column generation.</summary>
public sealed record LeximinOptions
{
    /// <summary>The integer programming solver for pricing (default CP-SAT).</summary>
    public PricingSolver PricingSolver { get; init; } = PricingSolver.CpSat;

    /// <summary>
    /// A stage ends when no panel improves the linear program by more than this (in units of probability); each LEXIMIN
    /// level is then within 1.5 times this of its exact value (the pricing integer program stops once it proves that no
    /// panel beats the best it found by more than half of this). Default 1e-9, below GLOP's own feasibility tolerance.
    /// </summary>
    public double PricingTolerance { get; init; } = 1e-9;

    /// <summary>
    /// The relaxation's LEXIMIN counts as reached when a lottery gives every group at least (1 − this) times its relaxed
    /// probability (default 1e-5: someone at 5% may fall 5e-7 short). Since the relaxation bounds every lottery from
    /// above, the true LEXIMIN then lies between the result and the relaxed levels. Peeling the target into a hundred
    /// panels can leave a sliver of 1e-7 to 1e-5 that floating point cannot peel; column generation closes it by ever
    /// smaller steps on these degenerate programs (on a generated pool of 1,727 people it gained 1e-6 in 28 rounds, then
    /// one GLOP solve took 100 s). The result reports the exact largest shortfall.
    /// </summary>
    public double ReachTolerance { get; init; } = 1e-5;

    /// <summary>
    /// Whether LEXIMIN starts from the LEXIMIN of the linear relaxation and tries to reach it with whole panels (default
    /// true). False runs only the classic stages of Flanigan et al., for comparison; the result is the same.
    /// </summary>
    public bool StartFromRelaxation { get; init; } = true;

    /// <summary>
    /// Whether the classic stages use the relaxation's LEXIMIN levels as upper bounds (default true): while every stage
    /// reaches the relaxation's level, reaching it proves the stage without the tail of column generation. When
    /// <see cref="StartFromRelaxation"/> is false, the relaxation (a few small linear programs) is computed for this
    /// alone and peeled into panels, the first columns of the stages, as the relaxation route would have left them.
    /// False runs the stages of Flanigan et al. with no information from the relaxation.
    /// </summary>
    public bool BoundStagesByRelaxation { get; init; } = true;

    /// <summary>
    /// Wentges smoothing of the duals the pricing uses (default 0.5): each round prices at this share of the dual vector
    /// with the best Lagrangian bound so far plus the rest of the program's own duals, which damps the oscillation of
    /// the duals that makes column generation tail off. 0 prices at the program's duals only. The proofs are unchanged:
    /// a smoothed vector that finds nothing for the program is followed by pricing at the program's own duals.
    /// </summary>
    public double DualSmoothing { get; init; } = 0.5;

    /// <summary>
    /// Wall-clock time after which the column generation stops (default none). The result is then the best lottery
    /// found: every level fixed so far is proven, the lowest probability not yet fixed is at least the value reached,
    /// and the result states the proven upper bound on it (the gap). Checked once per round of column generation.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>A group whose dual weight exceeds this at the end of a stage has its probability fixed (default 1e-7).</summary>
    public double FixingTolerance { get; init; } = 1e-7;

    /// <summary>How many panels of the current solution the swap heuristic starts from in each iteration (default 16).</summary>
    public int HeuristicStarts { get; init; } = 16;

    /// <summary>
    /// Receives a line per iteration (stage, level, panels) for whoever wants to watch a long computation; null by default.
    /// The lines hold only counts and probabilities, never anyone's id or contact details.
    /// </summary>
    public Action<string>? Progress { get; init; }
}
