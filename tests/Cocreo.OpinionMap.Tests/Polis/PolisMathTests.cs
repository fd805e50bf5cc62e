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
