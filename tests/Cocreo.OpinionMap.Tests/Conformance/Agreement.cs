namespace Cocreo.OpinionMap.Tests.Conformance;

/// <summary>Measures of how far two results agree.</summary>
internal static class Agreement
{
    /// <summary>|cos| of the angle between two vectors: 1 when they point the same way or opposite ways.</summary>
    public static double AbsoluteCosine(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return Math.Abs(dot) / Math.Sqrt(aa * bb);
    }

    /// <summary>
    /// The largest share of points that one straight line puts on the side of their own group (two groups), searched
    /// over directions every quarter of a degree and every threshold between sorted points: 1 when the groups are split
    /// by a line.
    /// </summary>
    public static double BestStraightLineSplit(IReadOnlyList<(double X, double Y, bool InFirstGroup)> points)
    {
        var inFirst = points.Count(p => p.InFirstGroup);
        var best = 0;
        for (var step = 0; step < 1440; step++)
        {
            var angle = step * Math.PI / 720;
            var sorted = points
                .Select(p => (Along: (p.X * Math.Cos(angle)) + (p.Y * Math.Sin(angle)), p.InFirstGroup))
                .OrderBy(p => p.Along)
                .ToList();
            // The first group below the threshold, the second above it (the opposite way is another direction).
            var firstBelow = 0;
            for (var below = 0; below <= sorted.Count; below++)
            {
                // A threshold lies between two different positions: points at the same place are on the same side.
                if (below == 0 || below == sorted.Count || sorted[below - 1].Along < sorted[below].Along)
                {
                    var secondAbove = sorted.Count - below - (inFirst - firstBelow);
                    best = Math.Max(best, firstBelow + secondAbove);
                }
                if (below < sorted.Count && sorted[below].InFirstGroup)
                {
                    firstBelow++;
                }
            }
        }
        return (double)best / points.Count;
    }
}
