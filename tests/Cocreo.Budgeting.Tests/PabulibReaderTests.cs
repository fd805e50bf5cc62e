using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Pabulib;

namespace Cocreo.Budgeting.Tests;

public class PabulibReaderTests
{
    private const string Valid = """
        META
        key;value
        description;"A test; with a semicolon"
        num_projects;3
        num_votes;3
        budget;100.50
        vote_type;cumulative
        max_sum_points;10
        rule;greedy
        PROJECTS
        project_id;cost;votes;name;selected
        p1;50;2;"The ""big"" one";1
        p2;30.0;1;Small;0
        p3;60;1;"Two
        lines";0
        VOTES
        voter_id;vote;points;age
        v1;p1,p2;6,4;30
        v2;p1;10;
        v3;p3;1;45
        """;

    private static PabulibElection Read(string text) => PabulibReader.Read(new StringReader(text), "test.pb");

    // Every check is made whatever the reading keeps of the ballots: both ways give the same error.
    private static PabulibFormatException ReadFails(string text)
    {
        var error = Assert.Throws<PabulibFormatException>(() => Read(text));
        var votesOnly = Assert.Throws<PabulibFormatException>(() => PabulibReader.Read(new StringReader(text), "test.pb", BallotDetail.VotesOnly));
        Assert.Equal(error.Message, votesOnly.Message);
        return error;
    }

    [Fact]
    public void A_file_keeps_its_meta_projects_extra_columns_and_ballots()
    {
        var election = Read(Valid);

        Assert.Equal(100.50m, election.Instance.Budget);
        Assert.Equal("A test; with a semicolon", election.Instance.GetMeta("description"));
        Assert.Equal(["votes", "name", "selected"], election.Instance.ProjectColumns);
        Assert.Equal("The \"big\" one", election.Instance["p1"].Name);
        Assert.Equal("Two\nlines", election.Instance["p3"]["name"]);
        Assert.Equal(30m, election.Instance["p2"].Cost);
        Assert.Equal(VoteType.Cumulative, election.Profile.VoteType);
        Assert.Equal(["age"], election.Profile.ExtraColumns);
        var first = election.Profile.Ballots[0];
        Assert.Equal(["p1", "p2"], first.Projects.Select(p => p.Id));
        Assert.Equal([6, 4], first.Points!);
        Assert.Equal(["30"], first.ExtraValues);
        Assert.Equal(["p1"], election.OfficiallySelected!.Select(p => p.Id));
        Assert.Empty(election.Warnings);
    }

    [Fact]
    public void Line_numbers_count_lines_inside_quoted_fields()
    {
        var error = ReadFails(Valid.Replace("v3;p3;1;45", "v3;p9;1;45"));

        Assert.Equal(20, error.Line);
        Assert.Contains("project p9, which is not in PROJECTS", error.Message);
        Assert.StartsWith("test.pb, line 20:", error.Message);
    }

    [Theory]
    [InlineData("p2;30.0;1;Small;0", "p2;thirty;1;Small;0", 13, "cost \"thirty\"")]
    [InlineData("p2;30.0;1;Small;0", "p2;-5;1;Small;0", 13, "non-negative")]
    [InlineData("p2;30.0;1;Small;0", "p1;30.0;1;Small;0", 13, "project p1 appears twice")]
    [InlineData("v2;p1;10;", "v1;p1;10;", 19, "voter v1 votes twice")]
    [InlineData("v2;p1;10;", "v2;p1,p1;5,5;", 19, "project p1 twice")]
    [InlineData("v2;p1;10;", "v2;p1;11;", 19, "max_sum_points allows 10")]
    [InlineData("v2;p1;10;", "v2;p1,p2;10;", 19, "gives 1 points")]
    [InlineData("v2;p1;10;", "v2;p1;ten;", 19, "points must be whole numbers")]
    [InlineData("v2;p1;10;", "v2;p1", 19, "has 2 fields but the header has 4")]
    [InlineData("budget;100.50", "budget;lots", 6, "budget \"lots\"")]
    [InlineData("vote_type;cumulative", "vote_type;plurality", 7, "not one of approval")]
    public void A_bad_line_is_refused_with_its_line_and_the_problem(string line, string replacement, int expectedLine, string expectedProblem)
    {
        var error = ReadFails(Valid.Replace(line, replacement));

        Assert.Equal(expectedLine, error.Line);
        Assert.Contains(expectedProblem, error.Problem);
    }

    [Fact]
    public void A_ballot_longer_than_max_length_is_refused()
    {
        var text = Valid.Replace("max_sum_points;10", "max_length;1");

        var error = ReadFails(text);

        Assert.Equal(18, error.Line);
        Assert.Contains("votes for 2 projects; META max_length allows 1", error.Problem);
    }

    [Fact]
    public void Broken_quoting_is_refused_with_its_line()
    {
        var error = ReadFails(Valid.Replace("v3;p3;1;45", "v3;p3;1;\"45"));

        Assert.Equal(20, error.Line);
        Assert.Contains("quoting is broken", error.Problem);
    }

    [Fact]
    public void A_missing_section_is_named()
    {
        var withoutVotes = Valid[..Valid.IndexOf("VOTES", StringComparison.Ordinal)];

        var missingVotes = ReadFails(withoutVotes);
        Assert.Contains("no VOTES section", missingVotes.Problem);
        // A problem of the whole file names no line ("line 0" would send people looking for one).
        Assert.DoesNotContain("line", missingVotes.Message.Replace(missingVotes.Problem, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("PROJECTS section must come after the META section", ReadFails(Valid[Valid.IndexOf("PROJECTS", StringComparison.Ordinal)..]).Problem);
    }

    [Fact]
    public void Counts_that_disagree_with_meta_are_warnings()
    {
        var election = Read(Valid.Replace("num_projects;3", "num_projects;4").Replace("num_votes;3", "num_votes;5"));

        Assert.Equal(2, election.Warnings.Count);
        Assert.Contains(election.Warnings, warning => warning.Line == 4 && warning.Message.Contains("num_projects is 4 but PROJECTS lists 3", StringComparison.Ordinal));
        Assert.Contains(election.Warnings, warning => warning.Line == 5 && warning.Message.Contains("num_votes is 5 but VOTES holds 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Crlf_line_ends_and_a_byte_order_mark_are_read()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(Valid.ReplaceLineEndings("\r\n"))).ToArray();

        var election = PabulibReader.Read(new MemoryStream(bytes), "crlf.pb");

        Assert.Equal(3, election.Profile.VoterCount);
        Assert.Equal("Two\r\nlines", election.Instance["p3"]["name"]);
    }

    public static TheoryData<string> AllFiles() => new(ElectionFiles.AllFileNames().DefaultIfEmpty("(conformance data missing)"));

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Every_real_file_is_read_without_errors_or_warnings(string file)
    {
        var election = ElectionFiles.Read(file);

        Assert.Empty(election.Warnings);
        Assert.Equal(int.Parse(election.Instance.GetMeta("num_votes")!, System.Globalization.CultureInfo.InvariantCulture), election.Profile.VoterCount);
    }
}
