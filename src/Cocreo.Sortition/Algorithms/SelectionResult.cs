namespace Cocreo.Sortition;

/// <summary>The selection algorithms.</summary>
public enum SelectionAlgorithm
{
    /// <summary>LEXIMIN (Flanigan et al. 2021): maximise the lowest selection probability, then the next lowest, and so on.</summary>
    Leximin,

    /// <summary>MAXIMIN: maximise the lowest selection probability only.</summary>
    Maximin,

    /// <summary>The Sortition Foundation's greedy procedure; its probabilities are estimated by simulation.</summary>
    Legacy,
}

/// <summary>One person's selection probability.</summary>
/// <param name="Id">The person's id.</param>
/// <param name="Probability">The probability of being on the panel.</param>
public sealed record PersonProbability(string Id, double Probability);

/// <summary>A probability level of LEXIMIN: the people whose probability was fixed at that value in one stage.</summary>
/// <param name="Probability">The probability.</param>
/// <param name="People">How many people have it.</param>
public sealed record LeximinLevel(double Probability, int People);

/// <summary>What the solvers did, so a reader can judge the computation.</summary>
/// <param name="LpSolver">The linear programming solver and its settings.</param>
/// <param name="PricingSolver">The integer programming solver that proves no better panel exists, and its settings.</param>
/// <param name="Stages">LEXIMIN stages (each fixes at least one group's probability).</param>
/// <param name="LpSolves">Linear programs solved.</param>
/// <param name="IntegerProgramSolves">Integer programs solved (pricing).</param>
/// <param name="PanelsGenerated">Distinct valid panels generated.</param>
/// <param name="PanelsUsed">Panels with a positive probability in the result.</param>
/// <param name="LargestShortfall">The largest amount by which a probability of the result falls short of its LEXIMIN level (LP tolerance).</param>
/// <param name="Seconds">Processor time of the whole computation after the feasibility check, in seconds.</param>
/// <param name="LpSeconds">Processor time in the restricted master linear programs.</param>
/// <param name="PricingSeconds">Processor time in the pricing integer programs.</param>
/// <param name="StagesByRelaxation">Classic stages proven by reaching the relaxation's level instead of by pricing.</param>
/// <param name="Gap">When the time limit stopped the stages: how far the lowest probability not yet fixed may lie below what is possible (proven upper bound minus the value reached); null when the computation finished.</param>
/// <param name="StoppedAt">When the time limit stopped the stages: the lowest probability not yet fixed.</param>
public sealed record SolverReport(string LpSolver, string PricingSolver, int Stages, int LpSolves, int IntegerProgramSolves, int PanelsGenerated, int PanelsUsed, double LargestShortfall,
    double Seconds = 0, double LpSeconds = 0, double PricingSeconds = 0, int StagesByRelaxation = 0, double? Gap = null, double? StoppedAt = null);

/// <summary>The result of selecting with one algorithm: probabilities, the distribution when there is one, statistics and an explanation.</summary>
public sealed class SelectionResult
{
    /// <summary>Creates a result.</summary>
    public SelectionResult(
        SelectionAlgorithm algorithm,
        FeasibilityReport feasibility,
        IReadOnlyList<PersonProbability> probabilities,
        PanelDistribution? distribution,
        IReadOnlyList<string> explanation,
        IReadOnlyList<LeximinLevel>? levels = null,
        SolverReport? solver = null,
        LegacyEstimate? legacy = null)
    {
        Algorithm = algorithm;
        Feasibility = feasibility;
        Probabilities = probabilities;
        Distribution = distribution;
        Explanation = explanation;
        Levels = levels ?? [];
        Solver = solver;
        Legacy = legacy;
        Statistics = SelectionStatistics.Of(probabilities.Select(p => p.Probability));
    }

    /// <summary>The algorithm used.</summary>
    public SelectionAlgorithm Algorithm { get; }

    /// <summary>Whether the quotas can be met at all, and if not, why and how to relax them.</summary>
    public FeasibilityReport Feasibility { get; }

    /// <summary>Each person's selection probability, in pool order (empty when the quotas cannot be met).</summary>
    public IReadOnlyList<PersonProbability> Probabilities { get; }

    /// <summary>The distribution over panels (LEXIMIN and MAXIMIN), or null.</summary>
    public PanelDistribution? Distribution { get; }

    /// <summary>Minimum, Gini coefficient, geometric mean and more of the probabilities.</summary>
    public SelectionStatistics Statistics { get; }

    /// <summary>Plain sentences that explain the result.</summary>
    public IReadOnlyList<string> Explanation { get; }

    /// <summary>LEXIMIN's probability levels from the lowest (empty for other algorithms).</summary>
    public IReadOnlyList<LeximinLevel> Levels { get; }

    /// <summary>The solvers' work (LEXIMIN and MAXIMIN).</summary>
    public SolverReport? Solver { get; }

    /// <summary>The simulation behind LEGACY's estimates.</summary>
    public LegacyEstimate? Legacy { get; }
}
