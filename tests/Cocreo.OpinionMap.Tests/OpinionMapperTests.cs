using Cocreo.OpinionMap.Polis;

namespace Cocreo.OpinionMap.Tests;

public class OpinionMapperTests
{
    [Fact]
    public void The_same_votes_and_seed_give_the_same_map_whatever_the_number_of_threads()
    {
        var conversation = Votes.TwoCamps(perCamp: 200, statements: 40, seed: 3);

        var first = Json(OpinionMapper.Compute(conversation, new OpinionMapOptions { Seed = 5 }));
        var again = Json(OpinionMapper.Compute(conversation, new OpinionMapOptions { Seed = 5 }));
        var oneThread = Json(OpinionMapper.Compute(conversation, new OpinionMapOptions { Seed = 5, MaxDegreeOfParallelism = 1 }));

        Assert.Equal(first, again);
        Assert.Equal(first, oneThread);
    }

    [Fact]
    public void An_update_after_new_votes_starts_from_the_previous_map()
    {
        var conversation = Votes.TwoCamps(perCamp: 100, statements: 30, seed: 4);
        var before = OpinionMapper.Compute(conversation, new OpinionMapOptions { Seed = 1 });
        var time = conversation.LastVoteTime;
        conversation.Add(Enumerable.Range(0, 30).Select(s => new Vote(1000, s, s % 2 == 0 ? VoteChoice.Agree : VoteChoice.Disagree, time.AddSeconds(s + 1))));

        var after = OpinionMapper.Compute(conversation, new OpinionMapOptions { Seed = 2 }, before.State);

        // The components keep their direction (no flip), the groups keep their ids and members, the newcomer joins one.
        Assert.True(Cosine(before.Components.First, after.Components.First) > 0.99);
        Assert.Equal(before.Groups.Select(g => g.Id), after.Groups.Select(g => g.Id));
        Assert.All(before.Groups, g => Assert.Subset(after.Groups.Single(a => a.Id == g.Id).Members.ToHashSet(), g.Members.ToHashSet()));
        Assert.NotNull(after.Participant(1000)!.GroupId);
        Assert.True(after.Components.Iterations < before.Components.Iterations);
    }

    [Fact]
    public void A_live_update_takes_at_most_its_steps_and_the_components_go_on_converging_in_the_next_updates()
    {
        var conversation = Votes.TwoCamps(perCamp: 150, statements: 30, seed: 7);
        var converged = OpinionMapper.Compute(conversation);
        Assert.True(converged.Components.Converged);
        // A map from scratch is not bounded by the steps per update.
        Assert.Equal(Json(converged), Json(OpinionMapper.Compute(conversation, new OpinionMapOptions { PcaStepsPerUpdate = 1 })));
        var rough = OpinionMapper.Compute(conversation, new OpinionMapOptions { PcaMaxIterations = 1 });
        Assert.False(rough.Components.Converged);

        var options = new OpinionMapOptions { PcaStepsPerUpdate = 3 };
        var (state, updates) = (rough.State, 0);
        ConversationMap map;
        do
        {
            map = OpinionMapper.Compute(conversation, options, state);
            Assert.InRange(map.Components.Iterations, 1, 3);
            (state, updates) = (map.State, updates + 1);
        }
        while (!map.Components.Converged && updates < 2_000);

        Assert.True(map.Components.Converged);
        Assert.True(updates > 1);
        Assert.True(Math.Abs(Cosine(converged.Components.First, map.Components.First)) > 0.9999);
        Assert.True(Math.Abs(Cosine(converged.Components.Second, map.Components.Second)) > 0.999);
    }

    [Fact]
    public void Updating_without_new_votes_changes_nothing()
    {
        var conversation = Votes.TwoCamps(perCamp: 60, statements: 20, seed: 6);
        var first = OpinionMapper.Compute(conversation);

        var second = OpinionMapper.Compute(conversation, null, first.State);

        Assert.Equal(first.Groups.Select(g => g.Members), second.Groups.Select(g => g.Members));
        Assert.Equal(first.BaseClusters.Select(b => b.Members), second.BaseClusters.Select(b => b.Members));
        Assert.All(first.Participants.Zip(second.Participants), p => Assert.Equal(p.First.X, p.Second.X, 5));
    }

    [Fact]
    public void An_empty_conversation_gives_an_empty_map()
    {
        var map = OpinionMapper.Compute(new Conversation());

        Assert.Empty(map.Participants);
        Assert.Empty(map.Statements);
        Assert.Empty(map.Groups);
        Assert.Empty(map.Consensus.Agree);
    }

    [Fact]
    public void A_single_vote_gives_a_map_without_groups_to_speak_of()
    {
        var map = OpinionMapper.Compute(Votes.Rows("a"));

        var participant = Assert.Single(map.Participants);
        Assert.True(participant.InConversation);
        Assert.Equal(0, participant.X);
        Assert.Single(map.Groups);
    }

    [Fact]
    public void When_everyone_votes_alike_there_is_no_spread_but_no_failure_either()
    {
        var map = OpinionMapper.Compute(Votes.Rows(Enumerable.Repeat("aaaa", 20).ToArray()));

        Assert.All(map.Participants, p => Assert.Equal((0.0, 0.0), (p.X, p.Y)));
        Assert.All(map.Components.First, x => Assert.Equal(0, x));
        Assert.Equal(4, map.Consensus.Agree.Count);
    }

    [Fact]
    public void Options_that_make_no_sense_are_refused_with_their_name()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            OpinionMapper.Compute(new Conversation(), new OpinionMapOptions { MaxGroupCount = 1 }));

        Assert.Contains("MaxGroupCount", error.Message);
    }

    private static string Json(ConversationMap map)
    {
        using var stream = new MemoryStream();
        PolisMath.From(map).Write(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static double Cosine(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        a.Zip(b).Sum(p => p.First * p.Second) / Math.Sqrt(a.Sum(x => x * x) * b.Sum(x => x * x));
}
