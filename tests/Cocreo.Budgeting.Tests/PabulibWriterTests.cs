using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Pabulib;

namespace Cocreo.Budgeting.Tests;

public class PabulibWriterTests
{
    public static TheoryData<string> AllFiles() => new(ElectionFiles.AllFileNames().DefaultIfEmpty("(conformance data missing)"));

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Writing_then_reading_a_real_file_gives_the_same_election(string file)
    {
        var original = ElectionFiles.Read(file);

        var reread = RoundTrip(original.Instance, original.Profile);

        ElectionAssert.Same(original, reread);
    }

    [Fact]
    public void Writing_with_an_outcome_sets_the_selected_column()
    {
        var original = ElectionFiles.Read("Netherlands_Assen_2024.pb");
        var chosen = original.Instance.Projects.Take(2).ToArray();
        var text = new StringWriter();

        PabulibWriter.Write(text, original.Instance, original.Profile, chosen);
        var reread = PabulibReader.Read(new StringReader(text.ToString()));

        Assert.Equal(chosen.Select(p => p.Id), reread.OfficiallySelected!.Select(p => p.Id));
    }

    internal static PabulibElection RoundTrip(Instance instance, Profile profile)
    {
        var text = new StringWriter();
        PabulibWriter.Write(text, instance, profile);
        return PabulibReader.Read(new StringReader(text.ToString()), "written.pb");
    }
}

internal static class ElectionAssert
{
    public static void Same(PabulibElection expected, PabulibElection actual)
    {
        Assert.Equal(expected.Instance.Budget, actual.Instance.Budget);
        Assert.Equal(expected.Instance.Meta, actual.Instance.Meta);
        Assert.Equal(expected.Instance.ProjectColumns, actual.Instance.ProjectColumns);
        Assert.Equal(expected.Instance.Projects.Count, actual.Instance.Projects.Count);
        for (var i = 0; i < expected.Instance.Projects.Count; i++)
        {
            var (a, b) = (expected.Instance.Projects[i], actual.Instance.Projects[i]);
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.Cost, b.Cost);
            Assert.Equal(a.Fields, b.Fields);
        }
        Assert.Equal(expected.Profile.VoteType, actual.Profile.VoteType);
        Assert.Equal(expected.Profile.ExtraColumns, actual.Profile.ExtraColumns);
        Assert.Equal(expected.Profile.VoterCount, actual.Profile.VoterCount);
        for (var i = 0; i < expected.Profile.VoterCount; i++)
        {
            var (a, b) = (expected.Profile.Ballots[i], actual.Profile.Ballots[i]);
            Assert.Equal(a.VoterId, b.VoterId);
            Assert.Equal(a.Projects.Select(p => p.Id), b.Projects.Select(p => p.Id));
            Assert.Equal(a.Points, b.Points);
            Assert.Equal(a.ExtraValues, b.ExtraValues);
        }
    }
}
