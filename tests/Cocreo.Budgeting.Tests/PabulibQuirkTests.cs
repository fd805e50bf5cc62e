using System.Text;
using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Pabulib;

namespace Cocreo.Budgeting.Tests;

/// <summary>
/// What real .pb files contain besides the format (docs/participatory-budgeting.md, "What real files contain"): each
/// irregularity is read with a warning that names its line and what was found, or refused with an error that does.
/// Both readings (full and votes only) give the same warnings, and a strict reading refuses every warning at its line.
/// </summary>
public class PabulibQuirkTests
{
    private const string Head = """
        META
        key;value
        budget;100
        vote_type;approval
        PROJECTS
        project_id;cost;votes
        p1;40;2
        p2;30;2
        p3;20;1
        VOTES
        voter_id;vote
        """;

    // Line numbers: the VOTES header is line 11, the first ballot line 12.
    private static string Approval(params string[] ballots) => Head + "\n" + string.Join("\n", ballots) + "\n";

    private static PabulibElection Read(string text, BallotDetail detail = BallotDetail.Full) =>
        PabulibReader.Read(new StringReader(text), "quirk.pb", detail);

    /// <summary>Reads leniently both ways (same warnings), and checks that a strict reading refuses the first warning at its line.</summary>
    private static PabulibElection ReadWithWarnings(string text)
    {
        var full = Read(text);
        var votesOnly = Read(text, BallotDetail.VotesOnly);
        Assert.Equal(full.Warnings, votesOnly.Warnings);
        Assert.Equal(full.Profile.Ballots.Select(b => b.Projects.Select(p => p.Id)), votesOnly.Profile.Ballots.Select(b => b.Projects.Select(p => p.Id)));
        Assert.NotEmpty(full.Warnings);
        var strict = Assert.Throws<PabulibFormatException>(() => PabulibReader.Read(new StringReader(text), "quirk.pb", strict: true));
        var strictVotesOnly = Assert.Throws<PabulibFormatException>(() => PabulibReader.Read(new StringReader(text), "quirk.pb", BallotDetail.VotesOnly, strict: true));
        Assert.Equal(strict.Message, strictVotesOnly.Message);
        Assert.Contains("refused by the strict reading", strict.Problem);
        Assert.StartsWith("quirk.pb", strict.Message);
        return full;
    }

    private static PabulibFormatException Refused(string text)
    {
        var error = Assert.Throws<PabulibFormatException>(() => Read(text));
        var votesOnly = Assert.Throws<PabulibFormatException>(() => Read(text, BallotDetail.VotesOnly));
        Assert.Equal(error.Message, votesOnly.Message);
        Assert.StartsWith("quirk.pb, line ", error.Message);
        return error;
    }

    private static PabulibWarning Single(PabulibElection election, string found)
    {
        var matching = election.Warnings.Where(warning => warning.Message.Contains(found, StringComparison.Ordinal)).ToList();
        Assert.True(matching.Count == 1, $"expected one warning with \"{found}\" among: {string.Join(" | ", election.Warnings)}");
        return matching[0];
    }

    [Fact]
    public void An_approval_ballot_naming_a_project_twice_is_one_approval_with_a_warning_naming_the_line()
    {
        var election = ReadWithWarnings(Approval("v1;p1,p2,p1", "v2;p1,p2", "v3;p3"));

        Assert.Equal(["p1", "p2"], election.Profile.Ballots[0].Projects.Select(p => p.Id));
        var warning = Single(election, "voter v1 votes for project p1 twice");
        Assert.Equal(12, warning.Line);
        Assert.Contains("read as one approval", warning.Message);
        Assert.Single(election.Warnings);
    }

    [Fact]
    public void The_strict_reading_keeps_refusing_a_project_approved_twice()
    {
        var error = Assert.Throws<PabulibFormatException>(() => PabulibReader.Read(new StringReader(Approval("v1;p1,p2,p1", "v2;p1,p2", "v3;p3")), "quirk.pb", strict: true));

        Assert.Equal(12, error.Line);
        Assert.StartsWith("quirk.pb, line 12: voter v1 votes for project p1 twice", error.Message);
    }

    [Fact]
    public void A_choose_one_ballot_naming_its_project_twice_is_one_choice()
    {
        var text = Approval("v1;p1,p1", "v2;p2", "v3;p3").Replace("vote_type;approval", "vote_type;choose-1", StringComparison.Ordinal).Replace("p1;40;2", "p1;40;1", StringComparison.Ordinal).Replace("p2;30;2", "p2;30;1", StringComparison.Ordinal);

        var election = ReadWithWarnings(text);

        Assert.Equal(["p1"], election.Profile.Ballots[0].Projects.Select(p => p.Id));
        Assert.Equal(12, Single(election, "voter v1 votes for project p1 twice").Line);
    }

    [Fact]
    public void Thousands_of_repeated_approvals_are_listed_twenty_times_and_counted()
    {
        var ballots = Enumerable.Range(1, 25).Select(i => $"v{i};p1,p1").Append("v26;p2").Append("v27;p3").ToArray();
        var text = Approval(ballots).Replace("p1;40;2", "p1;40;25", StringComparison.Ordinal).Replace("p2;30;2", "p2;30;1", StringComparison.Ordinal);

        var election = ReadWithWarnings(text);

        Assert.Equal(20, election.Warnings.Count(w => w.Message.Contains("votes for project p1 twice", StringComparison.Ordinal)));
        Assert.Contains(election.Warnings, w => w.Line == 0 && w.Message.StartsWith("25 ballots in all name a project more than once; the first 20 are listed", StringComparison.Ordinal));
        Assert.Equal(27, election.Profile.VoterCount);
    }

    [Fact]
    public void A_ranking_that_names_a_project_twice_is_refused_because_its_place_is_not_clear()
    {
        var text = Approval("v1;p1,p2,p1", "v2;p1,p2", "v3;p3").Replace("vote_type;approval", "vote_type;ordinal", StringComparison.Ordinal);

        var error = Refused(text);

        Assert.Equal(12, error.Line);
        Assert.Contains("voter v1 ranks project p1 twice (first in place 1)", error.Problem);
    }

    [Theory]
    [InlineData("cumulative")]
    [InlineData("scoring")]
    public void A_points_ballot_that_names_a_project_twice_is_refused_because_its_points_are_not_clear(string voteType)
    {
        var text = Approval("v1;p1,p1;3,2", "v2;p1,p2;1,1", "v3;p3;1").Replace("vote_type;approval", $"vote_type;{voteType}", StringComparison.Ordinal).Replace("voter_id;vote", "voter_id;vote;points", StringComparison.Ordinal);

        var error = Refused(text);

        Assert.Equal(12, error.Line);
        Assert.Contains("voter v1 gives points to project p1 twice", error.Problem);
    }

    [Fact]
    public void Rows_ending_with_semicolons_beyond_their_header_are_read_with_one_warning()
    {
        var text = """
            META;;
            key;value;;
            budget;100;;
            vote_type;approval;;
            PROJECTS;;
            project_id;cost;votes
            p1;40;2;
            p2;30;2;;
            p3;20;1
            VOTES;
            voter_id;vote;
            v1;p1,p2;
            v2;p1,p2
            v3;p3;;
            """;

        var election = ReadWithWarnings(text);

        Assert.Equal(3, election.Profile.VoterCount);
        Assert.Equal(["p1", "p2"], election.Profile.Ballots[0].Projects.Select(p => p.Id));
        Assert.Equal(["votes"], election.Instance.ProjectColumns);
        var warning = Single(election, "rows end with empty fields beyond the columns their section names");
        Assert.Equal(2, warning.Line);
        Assert.StartsWith("8 rows", warning.Message);
        Assert.Single(election.Warnings);
    }

    [Fact]
    public void A_value_beyond_the_header_is_refused_as_a_lost_quote()
    {
        var error = Refused(Approval("v1;p1,p2;x", "v2;p1,p2", "v3;p3"));

        Assert.Equal(12, error.Line);
        Assert.Contains("a vote row has 3 fields but the header has 2 (quote a value that contains ';')", error.Problem);
    }

    [Fact]
    public void A_row_without_its_last_optional_columns_is_read_with_them_empty()
    {
        var election = ReadWithWarnings(Head.Replace("voter_id;vote", "voter_id;vote;age", StringComparison.Ordinal) + "\nv1;p1,p2;30\nv2;p1,p2\nv3;p3;41\n");

        Assert.Equal(["", "41"], election.Profile.Ballots.Skip(1).Select(b => b.ExtraValues[0]));
        Assert.Equal(13, Single(election, "1 rows have fewer fields than their header").Line);
    }

    [Fact]
    public void A_row_without_a_required_column_is_refused()
    {
        var text = Head.Replace("voter_id;vote", "voter_id;age;vote", StringComparison.Ordinal) + "\nv1;30;p1,p2\nv2;40\nv3;41;p3\n";

        var error = Refused(text);

        Assert.Equal(13, error.Line);
        Assert.Contains("a vote row has 2 fields but the header has 3", error.Problem);
    }

    [Fact]
    public void Rows_of_only_semicolons_are_read_as_empty_lines()
    {
        var election = ReadWithWarnings(Approval("v1;p1,p2", ";", "v2;p1,p2", "v3;p3"));

        Assert.Equal(3, election.Profile.VoterCount);
        Assert.Equal(13, Single(election, "1 rows hold only semicolons").Line);
    }

    [Fact]
    public void An_empty_votes_section_is_read_as_an_election_without_ballots()
    {
        var election = ReadWithWarnings(Head + "\n");

        Assert.Equal(0, election.Profile.VoterCount);
        Assert.Equal(10, Single(election, "the VOTES section holds no ballots").Line);
        // The projects' votes column cannot be checked against no ballots, and "on no ballot" would repeat the same news.
        Assert.Single(election.Warnings);
    }

    [Fact]
    public void A_file_that_ends_at_the_votes_line_has_no_ballots()
    {
        var text = Head[..(Head.IndexOf("voter_id", StringComparison.Ordinal) - 1)];

        var election = ReadWithWarnings(text);

        Assert.Equal(0, election.Profile.VoterCount);
        Assert.Equal(10, Single(election, "the VOTES section holds no ballots").Line);
    }

    [Fact]
    public void A_project_on_no_ballot_is_named_with_its_line()
    {
        var election = ReadWithWarnings(Approval("v1;p1,p2", "v2;p1,p2").Replace("p3;20;1", "p3;20;0", StringComparison.Ordinal));

        var warning = Single(election, "project p3 is on no ballot");
        Assert.Equal(9, warning.Line);
        Assert.Single(election.Warnings);
    }

    [Fact]
    public void A_project_costing_nothing_is_read_as_free_with_a_warning()
    {
        var election = ReadWithWarnings(Approval("v1;p1,p2", "v2;p1,p2", "v3;p3").Replace("p3;20;1", "p3;0;1", StringComparison.Ordinal));

        Assert.Equal(0m, election.Instance["p3"].Cost);
        Assert.Equal(9, Single(election, "project p3 costs 0").Line);
    }

    [Fact]
    public void A_votes_column_that_disagrees_with_the_ballots_is_named()
    {
        var election = ReadWithWarnings(Approval("v1;p1,p2", "v2;p1,p2", "v3;p3").Replace("p2;30;2", "p2;30;3", StringComparison.Ordinal));

        Assert.Equal(8, Single(election, "project p2 has 3 in the votes column but 2 ballots vote for it").Line);
    }

    [Fact]
    public void Non_ascii_project_ids_are_read_as_they_are()
    {
        var text = Approval("v1;żółw,p2", "v2;żółw,p2", "v3;p3").Replace("p1;40;2", "żółw;40;2", StringComparison.Ordinal);

        var election = Read(text);

        Assert.Empty(election.Warnings);
        Assert.Equal(["żółw", "p2"], election.Profile.Ballots[0].Projects.Select(p => p.Id));
    }

    [Fact]
    public void Windows_line_ends_and_a_byte_order_mark_are_read_without_warnings_from_bytes_and_from_text()
    {
        var text = "\uFEFF" + Approval("v1;p1,p2", "v2;p1,p2", "v3;p3").ReplaceLineEndings("\r\n");
        var bytes = Encoding.UTF8.GetBytes(text);

        var fromBytes = PabulibReader.Read(new MemoryStream(bytes), "quirk.pb");
        var fromText = Read(text);

        Assert.Empty(fromBytes.Warnings);
        Assert.Empty(fromText.Warnings);
        Assert.Equal(3, fromText.Profile.VoterCount);
        Assert.Equal("2", fromBytes.Instance["p1"]["votes"]);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_named_with_their_line()
    {
        var text = Head.Replace("project_id;cost;votes", "project_id;cost;votes;name", StringComparison.Ordinal).Replace("p2;30;2", "p2;30;2;Ł", StringComparison.Ordinal).Replace("p1;40;2", "p1;40;2;a", StringComparison.Ordinal).Replace("p3;20;1", "p3;20;1;b", StringComparison.Ordinal) + "\nv1;p1,p2\nv2;p1,p2\nv3;p3\n";
        // Windows-1250 writes Ł as the single byte 0xA3, which is not UTF-8.
        var bytes = Encoding.UTF8.GetBytes(text.Replace("Ł", "\u0001", StringComparison.Ordinal)).Select(b => b == 1 ? (byte)0xA3 : b).ToArray();

        var election = PabulibReader.Read(new MemoryStream(bytes), "quirk.pb");

        var warning = Single(election, "1 lines hold bytes that are not UTF-8");
        Assert.Equal(8, warning.Line);
        Assert.Equal("\uFFFD", election.Instance["p2"].Name);
        Assert.Throws<PabulibFormatException>(() => PabulibReader.Read(new MemoryStream(bytes), "quirk.pb", strict: true));
    }

    [Fact]
    public void An_empty_ballot_counts_as_a_voter_with_a_warning()
    {
        var election = ReadWithWarnings(Approval("v1;p1,p2", "v2;p1,p2", "v3;p3", "v4;"));

        Assert.Equal(4, election.Profile.VoterCount);
        Assert.Empty(election.Profile.Ballots[3].Projects);
        Assert.Equal(15, Single(election, "1 ballots vote for no project").Line);
    }

    [Fact]
    public void An_empty_entry_in_a_vote_is_ignored_with_a_warning()
    {
        var election = ReadWithWarnings(Approval("v1;p1,,p2", "v2;p1,p2,", "v3;p3"));

        Assert.Equal(["p1", "p2"], election.Profile.Ballots[1].Projects.Select(p => p.Id));
        Assert.Equal(12, Single(election, "2 ballots have an empty entry in their vote").Line);
    }

    [Fact]
    public void An_empty_entry_in_a_points_ballot_is_refused_because_the_points_would_shift()
    {
        var text = Approval("v1;p1,,p2;1,1", "v2;p1,p2;1,1", "v3;p3;1").Replace("vote_type;approval", "vote_type;cumulative", StringComparison.Ordinal).Replace("voter_id;vote", "voter_id;vote;points", StringComparison.Ordinal);

        Assert.Contains("voter v1 has an empty project in the vote", Refused(text).Problem);
    }

    [Fact]
    public void A_meta_key_given_twice_with_the_same_value_is_read_once_and_with_another_value_refused()
    {
        var same = ReadWithWarnings(Approval("v1;p1,p2", "v2;p1,p2", "v3;p3").Replace("budget;100", "budget;100\nbudget;100", StringComparison.Ordinal));
        var other = Refused(Approval("v1;p1,p2", "v2;p1,p2", "v3;p3").Replace("budget;100", "budget;100\nbudget;200", StringComparison.Ordinal));

        Assert.Equal(4, Single(same, "the META key \"budget\" appears twice (first on line 3)").Line);
        Assert.Equal(4, other.Line);
        Assert.Contains("with different values, \"100\" and \"200\"", other.Problem);
    }

    [Theory]
    [InlineData("p1;40;2", "p1;40,5;2", 7, "project p1 has cost \"40,5\"")]
    [InlineData("budget;100", "budget;1,000", 3, "META budget \"1,000\"")]
    public void A_decimal_comma_is_refused_because_it_could_be_a_thousands_separator(string line, string replacement, int expectedLine, string expected)
    {
        var error = Refused(Approval("v1;p1,p2", "v2;p1,p2", "v3;p3").Replace(line, replacement, StringComparison.Ordinal));

        Assert.Equal(expectedLine, error.Line);
        Assert.Contains(expected, error.Problem);
        Assert.Contains("write a decimal point, not a comma", error.Problem);
    }

    [Fact]
    public void A_well_formed_file_reads_without_warnings_both_ways_and_strictly()
    {
        var text = Approval("v1;p1,p2", "v2;p1,p2", "v3;p3");

        Assert.Empty(Read(text).Warnings);
        Assert.Empty(Read(text, BallotDetail.VotesOnly).Warnings);
        Assert.Equal(3, PabulibReader.Read(new StringReader(text), "quirk.pb", strict: true).Profile.VoterCount);
    }
}
