namespace Cocreo.OpinionMap.Tests;

public class InConversationTests
{
    [Fact]
    public void Once_fifteen_are_in_a_participant_needs_seven_votes()
    {
        var rows = Enumerable.Repeat("aadpadda", 15).Append("aadpad..").Append("aadpadd.").ToArray();

        var map = OpinionMapper.Compute(Votes.Rows(rows));

        Assert.False(map.Participant(15)!.InConversation);
        Assert.True(map.Participant(16)!.InConversation);
    }

    [Fact]
    public void With_fewer_than_seven_statements_voting_on_all_of_them_is_enough()
    {
        var rows = Enumerable.Repeat("adp", 15).Append("ad.").Append("pda").ToArray();

        var map = OpinionMapper.Compute(Votes.Rows(rows));

        Assert.False(map.Participant(15)!.InConversation);
        Assert.True(map.Participant(16)!.InConversation);
    }

    [Fact]
    public void While_fewer_than_fifteen_are_in_the_most_active_voters_are_let_in()
    {
        var rows = new[] { "a.........", "ad........", "adp.......", "a........." }
            .Concat(Enumerable.Repeat("adpadpadpa", 12))
            .ToArray();

        var map = OpinionMapper.Compute(Votes.Rows(rows));

        // 12 have voted on 7 or more; the top-up lets in the three most active of the rest, the earlier on a tie.
        Assert.Equal([true, true, true, false], map.Participants.Take(4).Select(p => p.InConversation));
        Assert.Equal(15, map.Participants.Count(p => p.InConversation));
    }

    [Fact]
    public void Nobody_is_let_out_again()
    {
        var conversation = Votes.Rows(Enumerable.Repeat("adpadpad", 20).Append("ad").ToArray());
        var previous = OpinionMapper.Compute(conversation).State with { InConversation = new HashSet<int> { 20 } };

        var map = OpinionMapper.Compute(conversation, null, previous);

        Assert.True(map.Participant(20)!.InConversation);
    }

    [Fact]
    public void Replaying_the_history_keeps_the_first_fifteen_voters_in()
    {
        var rows = Enumerable.Range(0, 15).Select(_ => "a").Concat(Enumerable.Repeat("adpadpad", 20)).ToArray();
        var conversation = Votes.Rows(rows);

        var replayed = OpinionMapper.Compute(conversation, new OpinionMapOptions { ReplayVoteHistory = true });
        var atOnce = OpinionMapper.Compute(conversation);

        Assert.All(replayed.Participants.Take(15), p => Assert.True(p.InConversation));
        Assert.All(atOnce.Participants.Take(15), p => Assert.False(p.InConversation));
    }
}
