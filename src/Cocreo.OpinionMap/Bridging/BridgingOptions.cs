namespace Cocreo.OpinionMap.Bridging;

/// <summary>
/// Settings of the bridging ranking (<see cref="BridgingRanker"/>). The defaults are Community Notes' published
/// regularisation (λ_f = 0.03 for factors, intercepts 5 times more: λ_i = 0.15) and its five-rating minimum.
/// </summary>
public sealed record BridgingOptions
{
    /// <summary>The defaults.</summary>
    public static BridgingOptions Default { get; } = new();

    /// <summary>λ_i: weight of the squared intercepts (participants', statements' and the global one) in the loss.</summary>
    public double InterceptRegularization { get; init; } = 0.15;

    /// <summary>λ_f: weight of the squared factors (participants' and statements') in the loss.</summary>
    public double FactorRegularization { get; init; } = 0.03;

    /// <summary>A statement is ranked only when it has at least this many agree or disagree votes (fitted votes).</summary>
    public int MinimumVotes { get; init; } = 5;

    /// <summary>
    /// A statement is ranked only when at least this many of its votes come from each side of the opinion axis
    /// (participants with a negative factor, and with a positive one), or from every participant on a side that has
    /// fewer. Without votes from both sides nothing says the statement bridges: a statement voted on by one side only
    /// has a factor the votes cannot pin down, and its intercept can come out high on a handful of votes.
    /// </summary>
    public int MinimumVotesPerSide { get; init; } = 5;

    /// <summary>
    /// Whether a pass counts as a vote of 0 (halfway between agree +1 and disagree −1). By default a pass is left out
    /// of the fit, like a statement the participant did not see: it says nothing about agreement.
    /// </summary>
    public bool CountPassAsZero { get; init; }

    /// <summary>At most this many alternating-least-squares sweeps.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>The fit stops when no statement intercept or factor, nor the global intercept, moves more than this in a sweep.</summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>Seed of the statements' starting factors (when there is no previous ranking to start from).</summary>
    public int Seed { get; init; }

    /// <summary>Threads the computation may use; results do not depend on it. Null: all processors.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        Require(InterceptRegularization > 0 && double.IsFinite(InterceptRegularization), nameof(InterceptRegularization), "must be positive");
        Require(FactorRegularization > 0 && double.IsFinite(FactorRegularization), nameof(FactorRegularization), "must be positive");
        Require(MinimumVotes >= 0, nameof(MinimumVotes), "must not be negative");
        Require(MinimumVotesPerSide >= 0, nameof(MinimumVotesPerSide), "must not be negative");
        Require(MaxIterations >= 1, nameof(MaxIterations), "must be at least 1");
        Require(Tolerance >= 0, nameof(Tolerance), "must not be negative");
        Require(MaxDegreeOfParallelism is null or >= 1, nameof(MaxDegreeOfParallelism), "must be at least 1");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"BridgingOptions.{name} {rule}.", name);
        }
    }
}
