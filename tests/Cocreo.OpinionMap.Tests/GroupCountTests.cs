namespace Cocreo.OpinionMap.Tests;

public class GroupCountTests
{
    [Fact]
    public void A_new_best_number_of_groups_is_shown_only_after_winning_four_updates_in_a_row()
    {
        var conversation = Votes.TwoCamps(perCamp: 20, statements: 12);
        var first = OpinionMapper.Compute(conversation);
        var best = first.GroupCountSelection.BestCount;
        var other = best == 2 ? 3 : 2;
        var state = first.State with { GroupCount = new GroupCountHistory(other, 9, other) };

        var shown = new List<int>();
        for (var update = 0; update < 5; update++)
        {
            var map = OpinionMapper.Compute(conversation, null, state);
            shown.Add(map.GroupCountSelection.ChosenCount);
            state = map.State;
        }

        Assert.Equal([other, other, other, best, best], shown);
    }

    [Fact]
    public void Without_history_the_best_number_is_shown_at_once()
    {
        var map = OpinionMapper.Compute(Votes.TwoCamps(perCamp: 20, statements: 12));

        Assert.Equal(map.GroupCountSelection.BestCount, map.GroupCountSelection.ChosenCount);
        Assert.Equal(map.GroupCountSelection.Silhouettes.MaxBy(s => s.Value).Key, map.GroupCountSelection.BestCount);
        Assert.Equal(map.GroupCountSelection.ChosenCount, map.Groups.Count);
    }

    [Fact]
    public void Two_camps_make_two_groups()
    {
        var map = OpinionMapper.Compute(Votes.TwoCamps(perCamp: 20, statements: 12));

        Assert.Equal(2, map.Groups.Count);
        Assert.All(map.Groups, g => Assert.Single(g.Members.Select(p => p % 2).Distinct()));
    }

    [Fact]
    public void A_facilitator_can_fix_the_number_of_groups()
    {
        var map = OpinionMapper.Compute(Votes.TwoCamps(perCamp: 20, statements: 12), new OpinionMapOptions { GroupCount = 3 });

        Assert.Equal(3, map.Groups.Count);
        Assert.True(map.GroupCountSelection.WasForced);
    }

    [Fact]
    public void Few_base_clusters_allow_only_two_groups()
    {
        // 2 + (#base clusters / 12): eleven participants in the conversation allow two groups only.
        var map = OpinionMapper.Compute(Votes.TwoCamps(perCamp: 6, statements: 8), new OpinionMapOptions { GreedyParticipantCount = 0 });

        Assert.Equal([2], map.GroupCountSelection.Silhouettes.Keys);
    }
}
