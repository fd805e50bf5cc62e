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
}
