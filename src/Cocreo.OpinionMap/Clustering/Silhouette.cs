namespace Cocreo.OpinionMap.Clustering;

/// <summary>
/// The silhouette coefficient of a clustering of points (Polis' <c>silhouette</c> in clusters.clj): for each point,
/// (b − a) / max(a, b) with a its mean distance to the rest of its own cluster and b its smallest mean distance to
/// another cluster; 0 for a point alone in its cluster. The clustering's silhouette is the plain mean over points.
/// </summary>
internal static class Silhouette
{
    /// <param name="data">The points (Polis: base-cluster centres; unweighted here, as in Polis).</param>
    /// <param name="clusters">A clustering of those points.</param>
    public static double Of(ClusterPoints data, IReadOnlyList<KCluster> clusters)
    {
        var total = 0.0;
        var count = 0;
        foreach (var own in clusters)
        {
            foreach (var point in own.Members)
            {
                total += OfPoint(data, clusters, own, point);
                count++;
            }
        }
        return count == 0 ? 0.0 : total / count;
    }

    private static double OfPoint(ClusterPoints data, IReadOnlyList<KCluster> clusters, KCluster own, int point)
    {
        if (own.Members.Count == 1)
        {
            return 0.0;
        }
        var a = MeanDistance(data, point, own.Members);
        var b = double.PositiveInfinity;
        foreach (var other in clusters)
        {
            if (other != own)
            {
                b = Math.Min(b, MeanDistance(data, point, other.Members));
            }
        }
        if (double.IsPositiveInfinity(b))
        {
            // One cluster only: Polis would fail here; there is no separation to speak of.
            return 0.0;
        }
        var larger = Math.Max(a, b);
        return larger == 0 ? 0.0 : (b - a) / larger;
    }

    private static double MeanDistance(ClusterPoints data, int point, List<int> members)
    {
        var sum = 0.0;
        var count = 0;
        foreach (var member in members)
        {
            if (member != point)
            {
                sum += KMeans.Distance(data.X[point], data.Y[point], data.X[member], data.Y[member]);
                count++;
            }
        }
        return sum / count;
    }
}
