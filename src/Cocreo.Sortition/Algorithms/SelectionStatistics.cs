namespace Cocreo.Sortition;

/// <summary>
/// Summary statistics of a probability allocation, as reported by Flanigan et al. (2021): the minimum, the Gini
/// coefficient (0 = everyone equal), and the geometric mean (0 when anyone has probability 0).
/// </summary>
public sealed class SelectionStatistics
{
    private readonly double[] sorted;

    private SelectionStatistics(double[] sorted, double mean, double gini, double geometricMean)
    {
        this.sorted = sorted;
        Mean = mean;
        Gini = gini;
        GeometricMean = geometricMean;
    }

    /// <summary>The number of people.</summary>
    public int Count => sorted.Length;

    /// <summary>The lowest selection probability.</summary>
    public double Minimum => sorted.Length == 0 ? 0 : sorted[0];

    /// <summary>The highest selection probability.</summary>
    public double Maximum => sorted.Length == 0 ? 0 : sorted[^1];

    /// <summary>The mean (k/n when the probabilities are exact).</summary>
    public double Mean { get; }

    /// <summary>The Gini coefficient Σᵢ Σⱼ |pᵢ − pⱼ| / (2 n² mean).</summary>
    public double Gini { get; }

    /// <summary>The geometric mean (Π pᵢ)^(1/n).</summary>
    public double GeometricMean { get; }

    /// <summary>Computes the statistics of a list of probabilities.</summary>
    public static SelectionStatistics Of(IEnumerable<double> probabilities)
    {
        var p = probabilities.Order().ToArray();
        if (p.Length == 0)
        {
            return new SelectionStatistics([], 0, 0, 0);
        }
        var mean = p.Average();
        // With the values sorted, Σᵢ Σⱼ |pᵢ − pⱼ| = 2 Σᵢ (2i − n + 1) pᵢ (0-based i).
        var n = p.Length;
        var weighted = 0.0;
        for (var i = 0; i < n; i++)
        {
            weighted += (2.0 * i - n + 1) * p[i];
        }
        // Equal probabilities can sum to a rounding error below zero; the coefficient itself never is.
        var gini = mean > 0 ? Math.Max(0, weighted / ((double)n * n * mean)) : 0;
        var geometric = p[0] <= 0 ? 0 : Math.Exp(p.Average(Math.Log));
        return new SelectionStatistics(p, mean, gini, geometric);
    }

    /// <summary>The share of people whose probability is below a threshold, e.g. below LEXIMIN's minimum.</summary>
    public double ShareBelow(double threshold) =>
        sorted.Length == 0 ? 0 : (double)sorted.Count(p => p < threshold) / sorted.Length;
}
