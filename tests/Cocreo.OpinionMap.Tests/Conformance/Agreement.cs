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

    /// <summary>Hubert and Arabie's adjusted Rand index of two labellings of the same items (1: identical partitions).</summary>
    public static double AdjustedRandIndex(IReadOnlyList<int> first, IReadOnlyList<int> second)
    {
        static double Pairs(double n) => n * (n - 1) / 2;
        var n = first.Count;
        var together = Enumerable.Range(0, n).CountBy(i => (first[i], second[i])).Sum(c => Pairs(c.Value));
        var firstPairs = first.CountBy(x => x).Sum(c => Pairs(c.Value));
        var secondPairs = second.CountBy(x => x).Sum(c => Pairs(c.Value));
        var expected = firstPairs * secondPairs / Pairs(n);
        var maximum = (firstPairs + secondPairs) / 2;
        return maximum == expected ? 1.0 : (together - expected) / (maximum - expected);
    }
}
