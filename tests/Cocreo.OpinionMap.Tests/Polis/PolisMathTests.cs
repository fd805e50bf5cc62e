using Cocreo.OpinionMap.Polis;
using Cocreo.OpinionMap.Tests.Conformance;

namespace Cocreo.OpinionMap.Tests.Polis;

public class PolisMathTests
{
    [Fact]
    public void Our_map_written_in_Polis_shape_reads_back_as_the_same_results()
    {
        var map = OpinionMapper.Compute(Votes.TwoCamps(perCamp: 30, statements: 12));
        using var stream = new MemoryStream();

        PolisMath.From(map).Write(stream);
        stream.Position = 0;
        using var folder = new TemporaryFolder();
        var read = PolisMath.Read(folder.Write("math-pca2.json", new StreamReader(stream).ReadToEnd()));

        Assert.Equal(map.Components.Center, read.Center);
        Assert.Equal(map.Components.First, read.Components[0]);
        Assert.Equal(map.Groups.Select(g => g.RepresentativeStatements), read.Repness.OrderBy(r => r.Key).Select(r => r.Value));
        Assert.Equal(map.Consensus.Agree, read.Consensus.Agree);
        Assert.Equal(map.Statements.Select(s => s.GroupAwareConsensus), read.GroupAwareConsensus.OrderBy(p => p.Key).Select(p => p.Value));
        Assert.Equal(map.Participants.Count(p => p.InConversation), read.InConversation.Count);
        Assert.Equal(map.Groups.Select(g => g.Members.Count), read.GroupSizes.OrderBy(p => p.Key).Select(p => p.Value));
    }

    [Theory]
    [MemberData(nameof(PolisFixture.All), MemberType = typeof(PolisFixture))]
    public void Polis_output_in_our_shape_keeps_its_values(string name)
    {
        var fixture = PolisFixture.Load(name);
        using var stream = new MemoryStream();

        fixture.Math.Write(stream);
        stream.Position = 0;
        using var folder = new TemporaryFolder();
        var read = PolisMath.Read(folder.Write("math-pca2.json", new StreamReader(stream).ReadToEnd()));

        Assert.Equal(fixture.Math.Center, read.Center);
        Assert.Equal(fixture.Math.BaseClusters, read.BaseClusters, (a, b) => a.Id == b.Id && a.Members.SequenceEqual(b.Members) && a.X == b.X);
        Assert.Equal(fixture.Math.Repness.SelectMany(r => r.Value), read.Repness.SelectMany(r => r.Value));
    }

    [Fact]
    public void A_file_that_is_not_Polis_math_is_refused_by_name()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("math-pca2.json", """{"n": 3}""");

        var error = Assert.Throws<PolisFormatException>(() => PolisMath.Read(file));

        Assert.Equal("math-pca2.json", error.File);
    }
}

public class PolisComparisonTests
{
    [Theory]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 5, 5, 9, 9 }, 1.0)]           // same partition, other names
    [InlineData(new[] { 0, 0, 0, 1, 1, 1 }, new[] { 0, 0, 1, 1, 2, 2 }, 8.0 / 33)]  // (2 - 1.2) / (4.5 - 1.2)
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 1, 0, 1 }, -0.5)]          // crossed: worse than chance
    public void The_adjusted_Rand_index_is_one_for_the_same_partition_and_near_zero_for_unrelated_ones(int[] first, int[] second, double index)
    {
        Assert.Equal(index, PolisComparison.AdjustedRandIndex(first, second), 12);
    }

    [Fact]
    public void Compared_with_itself_a_map_agrees_everywhere()
    {
        var map = OpinionMapper.Compute(Votes.TwoCamps(perCamp: 30, statements: 12));

        var comparison = PolisComparison.Of(map, PolisMath.From(map));

        Assert.Equal((60, 60, 0, 0), comparison.InConversation);
        Assert.Equal(1.0, comparison.FirstComponentCosine, 12);
        Assert.Equal(1.0, comparison.MembershipAdjustedRandIndex);
        Assert.Equal(map.Groups.Count, comparison.IdenticalRepresentativeStatements);
        Assert.True(comparison.IdenticalConsensus);
        Assert.Equal(0, comparison.GroupAwareConsensusDifference);
    }
}
