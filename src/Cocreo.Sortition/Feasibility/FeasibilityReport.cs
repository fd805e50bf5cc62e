namespace Cocreo.Sortition;

/// <summary>One side of a quota: its minimum or its maximum.</summary>
/// <param name="Quota">The quota.</param>
/// <param name="IsMinimum">True for the minimum, false for the maximum.</param>
public sealed record QuotaBound(Quota Quota, bool IsMinimum)
{
    /// <inheritdoc />
    public override string ToString() => IsMinimum
        ? $"{Quota.Feature}={Quota.Value} at least {Quota.Min}"
        : $"{Quota.Feature}={Quota.Value} at most {Quota.Max}";
}

/// <summary>A quota changed by the smallest relaxation that makes the quotas feasible.</summary>
/// <param name="Quota">The quota as it was.</param>
/// <param name="NewMin">The relaxed minimum.</param>
/// <param name="NewMax">The relaxed maximum.</param>
/// <param name="BeyondFlexibleBounds">Whether the change goes past the quota's min_flex or max_flex.</param>
public sealed record QuotaRelaxation(Quota Quota, int NewMin, int NewMax, bool BeyondFlexibleBounds)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var change = NewMin < Quota.Min
            ? $"lower the minimum of {Quota.Feature}={Quota.Value} from {Quota.Min} to {NewMin}"
            : $"raise the maximum of {Quota.Feature}={Quota.Value} from {Quota.Max} to {NewMax}";
        return BeyondFlexibleBounds ? change + " (beyond its flexible bound)" : change;
    }
}

/// <summary>
/// Whether any panel meets the quotas, and when none does: plain findings (counts that cannot add up), a smallest set
/// of quota bounds that cannot hold together, and the smallest relaxation (fewest seats of change) that makes the
/// quotas feasible. Both are computed by integer programs, not guessed.
/// </summary>
public sealed class FeasibilityReport
{
    /// <summary>Creates a report.</summary>
    public FeasibilityReport(bool isFeasible, IReadOnlyList<string> findings, IReadOnlyList<QuotaBound> conflict, IReadOnlyList<QuotaRelaxation> relaxation, bool relaxationSuffices)
    {
        IsFeasible = isFeasible;
        Findings = findings;
        Conflict = conflict;
        Relaxation = relaxation;
        RelaxationSuffices = relaxationSuffices;
    }

    /// <summary>A report for quotas that some panel meets.</summary>
    public static FeasibilityReport Feasible { get; } = new(true, [], [], [], true);

    /// <summary>Whether some panel meets every quota.</summary>
    public bool IsFeasible { get; }

    /// <summary>Plain reasons found by counting (e.g. minimums adding up to more than the panel size).</summary>
    public IReadOnlyList<string> Findings { get; }

    /// <summary>
    /// A set of quota bounds that cannot all hold together although any smaller part of it can (an irreducible
    /// infeasible subset): relaxing any one of them resolves this conflict, though another may remain. Empty when the
    /// quotas are feasible or when the pool itself is too small for the panel.
    /// </summary>
    public IReadOnlyList<QuotaBound> Conflict { get; }

    /// <summary>The quotas to change, with the fewest seats of change in total (relaxing within flexible bounds first).</summary>
    public IReadOnlyList<QuotaRelaxation> Relaxation { get; }

    /// <summary>False when no relaxation of quotas helps (the pool, or its households, are fewer than the panel size).</summary>
    public bool RelaxationSuffices { get; }
}
