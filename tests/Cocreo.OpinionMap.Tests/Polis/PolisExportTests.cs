using Cocreo.OpinionMap.Polis;
using Cocreo.Testing;

namespace Cocreo.OpinionMap.Tests.Polis;

public class PolisExportTests
{
    private const string Comments = """
        timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
        1403054214196,Wed Jun 18 08:16:54 WIB 2014,0,5,1,0,1,"Fair wages, fair prices"
        1403054214197,Wed Jun 18 08:16:54 WIB 2014,1,5,0,1,-1,Off topic
        """;

    [Fact]
    public void Export_votes_are_agree_plus_one_and_a_later_vote_wins()
    {
        using var folder = new TemporaryFolder();
        folder.Write("comments.csv", Comments);
        folder.Write("votes.csv", """
            timestamp,datetime,comment-id,voter-id,vote
            1403057082753,x,0,1,-1
            1403057082700,x,0,1,1
            1403057082800,x,1,2,0
            """);

        var export = PolisExport.Read(folder.Path);
        var map = OpinionMapper.Compute(export.Conversation);

        Assert.Equal(new VoteTally(0, 1, 1), map.Statement(0)!.Votes);
        Assert.True(map.Statement(1)!.IsModeratedOut);
        Assert.Equal("Fair wages, fair prices", export.Conversation.FindStatement(0)!.Text);
    }

    [Fact]
    public void Without_votes_csv_the_votes_come_from_participants_votes_csv_with_the_groups()
    {
        using var folder = new TemporaryFolder();
        folder.Write("comments.csv", Comments);
        folder.Write("participants-votes.csv", """
            participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1
            1,0,0,2,1,1,1,-1
            2,,0,1,0,0,0,
            """);

        var export = PolisExport.Read(folder.Path);
        var map = OpinionMapper.Compute(export.Conversation);

        Assert.Equal(new Dictionary<int, int> { [1] = 0 }, export.GroupIds);
        Assert.Equal(new VoteTally(1, 0, 2), map.Statement(0)!.Votes);
        Assert.Equal(new VoteTally(0, 1, 1), map.Statement(1)!.Votes);
    }

    [Fact]
    public void A_vote_that_is_not_minus_one_zero_or_one_is_reported_with_its_line_and_field()
    {
        using var folder = new TemporaryFolder();
        folder.Write("comments.csv", Comments);
        folder.Write("votes.csv", """
            timestamp,datetime,comment-id,voter-id,vote
            1403057082753,x,0,1,1
            1403057082754,x,0,2,agree
            """);

        var error = Assert.Throws<PolisFormatException>(() => PolisExport.Read(folder.Path));

        Assert.Equal("votes.csv", error.File);
        Assert.Equal("line 3, column 5 (vote)", error.Location);
        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("'agree'", error.Message);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        using var folder = new TemporaryFolder();
        folder.Write("comments.csv", Comments);
        folder.Write("votes.csv", "timestamp,comment-id,vote\n1,0,1\n");

        var error = Assert.Throws<PolisFormatException>(() => PolisExport.Read(folder.Path));

        Assert.Contains("voter-id", error.Message);
    }

    [Fact]
    public void A_folder_without_comments_is_refused_by_name()
    {
        using var folder = new TemporaryFolder();

        var error = Assert.Throws<PolisFormatException>(() => PolisExport.Read(folder.Path));

        Assert.Equal("comments.csv", error.File);
    }

    [Fact]
    public void The_vtaiwan_export_reads_every_participant_and_statement()
    {
        var export = PolisExport.Read(SharedData.Require("polis/opendata/vtaiwan.uberx"));

        Assert.Equal(1921, export.Conversation.ParticipantCount);
        Assert.Equal(197, export.Conversation.Statements.Count);
        Assert.Equal(1219, export.GroupIds.Count);
    }
}
