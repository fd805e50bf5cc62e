namespace Cocreo.OpinionMap.Clustering;

/// <summary>Points to cluster, in a fixed order: names (participant or base-cluster ids), positions and weights.</summary>
internal sealed class ClusterPoints(int[] names, double[] x, double[] y, double[]? weights = null)
{
    public int[] Names { get; } = names;

    public double[] X { get; } = x;

    public double[] Y { get; } = y;

    public double[]? Weights { get; } = weights;

    public int Count => Names.Length;

    public double Weight(int point) => Weights is null ? 1.0 : Weights[point];
}

/// <summary>A cluster during k-means: its id, its member points (indices into <see cref="ClusterPoints"/>) and centre.</summary>
internal sealed class KCluster(int id, List<int> members, double x, double y)
{
    public int Id { get; } = id;

    public List<int> Members { get; set; } = members;

    public double X { get; set; } = x;

    public double Y { get; set; } = y;
}

/// <summary>A cluster remembered from an earlier computation: its id, member names and centre.</summary>
internal readonly record struct PreviousCluster(int Id, IReadOnlyList<int> Members, double X, double Y);

/// <summary>
/// Polis' k-means (clusters.clj): a fresh run starts from the first k distinct points; a later run starts from the
/// previous clusters (<c>clean-start-clusters</c>: recentre them on the new positions, merge identical ones, then
/// split off the most distant point until there are k clusters or no more distinct points). Each step assigns every
/// point to its nearest centre and drops empty clusters; it stops when no centre moves by 0.01 or more.
/// </summary>
internal static class KMeans
{
    private const double SameCentreDistance = 0.01;

    /// <summary>Clusters sorted by id.</summary>
    public static List<KCluster> Run(ClusterPoints data, int k, IReadOnlyList<PreviousCluster>? previous, int maxIterations,
        ParallelOptions parallel) =>
        Iterate(data, previous is { Count: > 0 } ? CleanStart(data, previous, k) : Initial(data, k), maxIterations, parallel);

    /// <summary>
    /// K-means from the given starting clusters (their centres are what counts; members may be empty), with Polis'
    /// steps and stopping rule. Clusters sorted by id.
    /// </summary>
    public static List<KCluster> Iterate(ClusterPoints data, List<KCluster> clusters, int maxIterations, ParallelOptions parallel)
    {
        var nearest = new NearestCentres(data);
        for (var remaining = maxIterations; ; remaining--)
        {
            var next = Step(data, clusters, nearest, parallel);
            if (remaining <= 0 || SameClustering(clusters, next))
            {
                next.Sort((a, b) => a.Id.CompareTo(b.Id));
                return next;
            }
            clusters = next;
        }
    }

    /// <summary>
    /// <see cref="Iterate"/> for few points and clusters (the group step: at most one point per base cluster, at most a
    /// handful of groups), without threads, bounds or allocations per step, so that many seeded starts cost little.
    /// The same steps and stopping rule: each point to its nearest centre (the later cluster on a tie), empty clusters
    /// dropped, centres moved to their members' weighted mean, stop when no sorted centre moved by 0.01.
    /// </summary>
    public static List<KCluster> IterateFew(ClusterPoints data, List<KCluster> start, int maxIterations)
    {
        var count = start.Count;
        var ids = start.Select(c => c.Id).ToArray();
        var cx = start.Select(c => c.X).ToArray();
        var cy = start.Select(c => c.Y).ToArray();
        var nextIds = new int[count];
        var nextX = new double[count];
        var nextY = new double[count];
        var sumX = new double[count];
        var sumY = new double[count];
        var sumWeight = new double[count];
        var size = new int[count];
        var label = new int[data.Count];
        var sortedBefore = new (double X, double Y)[count];
        var sortedAfter = new (double X, double Y)[count];
        for (var remaining = maxIterations; ; remaining--)
        {
            Array.Clear(sumX, 0, count);
            Array.Clear(sumY, 0, count);
            Array.Clear(sumWeight, 0, count);
            Array.Clear(size, 0, count);
            for (var i = 0; i < data.Count; i++)
            {
                var best = -1;
                var bestDistance = double.PositiveInfinity;
                for (var c = 0; c < count; c++)
                {
                    var dx = data.X[i] - cx[c];
                    var dy = data.Y[i] - cy[c];
                    var squared = (dx * dx) + (dy * dy);
                    if (squared <= bestDistance)
                    {
                        (best, bestDistance) = (c, squared);
                    }
                }
                label[i] = best;
                var weight = data.Weight(i);
                sumX[best] += weight * data.X[i];
                sumY[best] += weight * data.Y[i];
                sumWeight[best] += weight;
                size[best]++;
            }
            // The clusters that kept members, in order, at their members' weighted mean; labels renumbered to match.
            var kept = 0;
            var renumber = new int[count];
            for (var c = 0; c < count; c++)
            {
                if (size[c] > 0)
                {
                    (nextIds[kept], nextX[kept], nextY[kept]) = (ids[c], sumX[c] / sumWeight[c], sumY[c] / sumWeight[c]);
                    renumber[c] = kept++;
                }
            }
            for (var i = 0; i < data.Count; i++)
            {
                label[i] = renumber[label[i]];
            }
            var same = remaining <= 0 || SameCentres(cx, cy, count, nextX, nextY, kept, sortedBefore, sortedAfter);
            (ids, nextIds) = (nextIds, ids);
            (cx, nextX) = (nextX, cx);
            (cy, nextY) = (nextY, cy);
            count = kept;
            if (same)
            {
                var members = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
                for (var i = 0; i < data.Count; i++)
                {
                    members[label[i]].Add(i);
                }
                var clusters = Enumerable.Range(0, count).Select(c => new KCluster(ids[c], members[c], cx[c], cy[c])).ToList();
                clusters.Sort((a, b) => a.Id.CompareTo(b.Id));
                return clusters;
            }
        }
    }

    /// <summary><see cref="SameClustering"/> on centre arrays: sorted, then compared pairwise.</summary>
    private static bool SameCentres(double[] ax, double[] ay, int aCount, double[] bx, double[] by, int bCount,
        (double X, double Y)[] sortedA, (double X, double Y)[] sortedB)
    {
        for (var c = 0; c < aCount; c++)
        {
            sortedA[c] = (ax[c], ay[c]);
        }
        for (var c = 0; c < bCount; c++)
        {
            sortedB[c] = (bx[c], by[c]);
        }
        Array.Sort(sortedA, 0, aCount);
        Array.Sort(sortedB, 0, bCount);
        for (var c = 0; c < Math.Min(aCount, bCount); c++)
        {
            if (Distance(sortedA[c].X, sortedA[c].Y, sortedB[c].X, sortedB[c].Y) >= SameCentreDistance)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The weighted sum of squared distances of the points to the centre of their cluster (the spread k-means
    /// minimises); with one cluster holding every point, the total spread.
    /// </summary>
    public static double WithinSpread(ClusterPoints data, IReadOnlyList<KCluster> clusters)
    {
        var spread = 0.0;
        foreach (var cluster in clusters.Where(c => c.Members.Count > 0))
        {
            var (x, y) = WeightedMean(data, cluster.Members);
            foreach (var i in cluster.Members)
            {
                var dx = data.X[i] - x;
                var dy = data.Y[i] - y;
                spread += data.Weight(i) * ((dx * dx) + (dy * dy));
            }
        }
        return spread;
    }

    /// <summary>The weighted spread of all points around their weighted mean.</summary>
    public static double TotalSpread(ClusterPoints data) =>
        data.Count == 0 ? 0.0 : WithinSpread(data, [new KCluster(0, [.. Enumerable.Range(0, data.Count)], 0, 0)]);

    /// <summary>
    /// A k-means++ start (Arthur and Vassilvitskii 2007), weighted: the first centre is a point drawn with probability
    /// proportional to its weight, each further centre a point drawn with probability proportional to its weight times
    /// its squared distance to the nearest centre so far. Fewer than k centres when there are fewer distinct positions.
    /// Empty clusters 0..k-1 at the drawn positions.
    /// </summary>
    public static List<KCluster> SeededStart(ClusterPoints data, int k, SplitMix64 random)
    {
        var clusters = new List<KCluster>(k);
        if (data.Count == 0 || k <= 0)
        {
            return clusters;
        }
        var chance = new double[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            chance[i] = data.Weight(i);
        }
        while (clusters.Count < k)
        {
            var point = Draw(chance, random);
            if (point < 0)
            {
                return clusters;
            }
            clusters.Add(new KCluster(clusters.Count, [], data.X[point], data.Y[point]));
            for (var i = 0; i < data.Count; i++)
            {
                var dx = data.X[i] - data.X[point];
                var dy = data.Y[i] - data.Y[point];
                var squared = (dx * dx) + (dy * dy);
                chance[i] = clusters.Count == 1 ? data.Weight(i) * squared : Math.Min(chance[i], data.Weight(i) * squared);
            }
        }
        return clusters;
    }

    /// <summary>A point drawn with probability proportional to its chance; −1 when every chance is 0.</summary>
    private static int Draw(double[] chance, SplitMix64 random)
    {
        var total = 0.0;
        foreach (var c in chance)
        {
            total += c;
        }
        if (!(total > 0))
        {
            return -1;
        }
        var target = random.NextDouble() * total;
        var last = -1;
        for (var i = 0; i < chance.Length; i++)
        {
            if (chance[i] <= 0)
            {
                continue;
            }
            last = i;
            target -= chance[i];
            if (target < 0)
            {
                return i;
            }
        }
        return last;
    }

    /// <summary>Polis' init-clusters: the first k distinct positions, in data order, as empty clusters 0..k-1.</summary>
    private static List<KCluster> Initial(ClusterPoints data, int k)
    {
        var clusters = new List<KCluster>();
        var seen = new HashSet<(double, double)>();
        for (var i = 0; i < data.Count && clusters.Count < k; i++)
        {
            if (seen.Add(Position(data, i)))
            {
                clusters.Add(new KCluster(clusters.Count, [], data.X[i], data.Y[i]));
            }
        }
        return clusters;
    }

    private static List<KCluster> CleanStart(ClusterPoints data, IReadOnlyList<PreviousCluster> previous, int k)
    {
        var indexOfName = new Dictionary<int, int>(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            indexOfName[data.Names[i]] = i;
        }

        // Recentre on the new positions, dropping clusters none of whose members are still in the data.
        var clusters = new List<KCluster>();
        foreach (var cluster in previous)
        {
            var members = cluster.Members.Where(indexOfName.ContainsKey).Select(name => indexOfName[name]).Order().ToList();
            if (members.Count > 0)
            {
                var (x, y) = WeightedMean(data, members);
                clusters.Add(new KCluster(cluster.Id, members, x, y));
            }
        }
        if (clusters.Count == 0)
        {
            var everyone = Enumerable.Range(0, data.Count).ToList();
            var (x, y) = WeightedMean(data, everyone);
            clusters.Add(new KCluster(previous.Max(c => c.Id) + 1, everyone, x, y));
        }

        // Merge clusters whose centres coincide; the merged cluster keeps the id of the larger one (the later on a tie).
        var unique = new List<KCluster>();
        foreach (var cluster in clusters)
        {
            var same = unique.FindIndex(u => u.X == cluster.X && u.Y == cluster.Y);
            if (same < 0)
            {
                unique.Add(cluster);
                continue;
            }
            var other = unique[same];
            var id = other.Members.Count > cluster.Members.Count ? other.Id : cluster.Id;
            unique[same] = new KCluster(id, [.. other.Members, .. cluster.Members], other.X, other.Y);
        }

        var possible = DistinctPositions(data, upTo: k);
        clusters = unique;
        while (true)
        {
            clusters.RemoveAll(c => c.Members.Count == 0);
            foreach (var cluster in clusters)
            {
                (cluster.X, cluster.Y) = WeightedMean(data, cluster.Members);
            }
            if (clusters.Count >= possible)
            {
                return clusters;
            }
            var (distance, outlier) = MostDistal(data, clusters);
            if (distance <= 0)
            {
                return clusters;
            }
            foreach (var cluster in clusters)
            {
                cluster.Members.Remove(outlier);
            }
            clusters.Add(new KCluster(clusters.Max(c => c.Id) + 1, [outlier], data.X[outlier], data.Y[outlier]));
        }
    }

    /// <summary>The point farthest from its nearest centre (Polis' most-distal; ties go to the later point).</summary>
    private static (double Distance, int Point) MostDistal(ClusterPoints data, List<KCluster> clusters)
    {
        var best = (Distance: double.NegativeInfinity, Point: -1);
        for (var i = 0; i < data.Count; i++)
        {
            var nearest = double.PositiveInfinity;
            foreach (var cluster in clusters)
            {
                nearest = Math.Min(nearest, Distance(data.X[i], data.Y[i], cluster.X, cluster.Y));
            }
            if (nearest >= best.Distance)
            {
                best = (nearest, i);
            }
        }
        return best;
    }

    /// <summary>One k-means step: nearest centre for each point (ties go to the later cluster), empty clusters dropped.</summary>
    private static List<KCluster> Step(ClusterPoints data, List<KCluster> clusters, NearestCentres nearestCentres, ParallelOptions parallel)
    {
        var nearest = nearestCentres.Assign([.. clusters.Select(c => c.X)], [.. clusters.Select(c => c.Y)], parallel);
        var members = clusters.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < data.Count; i++)
        {
            members[nearest[i]].Add(i);
        }
        var next = new List<KCluster>(clusters.Count);
        for (var c = 0; c < clusters.Count; c++)
        {
            if (members[c].Count > 0)
            {
                var (x, y) = WeightedMean(data, members[c]);
                next.Add(new KCluster(clusters[c].Id, members[c], x, y));
            }
        }
        return next;
    }

    /// <summary>Polis' same-clustering?: centres sorted, then compared pairwise.</summary>
    private static bool SameClustering(List<KCluster> a, List<KCluster> b)
    {
        var first = a.Select(c => (c.X, c.Y)).Order().ToArray();
        var second = b.Select(c => (c.X, c.Y)).Order().ToArray();
        for (var i = 0; i < Math.Min(first.Length, second.Length); i++)
        {
            if (Distance(first[i].X, first[i].Y, second[i].X, second[i].Y) >= SameCentreDistance)
            {
                return false;
            }
        }
        return true;
    }

    private static (double X, double Y) WeightedMean(ClusterPoints data, List<int> members)
    {
        double x = 0, y = 0, total = 0;
        foreach (var i in members)
        {
            var weight = data.Weight(i);
            x += weight * data.X[i];
            y += weight * data.Y[i];
            total += weight;
        }
        return (x / total, y / total);
    }

    /// <summary>How many distinct positions there are, counting no further than <paramref name="upTo"/>.</summary>
    private static int DistinctPositions(ClusterPoints data, int upTo)
    {
        var seen = new HashSet<(double, double)>();
        for (var i = 0; i < data.Count && seen.Count < upTo; i++)
        {
            seen.Add(Position(data, i));
        }
        return seen.Count;
    }

    // Adding 0.0 turns -0.0 into 0.0, so equal positions hash alike.
    private static (double, double) Position(ClusterPoints data, int i) => (data.X[i] + 0.0, data.Y[i] + 0.0);

    internal static double Distance(double x1, double y1, double x2, double y2)
    {
        var dx = x1 - x2;
        var dy = y1 - y2;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>
    /// The nearest centre of every point, as a full scan would find it, but skipping points whose nearest centre
    /// cannot have changed (Hamerly's bounds: an upper bound on the distance to the assigned centre and a lower bound
    /// on the distance to any other, moved by how far the centres moved). Late k-means steps and warm starts move the
    /// centres little, so most points are skipped.
    /// </summary>
    private sealed class NearestCentres(ClusterPoints data)
    {
        // Bounds are skipped on only with a margin, so that rounding never decides an assignment.
        private const double Margin = 1e-9;
        private readonly int[] nearest = new int[data.Count];
        private readonly double[] upper = new double[data.Count];
        private readonly double[] lower = new double[data.Count];
        private double[]? lastX;
        private double[]? lastY;

        public int[] Assign(double[] cx, double[] cy, ParallelOptions parallel)
        {
            var count = cx.Length;
            var incremental = lastX is not null && lastX.Length == count;
            var moved = new double[count];
            double largest = 0, secondLargest = 0;
            var largestAt = -1;
            if (incremental)
            {
                for (var c = 0; c < count; c++)
                {
                    moved[c] = Distance(lastX![c], lastY![c], cx[c], cy[c]);
                    if (moved[c] > largest)
                    {
                        (secondLargest, largest, largestAt) = (largest, moved[c], c);
                    }
                    else if (moved[c] > secondLargest)
                    {
                        secondLargest = moved[c];
                    }
                }
            }
            var blocks = (data.Count + 4095) / 4096;
            if (blocks <= 1)
            {
                // Few points (the group step has at most one per base cluster): no threads to start.
                AssignBlock(0, incremental, moved, largest, secondLargest, largestAt, cx, cy);
            }
            else
            {
                Parallel.For(0, blocks, parallel, block => AssignBlock(block, incremental, moved, largest, secondLargest, largestAt, cx, cy));
            }
            lastX = cx;
            lastY = cy;
            return nearest;
        }

        private void AssignBlock(int block, bool incremental, double[] moved, double largest, double secondLargest, int largestAt,
            double[] cx, double[] cy)
        {
            var end = Math.Min(data.Count, (block + 1) * 4096);
            for (var i = block * 4096; i < end; i++)
            {
                if (incremental)
                {
                    var assigned = nearest[i];
                    upper[i] += moved[assigned];
                    lower[i] -= assigned == largestAt ? secondLargest : largest;
                    if (upper[i] + Margin < lower[i])
                    {
                        continue;
                    }
                    upper[i] = Distance(data.X[i], data.Y[i], cx[assigned], cy[assigned]);
                    if (upper[i] + Margin < lower[i])
                    {
                        continue;
                    }
                }
                Scan(i, cx, cy);
            }
        }

        private void Scan(int i, double[] cx, double[] cy)
        {
            var best = -1;
            double bestDistance = double.PositiveInfinity, secondDistance = double.PositiveInfinity;
            for (var c = 0; c < cx.Length; c++)
            {
                var dx = data.X[i] - cx[c];
                var dy = data.Y[i] - cy[c];
                var squared = (dx * dx) + (dy * dy);
                if (squared <= bestDistance)
                {
                    (secondDistance, bestDistance, best) = (bestDistance, squared, c);
                }
                else if (squared < secondDistance)
                {
                    secondDistance = squared;
                }
            }
            nearest[i] = best;
            upper[i] = Math.Sqrt(bestDistance);
            lower[i] = Math.Sqrt(secondDistance);
        }
    }
}
