using System.Text.Json.Serialization;

namespace Cocreo.Budgeting.Explanations;

/// <summary>
/// Why a rule selected what it selected, as plain data (project identifiers, exact amounts) that an application can
/// render for voters. Each rule has its own kind; serialise with System.Text.Json (the <c>kind</c> property tells which).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(GreedyExplanation), "greedy")]
[JsonDerivedType(typeof(EqualSharesExplanation), "equal-shares")]
[JsonDerivedType(typeof(PhragmenExplanation), "phragmen")]
[JsonDerivedType(typeof(MaximumWelfareExplanation), "maximum-welfare")]
public abstract record OutcomeExplanation;

/// <summary>A greedy rule's walk down the ranking.</summary>
/// <param name="ScoreThreshold">The minimum score a project needed, or null.</param>
/// <param name="Steps">Every project in ranking order and what happened to it.</param>
public sealed record GreedyExplanation(long? ScoreThreshold, IReadOnlyList<GreedyStep> Steps) : OutcomeExplanation;

/// <summary>One project on the greedy ranking.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Cost">Its cost.</param>
/// <param name="Score">Its votes (or points, or Borda points).</param>
/// <param name="BudgetLeft">The money left when its turn came.</param>
/// <param name="Decision">What happened to it.</param>
public sealed record GreedyStep(string ProjectId, decimal Cost, long Score, decimal BudgetLeft, GreedyDecision Decision);

/// <summary>What happened to a project on the greedy ranking.</summary>
public enum GreedyDecision
{
    /// <summary>Selected: it fitted in what was left.</summary>
    Selected,

    /// <summary>Skipped: it cost more than what was left.</summary>
    DoesNotFit,

    /// <summary>Not eligible: its score was below the threshold.</summary>
    BelowThreshold,

    /// <summary>Not considered: the rule stopped at an earlier project that did not fit (greedy-no-skip).</summary>
    AfterStop,

    /// <summary>
    /// The project the rule stopped at, funded from reserve funds outside the budget because what was left covered
    /// enough of its cost (Poznań's rule).
    /// </summary>
    FundedFromReserve,
}

/// <summary>The Method of Equal Shares, round by round.</summary>
/// <param name="PerVoterBudget">Each voter's budget in the final run (the equal share, or more after add1).</param>
/// <param name="Increments">How many times add1 raised the per-voter budget by one currency unit.</param>
/// <param name="FreeProjects">Supported projects that cost nothing, selected first.</param>
/// <param name="Rounds">Each project MES bought, in order.</param>
/// <param name="AddedByCompletion">Projects added by the utilitarian completion, in order.</param>
/// <param name="Comparison">The comparison with the greedy outcome, when it was asked for.</param>
public sealed record EqualSharesExplanation(
    Rational PerVoterBudget,
    int Increments,
    IReadOnlyList<string> FreeProjects,
    IReadOnlyList<EqualSharesRound> Rounds,
    IReadOnlyList<string> AddedByCompletion,
    GreedyComparison? Comparison) : OutcomeExplanation;

/// <summary>One purchase of the Method of Equal Shares.</summary>
/// <param name="ProjectId">The project bought.</param>
/// <param name="Cost">Its cost.</param>
/// <param name="EffectiveVoteCount">Its cost divided by the largest payment of a supporter: how many voters it would take paying that much; the highest wins the round.</param>
/// <param name="LargestPayment">The most any one supporter paid.</param>
/// <param name="Payments">What its supporters paid, gathered by amount (voters who could not pay the full share paid all they had left).</param>
/// <param name="RunnersUp">The other projects still in the running, and why each lost this round.</param>
public sealed record EqualSharesRound(
    string ProjectId,
    decimal Cost,
    Rational EffectiveVoteCount,
    Rational LargestPayment,
    IReadOnlyList<SupporterPayment> Payments,
    IReadOnlyList<RunnerUp> RunnersUp);

/// <summary>Supporters who paid the same amount for a project.</summary>
/// <param name="Amount">What each paid.</param>
/// <param name="Voters">How many paid it.</param>
/// <param name="PaidAllTheyHad">Whether this was all they had left (they could not afford an equal share).</param>
public sealed record SupporterPayment(Rational Amount, long Voters, bool PaidAllTheyHad);

/// <summary>A project that lost a round of the Method of Equal Shares.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Reason">Why it lost.</param>
/// <param name="EffectiveVoteCount">Its effective vote count this round (exact), or the bound it could not exceed.</param>
/// <param name="MoneyBehind">For a project its supporters can no longer afford: all the money they had left.</param>
public sealed record RunnerUp(string ProjectId, RunnerUpReason Reason, Rational? EffectiveVoteCount, Rational? MoneyBehind);

/// <summary>Why a project lost a round of the Method of Equal Shares.</summary>
public enum RunnerUpReason
{
    /// <summary>Its effective vote count was lower than the winner's.</summary>
    FewerEffectiveVotes,

    /// <summary>
    /// Its effective vote count was already lower than the winner's in an earlier round, and it can only fall as
    /// voters spend their money, so it was not recomputed (the count given is that earlier value, an upper bound).
    /// </summary>
    FewerEffectiveVotesAtMost,

    /// <summary>It tied with the winner and lost the tie-break.</summary>
    LostTieBreak,

    /// <summary>Its supporters together no longer have enough money to pay for it; it is out for good.</summary>
    CannotAfford,
}

/// <summary>The comparison step: would more voters prefer the greedy outcome?</summary>
/// <param name="PreferEqualShares">Voters whose ballot has more projects funded by the Method of Equal Shares.</param>
/// <param name="PreferGreedy">Voters whose ballot has more projects funded by greedy.</param>
/// <param name="SwitchedToGreedy">Whether the greedy outcome was taken (more voters preferred it).</param>
/// <param name="GreedySelection">The greedy outcome it was compared with.</param>
public sealed record GreedyComparison(long PreferEqualShares, long PreferGreedy, bool SwitchedToGreedy, IReadOnlyList<string> GreedySelection);

/// <summary>Sequential Phragmén, purchase by purchase.</summary>
/// <param name="Rounds">Each project bought.</param>
/// <param name="StoppedAt">The project whose purchase would have exceeded the budget, where the rule stopped; null if it ran out of projects.</param>
public sealed record PhragmenExplanation(IReadOnlyList<PhragmenRound> Rounds, string? StoppedAt) : OutcomeExplanation;

/// <summary>One purchase of sequential Phragmén.</summary>
/// <param name="ProjectId">The project bought.</param>
/// <param name="Cost">Its cost.</param>
/// <param name="Supporters">Its supporters, who now all carry the same load.</param>
/// <param name="MaximumLoad">The load (money per supporter) its supporters carry after buying it; the lowest wins the round.</param>
public sealed record PhragmenRound(string ProjectId, decimal Cost, long Supporters, Rational MaximumLoad);

/// <summary>Maximum utilitarian welfare.</summary>
/// <param name="TotalSatisfaction">The largest total satisfaction any affordable set of projects reaches (in the satisfaction's units; cost satisfaction in currency).</param>
/// <param name="TiedOptima">Whether other sets reach the same total (the tie-breaking order then chose among them).</param>
public sealed record MaximumWelfareExplanation(Rational TotalSatisfaction, bool TiedOptima) : OutcomeExplanation;
