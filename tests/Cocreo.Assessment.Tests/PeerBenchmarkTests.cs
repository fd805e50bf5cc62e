namespace Cocreo.Assessment.Tests;

public class PeerBenchmarkTests
{
    private static readonly BenchmarkProfile Organisation = Profile("1.0", capacity: new Ratio(1, 2), context: new Ratio(3, 4));

    [Fact]
    public void Fewer_than_five_peers_give_no_position_and_no_numbers()
    {
        var peers = Enumerable.Range(0, 4).Select(i => Profile("1.0", new Ratio(i, 4), new Ratio(i, 4))).ToList();

        var position = PeerBenchmark.Position(Organisation, peers);

        Assert.Equal(BenchmarkStatus.NotEnoughPeers, position.Status);
        Assert.All(position.Categories, c =>
        {
            Assert.Equal(BenchmarkStatus.NotEnoughPeers, c.Status);
            Assert.Null(c.Percentile);
            Assert.Null(c.Band);
            Assert.Null(c.PeersBelow);
            Assert.Null(c.PeersAbove);
        });
    }

    [Fact]
    public void Five_peers_give_a_mid_rank_percentile_per_category()
    {
        var peers = Enumerable.Range(0, 5).Select(i => Profile("1.0", new Ratio(i, 4), new Ratio(i, 4))).ToList();

        var position = PeerBenchmark.Position(Organisation, peers);

        Assert.Equal(BenchmarkStatus.Shown, position.Status);
        var capacity = position.Categories.Single(c => c.NodeId == "organisational-capacity");
        // Peers 0, 1/4, 1/2, 3/4, 1 against 1/2: two below, one equal → (2 + 1/2) / 5 = 50th percentile.
        Assert.Equal((2, 1, 2), (capacity.PeersBelow!.Value, capacity.PeersEqual!.Value, capacity.PeersAbove!.Value));
        Assert.Equal(new Ratio(50, 1), capacity.Percentile);
        Assert.Equal(PeerBand.ThirdQuarter, capacity.Band);
        var context = position.Categories.Single(c => c.NodeId == "context");
        Assert.Equal(new Ratio(70, 1), context.Percentile);
        Assert.Equal(PeerBand.ThirdQuarter, context.Band);
        Assert.Contains("not audits", position.Caveat.En);
        Assert.Contains("niso revizije", position.Caveat.Sl);
    }

    [Fact]
    public void Peers_of_another_version_are_left_out_and_can_leave_too_few()
    {
        var peers = Enumerable.Range(0, 4).Select(_ => Profile("1.0", Ratio.One, Ratio.One))
            .Append(Profile("0.9", Ratio.One, Ratio.One)).ToList();

        var position = PeerBenchmark.Position(Organisation, peers);

        Assert.Equal(BenchmarkStatus.NotEnoughPeers, position.Status);
        Assert.Equal((4, 1), (position.Peers, position.ExcludedPeers));
    }

    [Fact]
    public void A_category_too_few_peers_could_score_is_hidden_on_its_own()
    {
        var peers = Enumerable.Range(0, 5)
            .Select(i => new BenchmarkProfile("co-ready", "1.0", i < 4
                ? new Dictionary<string, Ratio> { ["organisational-capacity"] = Ratio.Zero }
                : new Dictionary<string, Ratio> { ["organisational-capacity"] = Ratio.Zero, ["context"] = Ratio.Zero }))
            .ToList();

        var position = PeerBenchmark.Position(Organisation, peers);

        Assert.Equal(BenchmarkStatus.Shown, position.Categories.Single(c => c.NodeId == "organisational-capacity").Status);
        Assert.Equal(PeerBand.TopQuarter, position.Categories.Single(c => c.NodeId == "organisational-capacity").Band);
        Assert.Equal(BenchmarkStatus.NotEnoughPeers, position.Categories.Single(c => c.NodeId == "context").Status);
    }

    [Fact]
    public void A_profile_holds_the_category_scores_of_a_result()
    {
        var instrument = InstrumentCatalog.Load("co-ready", "1.0");
        var result = AssessmentEvaluator.Evaluate(instrument, TinyInstrument.AllFavourable(instrument, "strategy-goals=no"));

        var profile = BenchmarkProfile.From(result);

        Assert.Equal(["organisational-capacity", "internal-co-creators", "context"], profile.Scores.Keys);
        Assert.Equal(new Ratio(19, 20), profile.Scores["organisational-capacity"]);
    }

    [Fact]
    public void Peers_of_another_instrument_are_refused()
    {
        var stranger = new BenchmarkProfile("co-serve", "1.0", new Dictionary<string, Ratio>());

        Assert.Throws<ArgumentException>(() => PeerBenchmark.Position(Organisation, [stranger]));
    }

    private static BenchmarkProfile Profile(string version, Ratio capacity, Ratio context) =>
        new("co-ready", version, new Dictionary<string, Ratio> { ["organisational-capacity"] = capacity, ["context"] = context });
}
