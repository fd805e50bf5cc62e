using Cocreo.OpinionMap.Clustering;

namespace Cocreo.OpinionMap.Tests;

public class ClusteringTests
{
    private static readonly ParallelOptions Parallel = new();

    private static ClusterPoints Points(params (double X, double Y)[] positions) =>
        new([.. Enumerable.Range(100, positions.Length)], [.. positions.Select(p => p.X)], [.. positions.Select(p => p.Y)]);

    [Fact]
    public void A_fresh_k_means_starts_from_the_first_k_distinct_points()
    {
        // Points 0 and 1 coincide, so the starting centres are points 0 and 2; one step assigns everyone from there.
        var data = Points((0, 0), (0, 0), (1, 0), (10, 0), (11, 0));

        var oneStep = KMeans.Run(data, 2, null, 0, Parallel);
        var converged = KMeans.Run(data, 2, null, 20, Parallel);

        Assert.Equal([0, 1], oneStep.Select(c => c.Id));
        Assert.Equal([0, 1], oneStep[0].Members);
        Assert.Equal([2, 3, 4], oneStep[1].Members);
        Assert.Equal([0, 1, 2], converged[0].Members);
    }

    [Fact]
    public void Starting_from_fewer_clusters_than_k_splits_off_the_most_distant_point()
    {
        var data = Points((0, 0), (1, 0), (10, 0), (11, 0));
        var previous = new[] { new PreviousCluster(7, [100, 101, 102, 103], 5, 0) };

        var clusters = KMeans.Run(data, 2, previous, 20, Parallel);

        Assert.Equal([7, 8], clusters.Select(c => c.Id));
        Assert.Equal([0, 1], clusters[0].Members);
        Assert.Equal([2, 3], clusters[1].Members);
    }

    [Fact]
    public void A_cluster_left_without_members_is_dropped()
    {
        var data = Points((0, 0), (1, 0));
        var previous = new[] { new PreviousCluster(1, [100], 0, 0), new PreviousCluster(2, [101], 1, 0), new PreviousCluster(3, [999], 50, 50) };

        var clusters = KMeans.Run(data, 3, previous, 20, Parallel);

        Assert.Equal([1, 2], clusters.Select(c => c.Id));
    }

    [Fact]
    public void Weighted_points_pull_the_centre_towards_them()
    {
        var data = new ClusterPoints([1, 2], [0, 4], [0, 0], [3, 1]);

        var clusters = KMeans.Run(data, 1, null, 20, Parallel);

        Assert.Equal(1.0, clusters[0].X, 12);
    }

    [Fact]
    public void Well_separated_clusters_have_a_silhouette_near_one_and_a_lone_point_counts_zero()
    {
        var data = Points((0, 0), (0.1, 0), (10, 0), (10.1, 0), (50, 50));
        var clusters = new List<KCluster>
        {
            new(0, [0, 1], 0.05, 0), new(1, [2, 3], 10.05, 0), new(2, [4], 50, 50),
        };

        var silhouette = Silhouette.Of(data, clusters);

        // Four points at about 0.99, the lone point 0: mean about 0.79.
        Assert.InRange(silhouette, 0.78, 0.8);
    }

    [Fact]
    public void Skipping_points_whose_nearest_centre_cannot_change_gives_plain_Lloyd_steps()
    {
        var random = new Random(11);
        var data = Points([.. Enumerable.Range(0, 3000).Select(_ => (random.NextDouble() * 10, random.NextDouble() * 10))]);

        var clusters = KMeans.Run(data, 25, null, 100, Parallel);

        Assert.Equal(PlainLloyd(data, 25, 100), clusters.Select(c => c.Members.ToArray()));
    }

    [Fact]
    public void The_k_means_for_few_points_takes_the_same_steps_as_the_general_one()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 200; trial++)
        {
            var count = random.Next(2, 120);
            var data = new ClusterPoints([.. Enumerable.Range(0, count)],
                [.. Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * 6, 1))],
                [.. Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * 4, 1))],
                [.. Enumerable.Range(0, count).Select(_ => (double)random.Next(1, 30))]);
            var k = random.Next(1, 6);
            var seeds = KMeans.SeededStart(data, k, new SplitMix64((ulong)trial));

            var general = KMeans.Iterate(data, [.. seeds.Select(c => new KCluster(c.Id, [], c.X, c.Y))], trial % 25, Parallel);
            var few = KMeans.IterateFew(data, seeds, trial % 25);

            Assert.Equal(general.Select(c => (c.Id, c.X, c.Y)), few.Select(c => (c.Id, c.X, c.Y)));
            Assert.Equal(general.Select(c => c.Members), few.Select(c => c.Members));
        }
    }

    [Fact]
    public void Seeded_starts_are_drawn_from_the_seed_alone()
    {
        var data = Points((0, 0), (1, 0), (10, 0), (11, 0), (5, 5));

        var first = KMeans.SeededStart(data, 3, SplitMix64.For(7, 2, 0));
        var again = KMeans.SeededStart(data, 3, SplitMix64.For(7, 2, 0));
        var other = Enumerable.Range(1, 20).Select(s => KMeans.SeededStart(data, 3, SplitMix64.For(7, 2, s)));

        Assert.Equal(first.Select(c => (c.X, c.Y)), again.Select(c => (c.X, c.Y)));
        Assert.Contains(other, o => !o.Select(c => (c.X, c.Y)).SequenceEqual(first.Select(c => (c.X, c.Y))));
        Assert.Equal(3, first.Select(c => (c.X, c.Y)).Distinct().Count());
    }

    /// <summary>Polis' k-means written the obvious way: every point against every centre at every step.</summary>
    private static List<int[]> PlainLloyd(ClusterPoints data, int k, int maxIterations)
    {
        var centres = Enumerable.Range(0, data.Count).Select(i => (data.X[i], data.Y[i])).Distinct().Take(k).ToList();
        for (var remaining = maxIterations; ; remaining--)
        {
            var members = centres.Select(_ => new List<int>()).ToArray();
            for (var i = 0; i < data.Count; i++)
            {
                var best = 0;
                for (var c = 1; c < centres.Count; c++)
                {
                    if (Squared(data, i, centres[c]) <= Squared(data, i, centres[best]))
                    {
                        best = c;
                    }
                }
                members[best].Add(i);
            }
            var kept = members.Where(m => m.Count > 0).ToList();
            var next = kept.Select(m => (m.Average(i => data.X[i]), m.Average(i => data.Y[i]))).ToList();
            var same = centres.Order().Zip(next.Order()).All(p => Math.Sqrt(Squared(p.First, p.Second)) < 0.01);
            if (remaining <= 0 || same)
            {
                return [.. kept.Select(m => m.ToArray())];
            }
            centres = next;
        }
    }

    private static double Squared(ClusterPoints data, int i, (double X, double Y) centre) => Squared((data.X[i], data.Y[i]), centre);

    private static double Squared((double X, double Y) a, (double X, double Y) b) => ((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y));
}
