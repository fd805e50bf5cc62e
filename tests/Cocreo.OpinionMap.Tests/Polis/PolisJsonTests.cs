using Cocreo.OpinionMap.Polis;

namespace Cocreo.OpinionMap.Tests.Polis;

public class PolisJsonTests
{
    private const string Votes = """
        [
          {"pid": 0, "tid": 0, "vote": -1, "modified": "1714782753431"},
          {"pid": 1, "tid": 0, "vote": -1, "modified": "1714782753432"},
          {"pid": 2, "tid": 0, "vote": 1, "modified": "1714782753433"}
        ]
        """;

    [Theory]
    [InlineData(2, 1, 2, 1)]   // the API's convention: agree -1
    [InlineData(1, 2, 1, 2)]   // red-dwarf's files: agree +1
    public void The_meaning_of_minus_one_is_read_off_the_comment_counts(int agreeCount, int disagreeCount, int agrees, int disagrees)
    {
        using var folder = new TemporaryFolder();
        var votes = folder.Write("votes.json", Votes);
        var comments = folder.Write("comments.json",
            $$"""[{"tid": 0, "txt": "More buses", "mod": 1, "is_meta": false, "agree_count": {{agreeCount}}, "disagree_count": {{disagreeCount}}}]""");

        var map = OpinionMapper.Compute(PolisJson.ReadConversation(votes, comments));

        Assert.Equal(new VoteTally(agrees, disagrees, 3), map.Statement(0)!.Votes);
    }

    [Fact]
    public void Without_comment_counts_the_sign_must_be_given()
    {
        using var folder = new TemporaryFolder();
        var votes = folder.Write("votes.json", Votes);

        var error = Assert.Throws<PolisFormatException>(() => PolisJson.ReadConversation(votes));
        var map = OpinionMapper.Compute(PolisJson.ReadConversation(votes, null, PolisVoteSign.AgreeIsMinusOne));

        Assert.Contains("agree is -1", error.Message);
        Assert.Equal(new VoteTally(2, 1, 3), map.Statement(0)!.Votes);
    }

    [Fact]
    public void A_vote_without_a_participant_is_reported_by_its_position()
    {
        using var folder = new TemporaryFolder();
        var votes = folder.Write("votes.json", """[{"pid": 0, "tid": 0, "vote": 1}, {"tid": 0, "vote": 1}]""");

        var error = Assert.Throws<PolisFormatException>(() => PolisJson.ReadConversation(votes, null, PolisVoteSign.AgreeIsPlusOne));

        Assert.Equal("vote #2", error.Location);
        Assert.Contains("participant_id or pid", error.Message);
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line()
    {
        using var folder = new TemporaryFolder();
        var votes = folder.Write("votes.json", "[\n{\"pid\": 0,\n");

        var error = Assert.Throws<PolisFormatException>(() => PolisJson.ReadConversation(votes, null, PolisVoteSign.AgreeIsPlusOne));

        Assert.StartsWith("votes.json, line", error.Message);
    }
}
