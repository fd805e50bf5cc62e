using Cocreo.OpinionMap.Statistics;

namespace Cocreo.OpinionMap.Tests;

public class StatisticsTests
{
    [Theory]
    [InlineData(6, 6, 2.6457513110645907)]   // a group of six who all agree (below-100 fixture, tid 13)
    [InlineData(0, 0, 1.0)]                  // nobody voted: the +1s make it look like one success in one trial
    [InlineData(3, 10, -0.90453403373329)]   // a minority: negative
    public void The_proportion_test_adds_one_to_successes_and_trials(int successes, int trials, double z)
    {
        Assert.Equal(z, ProportionTests.Proportion(successes, trials), 12);
    }

    [Fact]
    public void The_two_proportion_test_is_zero_when_everyone_on_both_sides_succeeded()
    {
        Assert.Equal(0, ProportionTests.TwoProportions(4, 9, 4, 9));
    }

    [Fact]
    public void The_two_proportion_test_is_positive_when_the_group_agrees_more_than_the_rest()
    {
        Assert.True(ProportionTests.TwoProportions(9, 1, 10, 10) > 1.2816);
        Assert.True(ProportionTests.TwoProportions(1, 9, 10, 10) < 0);
    }

    [Fact]
    public void Representativeness_is_the_ratio_of_smoothed_probabilities()
    {
        // (1 + 6)/(2 + 6) over (1 + 0)/(2 + 5)
        Assert.Equal(7.0 / 8 / (1.0 / 7), ProportionTests.RatioOfSmoothed(6, 6, 0, 5), 12);
    }

    [Fact]
    public void Group_aware_consensus_multiplies_each_groups_smoothed_agreement()
    {
        var map = OpinionMapper.Compute(Votes.TwoCamps(perCamp: 20, statements: 12));

        var statement = map.Statement(0)!;
        var expected = map.Groups.Aggregate(1.0, (product, g) => product * ((g.Votes[0].Agree + 1.0) / (g.Votes[0].Seen + 2.0)));
        Assert.Equal(expected, statement.GroupAwareConsensus, 15);
        Assert.Equal(statement.GroupAwareConsensus, map.Statements.Max(s => s.GroupAwareConsensus));
    }

    [Fact]
    public void What_both_camps_agree_on_is_consensus_and_what_splits_them_is_representative()
    {
        var map = OpinionMapper.Compute(Votes.TwoCamps(perCamp: 20, statements: 12));

        Assert.Contains(0, map.Consensus.Agree.Select(s => s.StatementId));
        Assert.DoesNotContain(0, map.Groups.SelectMany(g => g.RepresentativeStatements).Select(s => s.StatementId));
        Assert.All(map.Groups, g =>
        {
            Assert.InRange(g.RepresentativeStatements.Count, 1, 5);
            Assert.True(g.RepresentativeStatements[0].IsBestAgree);
            Assert.Equal(Side.Agree, g.RepresentativeStatements[0].RepresentativeFor);
            // Agrees come before disagrees.
            Assert.Equal(g.RepresentativeStatements.OrderBy(s => s.RepresentativeFor), g.RepresentativeStatements);
        });
    }

    [Fact]
    public void The_representativeness_test_is_kept_as_a_float_as_Polis_keeps_it()
    {
        // Polis stores repness-test with (float …) and compares and sorts with that rounded value.
        var map = OpinionMapper.Compute(Votes.TwoCamps(perCamp: 20, statements: 12));

        Assert.All(map.Groups.SelectMany(g => g.RepresentativeStatements),
            s => Assert.Equal((double)(float)s.RepresentativenessTest, s.RepresentativenessTest));
        Assert.Contains(map.Groups.SelectMany(g => g.RepresentativeStatements), s => s.RepresentativenessTest != Math.Round(s.RepresentativenessTest, 12));
    }

    [Fact]
    public void A_group_without_significant_statements_still_gets_its_best_one()
    {
        // Everyone agrees with one statement and passes on the others: nothing is significant and nothing is agreed
        // on by most of a group, yet each group shows its best statement.
        var rows = Enumerable.Range(0, 24).Select(p => new string([.. Enumerable.Range(0, 6).Select(s => s == p % 6 ? 'a' : 'p')])).ToArray();

        var map = OpinionMapper.Compute(Votes.Rows(rows), new OpinionMapOptions { GroupCount = 2 });

        Assert.All(map.Groups, g => Assert.Single(g.RepresentativeStatements));
    }

    [Fact]
    public void Statements_moderated_out_are_neither_representative_nor_consensus_but_their_votes_still_count()
    {
        var rejected = new Statement(0, "rejected") { Moderation = Moderation.Rejected };
        var meta = new Statement(1, "Do you live in town?") { IsMeta = true, Moderation = Moderation.Accepted };
        var conversation = Votes.TwoCamps(perCamp: 20, statements: 12);
        conversation.AddOrUpdate(rejected);
        conversation.AddOrUpdate(meta);

        var map = OpinionMapper.Compute(conversation);

        var selected = map.Consensus.Agree.Concat(map.Consensus.Disagree).Select(s => s.StatementId)
            .Concat(map.Groups.SelectMany(g => g.RepresentativeStatements).Select(s => s.StatementId));
        Assert.DoesNotContain(0, selected);
        Assert.DoesNotContain(1, selected);
        Assert.Equal(0, map.Components.Center[0]);
        Assert.Equal(0, map.Components.First[0]);
        Assert.Equal(0, map.Statement(0)!.Extremity);
        Assert.True(map.Statement(0)!.Votes.Agree > 0);
        Assert.Equal(49, map.Statement(1)!.Priority);
    }

    [Fact]
    public void New_statements_with_few_votes_are_prioritised()
    {
        var rows = Enumerable.Range(0, 30).Select(p => p < 2 ? "adpadpa" : "adpadp.").ToArray();

        var map = OpinionMapper.Compute(Votes.Rows(rows));

        Assert.Equal(6, map.Statements.MaxBy(s => s.Priority)!.StatementId);
    }
}
