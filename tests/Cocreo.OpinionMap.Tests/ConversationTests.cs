namespace Cocreo.OpinionMap.Tests;

public class ConversationTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_later_vote_on_the_same_statement_replaces_the_earlier_one()
    {
        var conversation = new Conversation();
        conversation.Add(new Vote(7, 1, VoteChoice.Agree, Noon));
        conversation.Add(new Vote(7, 1, VoteChoice.Disagree, Noon.AddMinutes(1)));

        var map = OpinionMapper.Compute(conversation);

        Assert.Equal(1, conversation.VoteCount);
        Assert.Equal(new VoteTally(0, 1, 1), map.Statement(1)!.Votes);
    }

    [Fact]
    public void Votes_given_together_are_applied_in_time_order()
    {
        var conversation = new Conversation([], [
            new Vote(7, 1, VoteChoice.Agree, Noon.AddMinutes(5)),
            new Vote(7, 1, VoteChoice.Pass, Noon),
        ]);

        var map = OpinionMapper.Compute(conversation);

        Assert.Equal(new VoteTally(1, 0, 1), map.Statement(1)!.Votes);
        Assert.Equal(Noon.AddMinutes(5), conversation.LastVoteTime);
    }

    [Fact]
    public void Votes_with_the_same_time_keep_the_order_they_were_given_in()
    {
        var conversation = new Conversation([], [
            new Vote(7, 1, VoteChoice.Pass, Noon.AddMinutes(1)),
            new Vote(7, 1, VoteChoice.Disagree, Noon),
            new Vote(7, 1, VoteChoice.Agree, Noon),
        ]);

        Assert.Equal(new VoteTally(0, 0, 1), OpinionMapper.Compute(conversation).Statement(1)!.Votes);
    }

    [Fact]
    public void A_statement_voted_on_but_not_listed_counts_as_unmoderated()
    {
        var conversation = Votes.Rows("aa", "ad");

        var map = OpinionMapper.Compute(conversation);

        Assert.All(map.Statements, s => Assert.False(s.IsModeratedOut));
        Assert.Null(conversation.FindStatement(0));
    }

    [Fact]
    public void Moderating_a_statement_after_votes_takes_it_out_of_the_next_map()
    {
        var conversation = Votes.TwoCamps(perCamp: 10, statements: 6);
        conversation.AddOrUpdate(new Statement(3, "rejected") { Moderation = Moderation.Rejected });

        var map = OpinionMapper.Compute(conversation);

        Assert.True(map.Statement(3)!.IsModeratedOut);
        Assert.Equal(Moderation.Rejected, conversation.FindStatement(3)!.Moderation);
    }
}
