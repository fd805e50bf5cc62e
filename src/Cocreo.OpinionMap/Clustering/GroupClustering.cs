namespace Cocreo.OpinionMap.Clustering;

/// <summary>One number of groups, clustered.</summary>
/// <param name="Shown">The groups kept (clusters of base clusters, sorted by id): Polis' own unless a seeded start did clearly better.</param>
/// <param name="Best">The clustering with the least within-group spread found (Polis' own start included).</param>
/// <param name="BestExplainedSpread">The share of the base clusters' total spread <paramref name="Best"/> explains (1 − within / total).</param>
/// <param name="PolisStartExplainedSpread">The same for the groups Polis' own start reached.</param>
/// <param name="SeededStartShown">Whether the groups kept came from a seeded start.</param>
internal sealed record GroupClusteringResult(List<KCluster> Shown, List<KCluster> Best, double BestExplainedSpread,
    double PolisStartExplainedSpread, bool SeededStartShown);

/// <summary>
/// The opinion groups for one number of groups: Polis' k-means of the base clusters (weighted by size) from Polis' own
/// start (the previous map's groups, or without them the first k distinct base-cluster positions), checked against
/// seeded k-means++ starts. K-means only finds a local optimum, and Polis' start can stop at a poor one (on
/// canadian-electoral-reform from scratch, two groups that explain 19.5% of the spread where 42.5% is reachable),
/// which also misleads the silhouette that picks the number of groups. So the silhouette is measured on the best
/// clustering found (least within-group spread), and the groups kept are Polis' own unless the best explains clearly
/// more of the spread (<see cref="OpinionMapOptions.GroupStartImprovement"/>): a warm start that is about as good
/// keeps the groups from jumping between near-equal optima as votes arrive.
/// </summary>
internal static class GroupClustering
{
    public static GroupClusteringResult Run(ClusterPoints data, int k, IReadOnlyList<PreviousCluster>? previous,
        OpinionMapOptions options, ParallelOptions parallel)
    {
        var polis = KMeans.Run(data, k, previous, options.GroupClusterIterations, parallel);
        var total = KMeans.TotalSpread(data);
        var polisWithin = KMeans.WithinSpread(data, polis);
        var polisExplained = Explained(polisWithin, total);
        var best = polis;
        var bestWithin = polisWithin;
        for (var start = 0; start < options.GroupStarts && total > 0; start++)
        {
            var seeds = KMeans.SeededStart(data, k, SplitMix64.For(options.Seed, k, start));
            var clusters = KMeans.IterateFew(data, seeds, options.GroupClusterIterations);
            var within = KMeans.WithinSpread(data, clusters);
            // Strictly less only: on a tie Polis' start, then the earlier seeded start, stays.
            if (within < bestWithin)
            {
                (best, bestWithin) = (clusters, within);
            }
        }
        if (ReferenceEquals(best, polis))
        {
            return new GroupClusteringResult(polis, polis, polisExplained, polisExplained, false);
        }
        best = IdsFrom(best, polis, data);
        var bestExplained = Explained(bestWithin, total);
        var replace = polisWithin - bestWithin > options.GroupStartImprovement * total;
        return new GroupClusteringResult(replace ? best : polis, best, bestExplained, polisExplained, replace);
    }

    private static double Explained(double within, double total) => total > 0 ? 1 - (within / total) : 0.0;

    /// <summary>
    /// Gives the replacing clusters the ids of the clusters they overlap most (by weight) in Polis' result, which carry
    /// the previous map's ids, so a group keeps its id where it mostly stays; the rest get the ids left over, then new ones.
    /// </summary>
    private static List<KCluster> IdsFrom(List<KCluster> replacing, List<KCluster> polis, ClusterPoints data)
    {
        var clusterOfPoint = new int[data.Count];
        foreach (var cluster in polis)
        {
            foreach (var point in cluster.Members)
            {
                clusterOfPoint[point] = cluster.Id;
            }
        }
        var overlaps = new List<(double Weight, int Index, int Id)>();
        for (var index = 0; index < replacing.Count; index++)
        {
            var weightById = new SortedDictionary<int, double>();
            foreach (var point in replacing[index].Members)
            {
                weightById[clusterOfPoint[point]] = weightById.GetValueOrDefault(clusterOfPoint[point]) + data.Weight(point);
            }
            overlaps.AddRange(weightById.Select(pair => (pair.Value, index, pair.Key)));
        }
        var idOfIndex = new int?[replacing.Count];
        var taken = new HashSet<int>();
        foreach (var (_, index, id) in overlaps.OrderByDescending(o => o.Weight).ThenBy(o => o.Index).ThenBy(o => o.Id))
        {
            if (idOfIndex[index] is null && taken.Add(id))
            {
                idOfIndex[index] = id;
            }
        }
        // Clusters that overlap only ids already given take the ids left over, in order, then new ones.
        var unused = new Queue<int>(polis.Select(c => c.Id).Where(id => !taken.Contains(id)).Order());
        var nextId = polis.Count == 0 ? 0 : polis.Max(c => c.Id) + 1;
        var result = new List<KCluster>(replacing.Count);
        for (var index = 0; index < replacing.Count; index++)
        {
            var id = idOfIndex[index] ?? (unused.Count > 0 ? unused.Dequeue() : nextId++);
            result.Add(new KCluster(id, replacing[index].Members, replacing[index].X, replacing[index].Y));
        }
        result.Sort((a, b) => a.Id.CompareTo(b.Id));
        return result;
    }
}
