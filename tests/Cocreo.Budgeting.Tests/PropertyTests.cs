using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Explanations;
using Cocreo.Budgeting.Rules;
using Cocreo.Budgeting.TieBreaking;

namespace Cocreo.Budgeting.Tests;

/// <summary>Properties every outcome must have, on a few hundred generated elections (fixed seeds, so failures reproduce).</summary>
public class PropertyTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 300));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Equal_shares_agrees_with_a_plain_voter_by_voter_implementation_and_no_voter_pays_more_than_their_share(int seed)
    {
        var (instance, profile) = Elections.Random(seed);
        foreach (var measure in new[] { SatisfactionMeasure.Cost, SatisfactionMeasure.Cardinality, SatisfactionMeasure.Points })
        {
            var outcome = new EqualSharesRule().Compute(instance, profile, RuleOptions.Default with { Satisfaction = measure });
            var (expected, spent) = NaiveEqualShares.Compute(instance, profile, measure, (a, b) => string.CompareOrdinal(a.Id, b.Id));

            Assert.Equal(expected.Select(p => p.Id), outcome.Selected.Select(p => p.Id));
            Assert.True(outcome.TotalCost <= instance.Budget);
            var share = Rational.FromDecimal(instance.Budget) / profile.VoterCount;
            Assert.All(spent, amount => Assert.True(amount <= share));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_fast_path_of_equal_shares_used_by_add1_chooses_exactly_what_the_exact_path_chooses(int seed)
    {
        var (instance, profile) = Elections.Random(seed);
        foreach (var measure in new[] { SatisfactionMeasure.Cost, SatisfactionMeasure.Cardinality, SatisfactionMeasure.Points })
        {
            var counted = new MultiProfile(instance, profile, TieBreakings.ProjectId);
            var run = new EqualSharesRun(counted, measure);
            for (var raise = 0; raise <= 40; raise += 5)
            {
                var perVoter = run.EqualShare + raise * counted.VoterCount * counted.MoneyScale;

                var fast = run.Run(perVoter, explain: false).Selected;
                var exact = run.Run(perVoter, explain: true).Selected;

                Assert.Equal(exact, fast);
            }
        }
    }

    [Theory]
    [InlineData("Poland_Wieliczka_2023_Green_Budget.pb")]
    [InlineData("Poland_Warszawa_2017_rejon_A.pb")]
    [InlineData("Hungary_Budapest_2024.pb")]
    public void On_real_elections_the_fast_path_chooses_what_the_exact_path_chooses(string file)
    {
        var election = ElectionFiles.Read(file);
        var counted = new MultiProfile(election.Instance, election.Profile, TieBreakings.ProjectId);
        var run = new EqualSharesRun(counted, SatisfactionMeasure.Cost);
        foreach (var raise in new[] { 0, 7, 50, 150 })
        {
            var perVoter = run.EqualShare + raise * counted.VoterCount * counted.MoneyScale;

            Assert.Equal(run.Run(perVoter, explain: true).Selected, run.Run(perVoter, explain: false).Selected);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void In_every_equal_shares_round_the_supporters_pay_exactly_the_cost_and_no_more_than_the_largest_payment(int seed)
    {
        var (instance, profile) = Elections.Random(seed);

        var outcome = new EqualSharesRule().Compute(instance, profile);

        foreach (var round in ((EqualSharesExplanation)outcome.Explanation).Rounds)
        {
            var total = round.Payments.Aggregate(Rational.Zero, (sum, payment) => sum + payment.Amount * payment.Voters);
            Assert.Equal(Rational.FromDecimal(round.Cost), total);
            Assert.All(round.Payments, payment => Assert.True(payment.Amount <= round.LargestPayment));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_rule_and_completion_fits_the_budget(int seed)
    {
        var (instance, profile) = Elections.Random(seed);
        var options = RuleOptions.Default with { TieBreaking = seed % 2 == 0 ? TieBreakings.ProjectId : TieBreakings.CostThenVotes };
        var outcomes = new List<Outcome>
        {
            new GreedyRule().Compute(instance, profile, options),
            new GreedyRule(GreedyVariant.NoSkip).Compute(instance, profile, options),
            new GreedyRule(GreedyVariant.NoSkipWithReserve).Compute(instance, profile, options),
            new SequentialPhragmenRule().Compute(instance, profile, options),
            new MaximumWelfareRule().Compute(instance, profile, options),
        };
        foreach (var completion in Enum.GetValues<EqualSharesCompletion>())
        {
            foreach (var start in Enum.GetValues<Add1Start>())
            {
                outcomes.Add(new EqualSharesRule().Compute(instance, profile, options with { Completion = completion, Add1Start = start, Comparison = seed % 3 == 0 }));
            }
        }

        Assert.All(outcomes, outcome =>
        {
            Assert.True(outcome.TotalCost <= instance.Budget, $"{outcome.TotalCost} > {instance.Budget}");
            Assert.Equal(outcome.Selected.Count, outcome.Selected.Distinct().Count());
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Maximum_welfare_is_at_least_the_welfare_of_greedy(int seed)
    {
        var (instance, profile) = Elections.Random(seed);
        // Cost satisfaction: the cost of each selected project on the ballot, times the points given to it if any.
        decimal Welfare(Outcome outcome) => profile.Ballots.Sum(ballot =>
            ballot.Projects.Select((p, i) => outcome.IsSelected(p) ? p.Cost * (ballot.Points?[i] ?? 1) : 0m).Sum());

        var best = new MaximumWelfareRule().Compute(instance, profile);
        var greedy = new GreedyRule().Compute(instance, profile);

        Assert.True(Welfare(best) >= Welfare(greedy));
        Assert.Equal(((MaximumWelfareExplanation)best.Explanation).TotalSatisfaction, Rational.FromDecimal(Welfare(best)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Writing_then_reading_a_generated_election_gives_the_same_election(int seed)
    {
        var (instance, profile) = Elections.Random(seed);
        var original = new Pabulib.PabulibElection(
            new Instance(instance.Budget, instance.Projects.Select(p => new Project(p.Id, p.Cost)), [KeyValuePair.Create("vote_type", profile.VoteType.ToPabulibName()), KeyValuePair.Create("description", $"odd ; \"text\"\nseed {seed} ")]),
            profile,
            []);
        var withVoteType = new Pabulib.PabulibElection(original.Instance, new Profile(profile.VoteType, profile.Ballots.Select(b => new Ballot(b.VoterId, b.Projects.Select(p => original.Instance[p.Id]).ToArray(), b.Points))), []);

        var reread = PabulibWriterTests.RoundTrip(withVoteType.Instance, withVoteType.Profile);

        ElectionAssert.Same(withVoteType, reread);
    }
}
