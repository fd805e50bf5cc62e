namespace Cocreo.OpinionMap.Statistics;

/// <summary>
/// Polis' tests (stats.clj), with its +1 smoothing of every count. Ratios are formed from whole numbers and divided
/// once, as Clojure's exact ratios are, so equal fractions give equal doubles.
/// </summary>
internal static class ProportionTests
{
    /// <summary>Smoothed probability (1 + successes) / (2 + trials): Polis' pa and pd.</summary>
    public static double Smoothed(int successes, int trials) => (1.0 + successes) / (2.0 + trials);

    /// <summary>
    /// z for "the proportion is above one half": 2·√(n+1)·((s+1)/(n+1) − ½) (Polis' <c>prop-test</c>).
    /// </summary>
    public static double Proportion(int successes, int trials)
    {
        var s = successes + 1L;
        var n = trials + 1L;
        return 2 * Math.Sqrt(n) * (((double)s / n) + -0.5);
    }

    /// <summary>
    /// z for "the first proportion is above the second" (Polis' <c>two-prop-test</c>), 0 when the pooled proportion
    /// is 1.
    /// </summary>
    public static double TwoProportions(int successesIn, int successesOut, int trialsIn, int trialsOut)
    {
        Int128 a = successesIn + 1L, b = trialsIn + 1L, c = successesOut + 1L, d = trialsOut + 1L;
        var pooledSuccesses = a + c;
        var pooledTrials = b + d;
        if (pooledSuccesses == pooledTrials)
        {
            return 0;
        }
        var difference = (double)((a * d) - (c * b)) / (double)(b * d);
        var variance = (double)(pooledSuccesses * (pooledTrials - pooledSuccesses) * (b + d))
            / (double)(pooledTrials * pooledTrials * b * d);
        return difference / Math.Sqrt(variance);
    }

    /// <summary>(1 + a)/(2 + n) divided by (1 + a′)/(2 + n′), formed as one fraction (Polis' ra and rd).</summary>
    public static double RatioOfSmoothed(int successesIn, int trialsIn, int successesOut, int trialsOut) =>
        (double)((1L + successesIn) * (2L + trialsOut)) / ((2L + trialsIn) * (1L + successesOut));
}
