using System.Text.Json;
using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Pabulib;
using Cocreo.Budgeting.Rules;
using Cocreo.Testing;

namespace Cocreo.Budgeting.Tests;

/// <summary>Reading with <see cref="BallotDetail.VotesOnly"/> keeps what the rules count and nothing else.</summary>
public class VotesOnlyReadingTests
{
    public static TheoryData<string> AllFiles() => PabulibWriterTests.AllFiles();

    private static PabulibElection ReadVotesOnly(string file) =>
        PabulibReader.ReadFile(SharedData.Require("pabulib/" + file), BallotDetail.VotesOnly);

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Reading_votes_only_keeps_the_same_projects_votes_points_and_warnings(string file)
    {
        var full = ElectionFiles.Read(file);

        var votesOnly = ReadVotesOnly(file);

        Assert.Equal(BallotDetail.Full, full.Profile.Detail);
        Assert.Equal(BallotDetail.VotesOnly, votesOnly.Profile.Detail);
        Assert.Equal(full.Instance.Meta, votesOnly.Instance.Meta);
        Assert.Equal(full.Instance.Projects.Select(p => (p.Id, p.Cost, p.Index)), votesOnly.Instance.Projects.Select(p => (p.Id, p.Cost, p.Index)));
        Assert.Equal(full.Warnings, votesOnly.Warnings);
        Assert.Equal(full.Profile.VoteType, votesOnly.Profile.VoteType);
        Assert.Empty(votesOnly.Profile.ExtraColumns);
        Assert.Equal(full.Profile.VoterCount, votesOnly.Profile.VoterCount);
        for (var i = 0; i < full.Profile.VoterCount; i++)
        {
            var (a, b) = (full.Profile.Ballots[i], votesOnly.Profile.Ballots[i]);
            Assert.Equal(a.Projects.Select(p => p.Id), b.Projects.Select(p => p.Id));
            Assert.All(b.Projects, project => Assert.Same(votesOnly.Instance.Projects[project.Index], project));
            Assert.Equal(a.Points, b.Points);
            Assert.Equal(string.Empty, b.VoterId);
            Assert.Empty(b.ExtraValues);
        }
        Assert.Equal(full.Profile.VoterCount, votesOnly.Profile.Ballots.Count());
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Rules_compute_the_same_outcome_and_explanation_from_votes_only(string file)
    {
        var full = ElectionFiles.Read(file);
        var votesOnly = ReadVotesOnly(file);
        // Points count where ballots carry them, so the supports the grouping keeps are exercised too.
        var satisfaction = full.Profile.VoteType.HasPoints() || full.Profile.VoteType == VoteType.Ordinal ? SatisfactionMeasure.Points : SatisfactionMeasure.Cost;

        foreach (var name in new[] { "greedy", "mes", "phragmen" })
        {
            var rule = BudgetingRules.FromName(name)!;
            var options = RuleOptions.Default with { Satisfaction = satisfaction };

            var expected = rule.Compute(full.Instance, full.Profile, options);
            var actual = rule.Compute(votesOnly.Instance, votesOnly.Profile, options);

            Assert.Equal(expected.Selected.Select(p => p.Id), actual.Selected.Select(p => p.Id));
            Assert.Equal(JsonSerializer.Serialize(expected.Explanation), JsonSerializer.Serialize(actual.Explanation));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(70_000)]
    public void Votes_only_keeps_project_numbers_of_small_and_very_large_elections(int projects)
    {
        // Up to 65,536 projects a project number takes two bytes; beyond, four.
        var text = new System.Text.StringBuilder("META\nkey;value\nbudget;100\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n");
        for (var p = 0; p < projects; p++)
        {
            text.Append("p").Append(p).Append(";1\n");
        }
        var last = projects - 1;
        text.Append($"VOTES\nvoter_id;vote;points\nv1;p{last},p0;3,2\nv2;;\nv3;p{last / 2};1\n");

        var election = PabulibReader.Read(new StringReader(text.ToString()), "generated.pb", BallotDetail.VotesOnly);

        var ballots = election.Profile.Ballots;
        Assert.Equal([$"p{last}", "p0"], ballots[0].Projects.Select(p => p.Id));
        Assert.Equal([3, 2], ballots[0].Points!);
        Assert.Empty(ballots[1].Projects);
        Assert.Equal([$"p{last / 2}"], ballots[2].Projects.Select(p => p.Id));
        Assert.Equal([1], ballots[2].Points!);
    }

    [Fact]
    public void A_votes_only_profile_cannot_be_written_back()
    {
        var election = ReadVotesOnly("Netherlands_Assen_2024.pb");

        var problem = Assert.Throws<ArgumentException>(() => PabulibWriter.Write(new StringWriter(), election.Instance, election.Profile));

        Assert.Contains("BallotDetail.Full", problem.Message);
    }

    [Fact]
    public void Reading_a_ballot_outside_the_profile_is_refused()
    {
        var profile = ReadVotesOnly("Netherlands_Assen_2024.pb").Profile;

        Assert.Throws<ArgumentOutOfRangeException>(() => profile.Ballots[profile.VoterCount]);
        Assert.Throws<ArgumentOutOfRangeException>(() => profile.Ballots[-1]);
    }
}
