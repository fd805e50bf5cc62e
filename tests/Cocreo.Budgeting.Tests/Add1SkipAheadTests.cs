using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Explanations;
using Cocreo.Budgeting.Rules;
using Cocreo.Budgeting.TieBreaking;

namespace Cocreo.Budgeting.Tests;

/// <summary>
/// add1 steps over budgets where MES is certified to keep its outcome; it must end exactly where plain one-unit
/// stepping ends (same per-voter budget, same number of increments, same projects).
/// </summary>
public class Add1SkipAheadTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 200));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Add1_with_skipping_ends_where_one_unit_steps_end(int seed)
    {
        // Every other election with money ×100, so that the equal share is hundreds of units and skips are long.
        var (instance, profile) = Scaled(Elections.Random(seed), seed % 2 == 0 ? 100 : 1);
        foreach (var completion in new[] { EqualSharesCompletion.Add1, EqualSharesCompletion.Add1WithoutExhaustiveStop })
        {
            foreach (var measure in new[] { SatisfactionMeasure.Cost, SatisfactionMeasure.Cardinality })
            {
                var options = RuleOptions.Default with { Completion = completion, Satisfaction = measure, Add1Start = seed % 3 == 0 ? Add1Start.WholeUnits : Add1Start.EqualShare };

                var outcome = new EqualSharesRule().Compute(instance, profile, options);
                var (perVoterBudget, increments, selected) = OneUnitSteps(instance, profile, options);

                var explanation = (EqualSharesExplanation)outcome.Explanation;
                Assert.Equal(perVoterBudget, explanation.PerVoterBudget);
                Assert.Equal(increments, explanation.Increments);
                Assert.Equal(selected, outcome.Selected.Select(p => p.Id));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_certified_range_of_budgets_has_the_same_outcome_at_every_unit(int seed)
    {
        var (instance, profile) = Scaled(Elections.Random(seed), 100);
        var counted = new MultiProfile(instance, profile, TieBreakings.ProjectId);
        var run = new EqualSharesRun(counted, SatisfactionMeasure.Cost);
        var unit = counted.VoterCount * counted.MoneyScale;
        var random = new Random(seed);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var from = run.EqualShare + random.Next(0, 200) * unit;
            var length = random.Next(1, 60);
            var selected = run.Run(from, explain: false).Selected;

            if (run.SelectsThroughout(from, from + length * unit, selected))
            {
                for (var step = 1; step <= length; step++)
                {
                    Assert.Equal(selected.Order(), run.Run(from + step * unit, explain: false).Selected.Order());
                }
            }
        }
    }

    [Fact]
    public void Certificates_reuse_their_histories_also_when_they_fail_half_way()
    {
        var election = ElectionFiles.Read("Poland_Lodz_2022.pb");
        var counted = new MultiProfile(election.Instance, election.Profile, TieBreakings.ProjectId);
        var run = new EqualSharesRun(counted, SatisfactionMeasure.Cost);
        var unit = counted.VoterCount * counted.MoneyScale;
        var failed = 0;
        // One starting budget, so one outcome to certify: the histories' size stays the same throughout.
        var from = run.EqualShare + 30 * unit;
        var selected = run.Run(from, explain: false).Selected;

        for (long length = 1; length <= 1 << 16; length = length * 3 / 2 + 1)
        {
            failed += run.SelectsThroughout(from, from + length * unit, selected) ? 0 : 1;
        }

        Assert.True(failed > 0, "some ranges are too long to certify");
        // At most a round's histories and the next round's (one more than allowed before giving up) exist at once: a
        // history is four numbers per money class, so one left behind at each failure was megabytes of garbage.
        Assert.InRange(run.HistoriesMade, 1, 2 * EqualSharesRun.MostHistories + 1);
    }

    [Fact]
    public void Most_short_ranges_of_generated_elections_are_certified()
    {
        // Without this the tests above would pass with a certificate that never holds (and never skips).
        var certified = 0;
        for (var seed = 1; seed <= 100; seed++)
        {
            var (instance, profile) = Scaled(Elections.Random(seed), 100);
            var counted = new MultiProfile(instance, profile, TieBreakings.ProjectId);
            var run = new EqualSharesRun(counted, SatisfactionMeasure.Cost);
            var selected = run.Run(run.EqualShare, explain: false).Selected;
            certified += run.SelectsThroughout(run.EqualShare, run.EqualShare + counted.VoterCount * counted.MoneyScale, selected) ? 1 : 0;
        }

        Assert.True(certified >= 50, $"{certified} of 100 certified");
    }

    // add1 as defined: raise by one unit, run MES, stop at the first outcome that is exhaustive (Add1 only), selects
    // everything, or exceeds the budget (then keep the one before).
    private static (Rational PerVoterBudget, int Increments, IEnumerable<string> Selected) OneUnitSteps(Instance instance, Profile profile, RuleOptions options)
    {
        var counted = new MultiProfile(instance, profile, options.TieBreaking);
        var run = new EqualSharesRun(counted, options.Satisfaction);
        var unit = counted.VoterCount * counted.MoneyScale;
        var share = options.Add1Start == Add1Start.WholeUnits ? counted.Budget / unit * unit : run.EqualShare;
        var increments = 0;
        var previous = run.Run(share, explain: false).Selected;
        if (counted.CostOf(previous) <= counted.Budget)
        {
            while (true)
            {
                var exhaustive = !run.Candidates.Any(p => !previous.Contains(p) && counted.Cost[p] <= counted.Budget - counted.CostOf(previous));
                if (previous.Count == run.FreeProjects.Count + run.Candidates.Count
                    || (options.Completion == EqualSharesCompletion.Add1 && exhaustive))
                {
                    break;
                }
                var next = run.Run(share + unit, explain: false).Selected;
                if (counted.CostOf(next) > counted.Budget)
                {
                    break;
                }
                share += unit;
                increments++;
                previous = next;
            }
        }
        var final = run.Run(share, explain: true).Selected;
        return (run.ToCurrency(share), increments, final.Select(p => instance.Projects[p].Id));
    }

    private static (Instance, Profile) Scaled((Instance Instance, Profile Profile) election, decimal factor)
    {
        var instance = new Instance(election.Instance.Budget * factor, election.Instance.Projects.Select(p => new Project(p.Id, p.Cost * factor)));
        var ballots = election.Profile.Ballots.Select(b => new Ballot(b.VoterId, b.Projects.Select(p => instance[p.Id]).ToArray(), b.Points));
        return (instance, new Profile(election.Profile.VoteType, ballots));
    }
}
