using System.Globalization;
using Cocreo.Testing;

namespace Cocreo.Sortition.Tests;

public class LegacyTests
{
    [Fact]
    public void The_simulation_matches_the_exact_probabilities_within_sampling_error()
    {
        var input = Instances.Paper("example_small_20", 20);
        const int runs = 10_000;

        var simulated = Legacy.Estimate(input.Pool, input.Quotas, runs, new Random(1));
        var (exact, variance) = LegacyExact.ByGroup(input);

        var groups = ProfileGroup.Form(input.Pool, input.Quotas);
        foreach (var group in groups)
        {
            var estimate = group.MemberIds.Average(id => simulated.Probabilities.Single(p => p.Id == id).Probability);
            // The group's mean estimate is its seats per run over its size, averaged over the runs: 4.5 standard errors,
            // plus rounding for a group whose seats never vary (its standard error is 0).
            var tolerance = 4.5 * Math.Sqrt(variance[group.Index] / runs) / group.Size + 1e-12;
            Assert.InRange(estimate, exact[group.Index] - tolerance, exact[group.Index] + tolerance);
        }
    }

    [Theory]
    [InlineData("example_small_20", 20, 0.0096)]
    [InlineData("example_large_200", 200, 0.0014)]
    public void The_papers_legacy_estimates_of_the_least_likely_person_agree_with_the_exact_probability(string instance, int k, double statedSample)
    {
        var input = Instances.Paper(instance, k);
        var (exact, _) = LegacyExact.ByGroup(input);
        var lowest = exact.Min();
        var curve = ReferenceCurve(instance, "Legacy");

        // The paper's figures are proportions from 10,000 draws each: they must lie within 3.29 binomial standard
        // errors (99.9%) of the exact value. The lowest point of the curve and the sample proportion of the statistics
        // file come from two separate simulations.
        var tolerance = 3.29 * Math.Sqrt(lowest * (1 - lowest) / 10_000);
        Assert.InRange(curve.Min(), lowest - tolerance, lowest + tolerance);
        Assert.InRange(statedSample, lowest - tolerance, lowest + tolerance);
    }

    [Fact]
    public void The_simulated_curve_matches_the_papers_curve_by_a_two_sample_kolmogorov_smirnov_test()
    {
        var input = Instances.Paper("example_small_20", 20);
        var reference = ReferenceCurve("example_small_20", "Legacy");

        var simulated = Legacy.Estimate(input.Pool, input.Quotas, 10_000, new Random(7)).Probabilities.Select(p => p.Probability).ToArray();

        // Both curves are the sorted estimates of 200 people from 10,000 draws each. Apart from the lone conservative
        // woman, everyone's exact probability is within a fraction of a standard error of 10% (see the exact test
        // above), so each curve is close to a sample of 200 nearly independent binomial proportions (a fixed panel size
        // correlates two people's counts only by about -1/n). The two-sample Kolmogorov-Smirnov test then bounds the
        // largest gap between the two empirical distribution functions: at the 0.1% level, 1.949·√(2/200).
        Assert.Equal(reference.Length, simulated.Length);
        Assert.True(KolmogorovSmirnov(reference, simulated) <= 1.949 * Math.Sqrt(2.0 / 200));
    }

    [Fact]
    public void The_papers_leximin_curve_is_what_leximin_gives()
    {
        var input = Instances.Paper("example_small_20", 20);
        var reference = ReferenceCurve("example_small_20", "LexiMin");

        var leximin = Leximin.Select(input.Pool, input.Quotas).Probabilities.Select(p => p.Probability).Order().ToArray();

        // The file rounds to four decimals.
        Assert.Equal(reference, leximin, (a, b) => Math.Abs(a - b) < 5e-5);
    }

    [Fact]
    public void Every_legacy_panel_meets_the_quotas_and_the_same_seed_gives_the_same_panel()
    {
        var input = Instances.Scotland();

        for (var seed = 0; seed < 50; seed++)
        {
            var panel = Legacy.SelectPanel(input.Pool, input.Quotas, new Random(seed));
            Assert.NotNull(panel);
            Assert.Empty(input.Quotas.Violations(panel));
            Assert.Equal(panel.Select(p => p.Id), Legacy.SelectPanel(input.Pool, input.Quotas, new Random(seed))!.Select(p => p.Id));
        }
    }

    [Fact]
    public void Legacy_gives_the_lone_conservative_woman_far_less_than_leximin_does()
    {
        var input = Instances.Paper("example_small_20", 20);

        var legacy = Legacy.Estimate(input.Pool, input.Quotas, 2_000, new Random(3));
        var leximin = Leximin.Select(input.Pool, input.Quotas);

        Assert.True(legacy.Statistics.Minimum < 0.03);
        Assert.Equal(0.1, leximin.Statistics.Minimum, 1e-6);
        Assert.True(legacy.Statistics.ShareBelow(leximin.Statistics.Minimum) > 0.2);
    }

    private static double[] ReferenceCurve(string instance, string algorithm) =>
        File.ReadLines(SharedData.Require($"sortition/{instance}/reference_prob_allocs_data.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => fields[0] == algorithm)
            .Select(fields => double.Parse(fields[2], CultureInfo.InvariantCulture))
            .Order()
            .ToArray();

    private static double KolmogorovSmirnov(double[] a, double[] b)
    {
        var largest = 0.0;
        foreach (var x in a.Concat(b))
        {
            var fa = (double)a.Count(v => v <= x) / a.Length;
            var fb = (double)b.Count(v => v <= x) / b.Length;
            largest = Math.Max(largest, Math.Abs(fa - fb));
        }
        return largest;
    }
}
