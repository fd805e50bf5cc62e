using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Explanations;
using Cocreo.Budgeting.TieBreaking;

namespace Cocreo.Budgeting.Rules;

/// <summary>A participatory budgeting rule: from an election and its ballots to the selected projects, with the reasons.</summary>
public interface IBudgetingRule
{
    /// <summary>The rule's name as pabulib and the command line write it (e.g. <c>greedy</c>, <c>mes</c>).</summary>
    string Name { get; }

    /// <summary>Computes the outcome.</summary>
    /// <param name="instance">The projects and the budget.</param>
    /// <param name="profile">The ballots over the instance's projects.</param>
    /// <param name="options">Satisfaction, tie-breaking and rule-specific choices; the defaults when null.</param>
    Outcome Compute(Instance instance, Profile profile, RuleOptions? options = null);
}

/// <summary>The completions of the Method of Equal Shares: what to do with the money MES leaves unspent.</summary>
public enum EqualSharesCompletion
{
    /// <summary>Plain MES: leftover money stays unspent.</summary>
    None,

    /// <summary>
    /// Raise every voter's budget by one currency unit and recompute, until the outcome is exhaustive (nothing more
    /// fits) or the next outcome would exceed the budget, which then keeps the last one that fit (pabutools' add1).
    /// </summary>
    Add1,

    /// <summary>
    /// Raise every voter's budget by one currency unit while the next outcome still fits the budget, without stopping
    /// at an exhaustive outcome (what Wieliczka 2023 used); stops when every supported project is selected.
    /// </summary>
    Add1WithoutExhaustiveStop,

    /// <summary>Spend what MES leaves greedily: remaining projects in greedy order, skipping those that no longer fit.</summary>
    Utilitarian,

    /// <summary><see cref="Add1"/>, then <see cref="Utilitarian"/> for what is still left.</summary>
    Add1ThenUtilitarian,
}

/// <summary>Where add1 starts raising the per-voter budget.</summary>
public enum Add1Start
{
    /// <summary>At the exact equal share, budget ÷ voters (pabutools).</summary>
    EqualShare,

    /// <summary>At the equal share rounded down to a whole currency unit (equalshares.net's "integral" option; Wieliczka).</summary>
    WholeUnits,
}

/// <summary>The choices a rule takes besides the election; pabutools-like defaults.</summary>
public sealed record RuleOptions
{
    /// <summary>The defaults: cost satisfaction, ties to the smaller project id, no completion, no comparison.</summary>
    public static RuleOptions Default { get; } = new();

    /// <summary>How a voter's gain from a project is measured (default: cost).</summary>
    public SatisfactionMeasure Satisfaction { get; init; } = SatisfactionMeasure.Cost;

    /// <summary>How exact ties are decided (default: project id, as pabutools).</summary>
    public ITieBreaking TieBreaking { get; init; } = TieBreakings.ProjectId;

    /// <summary>Method of Equal Shares only: the completion (default: none).</summary>
    public EqualSharesCompletion Completion { get; init; } = EqualSharesCompletion.None;

    /// <summary>Method of Equal Shares only: where add1 starts (default: the exact equal share).</summary>
    public Add1Start Add1Start { get; init; } = Add1Start.EqualShare;

    /// <summary>
    /// Method of Equal Shares only: after the completion, switch to the greedy outcome when more voters prefer it
    /// (a voter prefers the outcome that funds more of the projects on their ballot; equalshares.net's comparison).
    /// </summary>
    public bool Comparison { get; init; }

    /// <summary>
    /// Greedy rules only: projects whose score (votes, points) is below this are not eligible. When null, META
    /// <c>min_project_score_threshold</c> is used if the instance has it.
    /// </summary>
    public long? ScoreThreshold { get; init; }

    /// <summary>
    /// <see cref="GreedyVariant.NoSkipWithReserve"/> only: the share of its cost that the money left must cover for the
    /// project the rule stopped at to be funded from reserve funds (default 0.8, Poznań's).
    /// </summary>
    public decimal ReserveShare { get; init; } = 0.8m;
}

/// <summary>What a rule selected, and why.</summary>
/// <param name="Selected">The selected projects, in the order the rule selected them.</param>
/// <param name="TotalCost">What they cost together.</param>
/// <param name="Explanation">The rule's reasons, as data to show people.</param>
public sealed record Outcome(IReadOnlyList<Project> Selected, decimal TotalCost, OutcomeExplanation Explanation)
{
    /// <summary>
    /// Projects funded from reserve funds outside the budget (<see cref="GreedyVariant.NoSkipWithReserve"/>); not in
    /// <see cref="Selected"/> nor <see cref="TotalCost"/>, which stay within the budget. Empty for every other rule.
    /// </summary>
    public IReadOnlyList<Project> FundedFromReserve { get; init; } = [];

    /// <summary>Whether a project was selected.</summary>
    public bool IsSelected(Project project) => Selected.Contains(project);
}
