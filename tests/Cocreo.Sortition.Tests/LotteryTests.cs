namespace Cocreo.Sortition.Tests;

public class LotteryTests
{
    private static readonly Lazy<(SelectionInput Input, PanelDistribution Distribution)> ScottishLeximin = new(() =>
    {
        var input = Instances.Scotland();
        return (input, Leximin.Select(input.Pool, input.Quotas).Distribution!);
    });

    [Fact]
    public void The_revealed_seed_reproduces_the_draw_and_another_seed_draws_another_panel()
    {
        var (input, distribution) = ScottishLeximin.Value;
        var commitment = SeedCommitment.Commit("the organiser's secret");

        var draw = Lottery.Draw(distribution, "the organiser's secret", commitment: commitment);
        var again = Lottery.Draw(distribution, "the organiser's secret", commitment: commitment);
        var other = Lottery.Draw(distribution, "another secret");

        Assert.Equal(draw.Members, again.Members);
        Assert.Equal(draw.PanelIndex, again.PanelIndex);
        Assert.NotEqual(draw.Members, other.Members);
        Assert.Empty(input.Quotas.Violations(draw.Members.Select(id => input.Pool[id]).ToArray()));
        Assert.True(Lottery.Verify(distribution, draw).IsValid);
    }

    [Fact]
    public void A_public_value_announced_after_the_commitment_changes_the_draw()
    {
        var (_, distribution) = ScottishLeximin.Value;

        var without = Lottery.Draw(distribution, "seed");
        var with = Lottery.Draw(distribution, "seed", publicValue: "EuroMillions 2026-11-24: 3 17 22 41 48 + 2 9");

        Assert.NotEqual(without.Members, with.Members);
        Assert.True(Lottery.Verify(distribution, with).IsValid);
    }

    [Fact]
    public void A_seed_that_does_not_match_the_commitment_is_refused()
    {
        var (_, distribution) = ScottishLeximin.Value;

        var error = Assert.Throws<ArgumentException>(() => Lottery.Draw(distribution, "guessed", commitment: SeedCommitment.Commit("secret")));

        Assert.Contains("does not match the commitment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verification_catches_a_swapped_member_and_a_changed_distribution()
    {
        var (input, distribution) = ScottishLeximin.Value;
        var draw = Lottery.Draw(distribution, "seed");
        var outsider = input.Pool.People.First(p => !draw.Members.Contains(p.Id)).Id;
        var swapped = draw with { Members = [.. draw.Members.Skip(1).Append(outsider).Order(StringComparer.Ordinal)] };
        var changed = new PanelDistribution(distribution.PanelSize, distribution.Groups, distribution.Panels.Reverse());

        var swappedCheck = Lottery.Verify(distribution, swapped);
        var changedCheck = Lottery.Verify(changed, draw);

        Assert.False(swappedCheck.IsValid);
        Assert.Contains(swappedCheck.Problems, p => p.Contains(outsider, StringComparison.Ordinal));
        Assert.False(changedCheck.IsValid);
        Assert.Contains(changedCheck.Problems, p => p.Contains("digest", StringComparison.Ordinal));
    }

    [Fact]
    public void Over_many_seeds_everyone_is_drawn_as_often_as_their_probability_says()
    {
        var (input, distribution) = ScottishLeximin.Value;
        var probabilities = distribution.PersonProbabilities();
        const int draws = 4_000;

        var times = input.Pool.People.ToDictionary(p => p.Id, _ => 0);
        for (var i = 0; i < draws; i++)
        {
            foreach (var id in Lottery.Draw(distribution, $"seed {i}").Members)
            {
                times[id]++;
            }
        }

        // 150 binomial counts: each within 4.5 standard errors (a false alarm has probability below 1e-3 in total).
        foreach (var (id, count) in times)
        {
            var p = probabilities[id];
            var tolerance = 4.5 * Math.Sqrt(p * (1 - p) / draws);
            Assert.InRange((double)count / draws, p - tolerance, p + tolerance);
        }
    }

    [Fact]
    public void The_random_stream_is_sha256_of_the_key_and_a_counter_so_anyone_can_recompute_it()
    {
        // Expected values computed independently with Python's hashlib:
        //   key = sha256(len32("cocreo-lottery/1") + len32("seed") + len32("") + len32("abc")), block i = sha256(key + u64be(i)).
        var stream = new LotteryStream("seed", null, "abc");

        Assert.Equal(13812915352189668064UL, stream.NextUInt64());
        Assert.Equal(12601420084927881448UL, stream.NextUInt64());
        stream.NextUInt64();
        stream.NextUInt64();
        Assert.Equal(8909497670110426957UL, stream.NextUInt64());
    }

    [Fact]
    public void The_published_files_read_back_to_the_same_digest_and_draw()
    {
        var (input, distribution) = ScottishLeximin.Value;
        var draw = Lottery.Draw(distribution, "seed", commitment: SeedCommitment.Commit("seed"));

        using var distributionFile = new MemoryStream();
        PublishedFiles.WriteDistribution(distributionFile, distribution, input.Pool.Features, "leximin");
        using var drawFile = new MemoryStream();
        PublishedFiles.WriteDraw(drawFile, draw);
        distributionFile.Position = 0;
        drawFile.Position = 0;
        var published = PublishedFiles.ReadDistribution(distributionFile, "distribution.json");
        var readDraw = PublishedFiles.ReadDraw(drawFile, "draw.json");

        Assert.Equal(distribution.Digest(), published.Distribution.Digest());
        Assert.Equal(distribution.Digest(), published.StatedDigest);
        Assert.Equal(draw.Members, readDraw.Members);
        Assert.True(Lottery.Verify(published.Distribution, readDraw).IsValid);
    }

    [Fact]
    public void Rounding_to_a_uniform_lottery_keeps_every_panel_valid_and_moves_probabilities_little()
    {
        var (input, distribution) = ScottishLeximin.Value;
        const int panels = 1_000;

        var rounded = UniformLottery.Round(distribution, panels);

        Assert.Equal(panels, rounded.Lottery.Panels.Count);
        Assert.All(rounded.Lottery.Panels, p => Assert.Equal(1.0 / panels, p.Probability));
        Assert.Empty(rounded.Lottery.Problems(input.Pool, input.Quotas));
        var before = distribution.PersonProbabilities();
        var after = rounded.Lottery.PersonProbabilities();
        var largest = before.Max(p => Math.Abs(p.Value - after[p.Key]));
        Assert.Equal(largest, rounded.LargestDeviation, 1e-12);
        // Each person appears a whole number of times in 1,000 panels; rounding moves them by a few appearances at most.
        Assert.True(rounded.LargestDeviation <= 3.0 / panels, $"largest deviation {rounded.LargestDeviation}");
    }
}
