using Cocreo.Budgeting.Explanations;
using Cocreo.Budgeting.Rules;
using Cocreo.Budgeting.TieBreaking;

namespace Cocreo.Budgeting.Tests;

public class RuleBehaviourTests
{
    // Four voters with 25 each. A (60) and C (30) are both backed by v1-v3, who would pay 20 for A or 10 for C: both
    // have an effective vote count of 3, an exact tie. B (40) is backed by v4 alone, who has only 25.
    private static readonly (Election.Instance Instance, Election.Profile Profile) Tied = Elections.Approval(
        100, [("A", 60), ("B", 40), ("C", 30)], ["A", "C"], ["A", "C"], ["A", "C"], ["B"]);

    [Fact]
    public void An_exact_tie_in_equal_shares_goes_to_the_smaller_project_id_by_default()
    {
        var outcome = new EqualSharesRule().Compute(Tied.Instance, Tied.Profile);

        Assert.Equal(["A"], outcome.Selected.Select(p => p.Id));
    }

    [Fact]
    public void The_same_tie_goes_to_the_cheaper_project_with_cost_then_votes_and_to_the_listed_one_with_an_explicit_order()
    {
        var byCost = new EqualSharesRule().Compute(Tied.Instance, Tied.Profile, RuleOptions.Default with { TieBreaking = TieBreakings.CostThenVotes });
        var byOrder = new EqualSharesRule().Compute(Tied.Instance, Tied.Profile, RuleOptions.Default with { TieBreaking = TieBreakings.Explicit(["C", "A"]) });

        Assert.Equal(["C"], byCost.Selected.Select(p => p.Id));
        Assert.Equal(["C"], byOrder.Selected.Select(p => p.Id));
    }

    [Fact]
    public void An_equal_shares_round_explains_the_payments_the_effective_votes_and_why_the_others_lost()
    {
        var outcome = new EqualSharesRule().Compute(Tied.Instance, Tied.Profile);

        var explanation = Assert.IsType<EqualSharesExplanation>(outcome.Explanation);
        Assert.Equal(Rational.FromInteger(25), explanation.PerVoterBudget);
        var round = Assert.Single(explanation.Rounds);
        Assert.Equal("A", round.ProjectId);
        Assert.Equal(Rational.FromInteger(3), round.EffectiveVoteCount);
        Assert.Equal(Rational.FromInteger(20), round.LargestPayment);
        Assert.Equal([new SupporterPayment(20, 3, false)], round.Payments);
        Assert.Contains(new RunnerUp("C", RunnerUpReason.LostTieBreak, Rational.FromInteger(3), null), round.RunnersUp);
        // B's first effective vote count (1) was already below 3, and it can only fall, so it is given as a bound.
        Assert.Contains(new RunnerUp("B", RunnerUpReason.FewerEffectiveVotesAtMost, Rational.FromInteger(1), null), round.RunnersUp);
    }

    [Fact]
    public void A_supporter_who_cannot_pay_an_equal_share_pays_all_they_have_and_the_others_cover_the_rest()
    {
        // Four voters with 20 each (cardinality: the smallest payment wins). D (10) costs its two backers 5 each, P (50)
        // its three backers 16.67 each, so D comes first; then v3 has 15 left, pays it all for P, and v1, v2 pay 17.5.
        var (instance, profile) = Elections.Approval(80, [("D", 10), ("P", 50)], ["P"], ["P"], ["D", "P"], ["D"]);

        var outcome = new EqualSharesRule().Compute(instance, profile, RuleOptions.Default with { Satisfaction = SatisfactionMeasure.Cardinality });

        var rounds = ((EqualSharesExplanation)outcome.Explanation).Rounds;
        Assert.Equal(["D", "P"], rounds.Select(r => r.ProjectId));
        Assert.Equal([new SupporterPayment(Rational.Create(35, 2), 2, false), new SupporterPayment(15, 1, true)], rounds[1].Payments);
    }

    [Fact]
    public void Greedy_explains_each_skipped_project()
    {
        var (instance, profile) = Elections.Approval(100, [("A", 70), ("B", 40), ("C", 30)], ["A", "B"], ["A", "B"], ["A", "C"]);

        var skipping = (GreedyExplanation)new GreedyRule().Compute(instance, profile).Explanation;
        var stopping = (GreedyExplanation)new GreedyRule(GreedyVariant.NoSkip).Compute(instance, profile).Explanation;
        var threshold = (GreedyExplanation)new GreedyRule(GreedyVariant.Threshold).Compute(instance, profile, RuleOptions.Default with { ScoreThreshold = 2 }).Explanation;

        Assert.Equal([GreedyDecision.Selected, GreedyDecision.DoesNotFit, GreedyDecision.Selected], skipping.Steps.Select(s => s.Decision));
        Assert.Equal(30m, skipping.Steps[1].BudgetLeft);
        Assert.Equal([GreedyDecision.Selected, GreedyDecision.DoesNotFit, GreedyDecision.AfterStop], stopping.Steps.Select(s => s.Decision));
        Assert.Equal([GreedyDecision.Selected, GreedyDecision.DoesNotFit, GreedyDecision.BelowThreshold], threshold.Steps.Select(s => s.Decision));
    }

    [Theory]
    [InlineData(44, true)] // 56 left: 80% of B's 70 exactly, so B, where the rule stops, is funded from the reserve
    [InlineData(45, false)] // 55 left: short of 56
    public void Poznans_rule_funds_the_project_it_stops_at_from_reserves_when_what_is_left_covers_80_percent(int firstCost, bool funded)
    {
        var (instance, profile) = Elections.Approval(100, [("A", firstCost), ("B", 70), ("C", 10)], ["A", "B"], ["A", "B"], ["A", "C"]);

        var outcome = new GreedyRule(GreedyVariant.NoSkipWithReserve).Compute(instance, profile);

        Assert.Equal(["A"], outcome.Selected.Select(p => p.Id));
        Assert.Equal(funded ? ["B"] : [], outcome.FundedFromReserve.Select(p => p.Id));
        Assert.Equal(firstCost, outcome.TotalCost);
        var steps = ((GreedyExplanation)outcome.Explanation).Steps;
        Assert.Equal([GreedyDecision.Selected, funded ? GreedyDecision.FundedFromReserve : GreedyDecision.DoesNotFit, GreedyDecision.AfterStop], steps.Select(s => s.Decision));
    }

    [Fact]
    public void The_reserve_share_is_an_option()
    {
        var (instance, profile) = Elections.Approval(100, [("A", 60), ("B", 70)], ["A", "B"], ["A", "B"], ["A"]);

        var strict = new GreedyRule(GreedyVariant.NoSkipWithReserve).Compute(instance, profile);
        var generous = new GreedyRule(GreedyVariant.NoSkipWithReserve).Compute(instance, profile, RuleOptions.Default with { ReserveShare = 0.5m });

        Assert.Empty(strict.FundedFromReserve);
        Assert.Equal(["B"], generous.FundedFromReserve.Select(p => p.Id));
    }

    [Fact]
    public void Greedy_threshold_without_a_threshold_is_refused()
    {
        var (instance, profile) = Elections.Approval(100, [("A", 70)], ["A"]);

        Assert.Throws<ArgumentException>(() => new GreedyRule(GreedyVariant.Threshold).Compute(instance, profile));
    }

    [Fact]
    public void Maximum_welfare_finds_the_better_pair_that_greedy_misses()
    {
        var (instance, profile) = Elections.Approval(10, [("A", 6), ("B", 5), ("C", 5)],
            ["A"], ["A"], ["A"], ["A"], ["A"], ["B"], ["B"], ["B"], ["B"], ["C"], ["C"], ["C"], ["C"]);

        Assert.Equal(["A"], new GreedyRule().Compute(instance, profile).Selected.Select(p => p.Id));
        var best = new MaximumWelfareRule().Compute(instance, profile);
        Assert.Equal(["B", "C"], best.Selected.Select(p => p.Id));
        Assert.Equal(Rational.FromInteger(40), ((MaximumWelfareExplanation)best.Explanation).TotalSatisfaction);
    }

    [Fact]
    public void Sequential_phragmen_buys_in_order_of_the_lowest_load_and_stops_at_the_first_project_that_does_not_fit()
    {
        // A: 2 supporters, load 30/2 = 15. B: 1 supporter, 10. C: 3 supporters, 45/3 = 15 ties A: id wins.
        var (instance, profile) = Elections.Approval(70, [("A", 30), ("B", 10), ("C", 45), ("D", 1)], ["A", "C"], ["A", "C"], ["B", "C"]);

        var outcome = new SequentialPhragmenRule().Compute(instance, profile);

        var explanation = (PhragmenExplanation)outcome.Explanation;
        Assert.Equal(["B", "A"], outcome.Selected.Select(p => p.Id));
        Assert.Equal("C", explanation.StoppedAt);
        Assert.Equal([Rational.FromInteger(10), Rational.FromInteger(15)], explanation.Rounds.Select(r => r.MaximumLoad));
    }

    [Fact]
    public void Add1_raises_the_per_voter_budget_until_the_outcome_is_exhaustive()
    {
        // Plain MES buys nothing: each project's backers hold 20 but it costs 30. Raising each voter's budget to 30
        // lets both be bought for 60 of the 100.
        var (instance, profile) = Elections.Approval(100, [("A", 30), ("B", 30)], ["A"], ["B"], [], [], []);

        var plain = new EqualSharesRule().Compute(instance, profile);
        var add1 = new EqualSharesRule().Compute(instance, profile, RuleOptions.Default with { Completion = EqualSharesCompletion.Add1 });

        Assert.Empty(plain.Selected);
        Assert.Equal(["A", "B"], add1.Selected.Select(p => p.Id));
        var explanation = (EqualSharesExplanation)add1.Explanation;
        Assert.Equal(Rational.FromInteger(30), explanation.PerVoterBudget);
        Assert.Equal(10, explanation.Increments);
    }

    [Fact]
    public void The_utilitarian_completion_spends_what_equal_shares_leaves_and_says_what_it_added()
    {
        var (instance, profile) = Elections.Approval(100, [("A", 30), ("B", 30)], ["A"], ["B"], [], [], []);

        var outcome = new EqualSharesRule().Compute(instance, profile, RuleOptions.Default with { Completion = EqualSharesCompletion.Utilitarian });

        Assert.Equal(["A", "B"], ((EqualSharesExplanation)outcome.Explanation).AddedByCompletion);
    }

    [Fact]
    public void The_comparison_switches_to_greedy_when_more_voters_prefer_it()
    {
        // Ten voters with 10 each. Six back M1 (60) and M2 (40), four back m (40). Equal shares gives the six M1 and the
        // four m; greedy gives M1 and M2, which the six prefer: 6 > 4, so the greedy outcome is taken.
        string[] majority = ["M1", "M2"], minority = ["m"];
        var (instance, profile) = Elections.Approval(100, [("M1", 60), ("M2", 40), ("m", 40)],
            majority, majority, majority, majority, majority, majority, minority, minority, minority, minority);

        var withoutComparison = new EqualSharesRule().Compute(instance, profile);
        var withComparison = new EqualSharesRule().Compute(instance, profile, RuleOptions.Default with { Comparison = true });

        Assert.Equal(["M1", "m"], withoutComparison.Selected.Select(p => p.Id));
        Assert.Equal(["M1", "M2"], withComparison.Selected.Select(p => p.Id));
        var comparison = ((EqualSharesExplanation)withComparison.Explanation).Comparison!;
        Assert.True(comparison.SwitchedToGreedy);
        Assert.Equal((4, 6), (comparison.PreferEqualShares, comparison.PreferGreedy));
    }
}
