using Cocreo.OpinionMap.Polis;

namespace Cocreo.OpinionMap.Tests.Polis;

/// <summary>A malformed export is refused as a whole, naming the file, line and column.</summary>
public class PolisExportMalformedTests
{
    private const string Comments = """
        timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
        1403054214196,x,0,5,1,0,1,"Fair wages, fair prices"
        1403054214197,x,1,5,0,1,-1,Off topic
        """;

    private const string Votes = """
        timestamp,datetime,comment-id,voter-id,vote
        1403057082753,x,0,1,1
        1403057082754,x,1,2,-1
        """;

    public static TheoryData<string, string, string, long, int?, string> Broken => new()
    {
        // file, content, expected file, line, column, words in the message
        { "votes.csv", Votes + "\n1403057082755,x,0,3,1.5", "votes.csv", 4, 5, "'1.5' is not a whole number" },
        { "votes.csv", Votes + "\n1403057082755,x,zero,3,1", "votes.csv", 4, 3, "'zero' is not a whole number" },
        { "votes.csv", "timestamp,datetime,comment-id,vote\n1403057082753,x,0,1", "votes.csv", 1, null, "column 'voter-id' is missing" },
        { "votes.csv", Votes + "\n1403057082755,x,7,3,1", "votes.csv", 4, 3, "statement 7 is not in comments.csv" },
        { "votes.csv", "timestamp,datetime,comment-id,voter-id,vote,vote\n1403057082753,x,0,1,1,1", "votes.csv", 1, 6, "column 'vote' appears twice (columns 5 and 6)" },
        { "votes.csv", Votes + "\n1403057082755,x,0", "votes.csv", 4, null, "the row ends after 3 of the header's 5 columns" },
        { "votes.csv", Votes + "\n1403057082755,x,0,3,1,9", "votes.csv", 4, null, "the row has 6 fields, the header 5 columns" },
        { "votes.csv", Votes + "\n99999999999999999,x,0,3,1", "votes.csv", 4, 1, "is not a time" },
        { "comments.csv", Comments + "\n1403054214198,x,1,5,0,0,0,Again", "comments.csv", 4, 3, "statement 1 appears twice (first on line 3)" },
        { "comments.csv", Comments + "\n1403054214198,x,2,5,0,0,2,Bad", "comments.csv", 4, 7, "'2' is not -1, 0 or 1" },
        { "comments.csv", Comments + "\n1403054214198,x,2,5,0,0,0,\"unclosed", "comments.csv", 4, null, "" },
        { "participants-votes.csv", "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,9\n1,0,0,1,1,0,1,,", "participants-votes.csv", 1, 9, "statement 9 is not in comments.csv" },
        { "participants-votes.csv", "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n1,0,0,1,1,0,1,\n1,0,0,1,1,0,1,", "participants-votes.csv", 3, 1, "participant 1 appears twice (first on line 2)" },
        { "participants-votes.csv", "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n1,0,0,1,1,0,1,\n2,1,0,1", "participants-votes.csv", 3, null, "the row ends after 4 of the header's 8 columns" },
        { "participants-votes.csv", "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n1,A,0,1,1,0,1,", "participants-votes.csv", 2, 2, "'A' is not a whole number" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_file_is_reported_by_file_line_and_column_and_nothing_is_imported(
        string file, string content, string expectedFile, long line, int? column, string words)
    {
        using var folder = new TemporaryFolder();
        folder.Write("comments.csv", Comments);
        folder.Write("votes.csv", Votes);
        folder.Write(file, content);

        var error = Assert.Throws<PolisFormatException>(() => PolisExport.Read(folder.Path));

        Assert.Equal(expectedFile, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{expectedFile}, line {line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_refuses_a_vote_on_a_statement_it_is_not_given_and_leaves_no_files()
    {
        using var folder = new TemporaryFolder();

        Assert.Throws<ArgumentException>(() => PolisExport.Write(folder.Path, [new Statement(1, "a")], [new Vote(1, 2, VoteChoice.Agree)]));

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Texts_with_commas_quotes_line_breaks_and_spaces_meta_statements_and_votes_without_times_round_trip()
    {
        var time = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
        Statement[] statements =
        [
            new(0, "  Spaces, commas and \"quotes\"  ") { AuthorId = 3, CreatedAt = time, Moderation = Moderation.Accepted },
            new(1, "Two\r\nlines\nand =formula-like -1") { Moderation = Moderation.Rejected },
            new(2, "") { IsMeta = true },
            new(5, "Nobody voted"),
        ];
        Vote[] votes =
        [
            new(3, 0, VoteChoice.Agree, time.AddSeconds(1)),
            new(4, 0, VoteChoice.Disagree, time.AddSeconds(1)),
            new(3, 0, VoteChoice.Pass, time.AddSeconds(2)),
            new(4, 1, VoteChoice.Agree, time.AddSeconds(3)),
            new(4, 2, VoteChoice.Pass, time.AddMilliseconds(3500)),
        ];
        using var folder = new TemporaryFolder();

        PolisExport.Write(folder.Path, statements, votes, new Dictionary<int, int> { [4] = 1 });
        var again = PolisExport.Read(folder.Path);

        Assert.Equal(statements, again.Conversation.Statements);
        Assert.Equal(votes, again.Votes);
        Assert.Equal(new Dictionary<int, int> { [4] = 1 }, again.GroupIds);
        Assert.Contains(",is-meta", File.ReadLines(Path.Combine(folder.Path, "comments.csv")).First(), StringComparison.Ordinal);

        // Without votes.csv the final votes come from participants-votes.csv.
        File.Delete(Path.Combine(folder.Path, "votes.csv"));
        var final = PolisExport.Read(folder.Path);
        Assert.Equal(
            [new Vote(3, 0, VoteChoice.Pass), new Vote(4, 0, VoteChoice.Disagree), new Vote(4, 1, VoteChoice.Agree), new Vote(4, 2, VoteChoice.Pass)],
            final.Votes);
    }
}
