using System.Text.Json;
using Cocreo.Testing;

namespace Cocreo.OpinionMap.Tests.Conformance;

/// <summary>
/// The opinion groups red-dwarf 0.4.0 (polis-community/red-dwarf, an independent Python implementation of Polis' math)
/// computed for a Polis open-data export: ../shared/data/polis/reddwarf-groups/NAME.json, made by reddwarf_groups.py
/// beside it (votes.csv deduplicated to each participant's latest vote, statements with moderated −1 left out,
/// random_state 0).
/// </summary>
internal sealed record RedDwarfGroups(string Name, int GroupCount, IReadOnlyDictionary<int, int> GroupOf)
{
    public static TheoryData<string> All => ["vtaiwan.uberx", "15-per-hour-seattle", "canadian-electoral-reform"];

    public static RedDwarfGroups Load(string name)
    {
        var path = Path.Combine(SharedData.Require("polis/reddwarf-groups"), name + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var groupOf = document.RootElement.GetProperty("participant_group").EnumerateObject()
            .ToDictionary(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => p.Value.GetInt32());
        return new RedDwarfGroups(name, document.RootElement.GetProperty("groups").GetInt32(), groupOf);
    }
}

/// <summary>
/// Red-dwarf's rule for the groups (its <c>run_clusterer</c> with <c>init="polis"</c>), written here from its
/// description to show where its groups come from: no base clusters; for each k from 2 to 5, scikit-learn's k-means
/// (Lloyd steps, unweighted) on the participants' positions, started from the first k rows of the participants'
/// distinct positions sorted by x then y (numpy's <c>unique</c> sorts), stopping when no participant changes group or
/// the centres move in total (squared) less than 1e-4 of the mean variance of x and y; the k with the highest
/// silhouette over participants wins, the smaller k on a tie.
/// </summary>
internal static class RedDwarfRule
{
    public static int[] Groups(IReadOnlyList<(double X, double Y)> points)
    {
        int[]? best = null;
        var bestSilhouette = double.NegativeInfinity;
        for (var k = 2; k <= 5; k++)
        {
            var labels = KMeans(points, k);
            var silhouette = Silhouette(points, labels);
            if (silhouette > bestSilhouette)
            {
                (best, bestSilhouette) = (labels, silhouette);
            }
        }
        return best!;
    }

    private static int[] KMeans(IReadOnlyList<(double X, double Y)> points, int k)
    {
        var start = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).Take(k).ToArray();
        var cx = start.Select(p => p.X).ToArray();
        var cy = start.Select(p => p.Y).ToArray();
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var tolerance = 1e-4 * (points.Average(p => (p.X - meanX) * (p.X - meanX)) + points.Average(p => (p.Y - meanY) * (p.Y - meanY))) / 2;
        var labels = new int[points.Count];
        var previous = Enumerable.Repeat(-1, points.Count).ToArray();
        for (var step = 0; step < 300; step++)
        {
            Assign(points, cx, cy, labels);
            var sumX = new double[k];
            var sumY = new double[k];
            var count = new int[k];
            for (var i = 0; i < points.Count; i++)
            {
                sumX[labels[i]] += points[i].X;
                sumY[labels[i]] += points[i].Y;
                count[labels[i]]++;
            }
            var shift = 0.0;
            for (var c = 0; c < k; c++)
            {
                var (x, y) = count[c] == 0 ? (cx[c], cy[c]) : (sumX[c] / count[c], sumY[c] / count[c]);
                shift += ((x - cx[c]) * (x - cx[c])) + ((y - cy[c]) * (y - cy[c]));
                (cx[c], cy[c]) = (x, y);
            }
            if (labels.SequenceEqual(previous))
            {
                return labels;
            }
            Array.Copy(labels, previous, labels.Length);
            if (shift <= tolerance)
            {
                break;
            }
        }
        Assign(points, cx, cy, labels);
        return labels;
    }

    private static void Assign(IReadOnlyList<(double X, double Y)> points, double[] cx, double[] cy, int[] labels)
    {
        for (var i = 0; i < points.Count; i++)
        {
            var best = 0;
            var bestDistance = double.PositiveInfinity;
            for (var c = 0; c < cx.Length; c++)
            {
                var distance = ((points[i].X - cx[c]) * (points[i].X - cx[c])) + ((points[i].Y - cy[c]) * (points[i].Y - cy[c]));
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (c, distance);
                }
            }
            labels[i] = best;
        }
    }

    /// <summary>The mean silhouette over points (0 for a point alone in its group).</summary>
    public static double Silhouette(IReadOnlyList<(double X, double Y)> points, int[] labels)
    {
        var k = labels.Max() + 1;
        var size = new int[k];
        foreach (var label in labels)
        {
            size[label]++;
        }
        var total = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            if (size[labels[i]] == 1)
            {
                continue;
            }
            var sums = new double[k];
            for (var j = 0; j < points.Count; j++)
            {
                if (j != i)
                {
                    sums[labels[j]] += Math.Sqrt(((points[i].X - points[j].X) * (points[i].X - points[j].X)) + ((points[i].Y - points[j].Y) * (points[i].Y - points[j].Y)));
                }
            }
            var a = sums[labels[i]] / (size[labels[i]] - 1);
            var b = Enumerable.Range(0, k).Where(c => c != labels[i] && size[c] > 0).Min(c => sums[c] / size[c]);
            total += (b - a) / Math.Max(a, b);
        }
        return total / points.Count;
    }

    /// <summary>The share of the points' spread that a grouping explains: 1 − within-group / total sum of squares.</summary>
    public static double ExplainedSpread(IReadOnlyList<(double X, double Y)> points, IReadOnlyList<int> labels)
    {
        double Within(IReadOnlyList<int> groups) => points
            .Select((p, i) => (p, Group: groups[i]))
            .GroupBy(x => x.Group)
            .Sum(g =>
            {
                var mx = g.Average(x => x.p.X);
                var my = g.Average(x => x.p.Y);
                return g.Sum(x => ((x.p.X - mx) * (x.p.X - mx)) + ((x.p.Y - my) * (x.p.Y - my)));
            });
        return 1 - (Within(labels) / Within(new int[points.Count]));
    }
}
