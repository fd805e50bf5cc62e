using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cocreo.OpinionMap.Projection;

/// <summary>
/// The first two principal components of the centred vote matrix by power iteration, as Polis' pca.clj does
/// (<c>powerit-pca</c>): each step multiplies by XᵀX and normalises; the second component is found the same way
/// after the first has been factored out of the data (Gram–Schmidt deflation).
/// </summary>
/// <remarks>
/// Polis fills a missing vote with its statement's mean before centring, so a missing vote is exactly 0 in the
/// centred matrix: the centred matrix is as sparse as the votes and XᵀX v costs one pass over the votes cast, never
/// over the 1e9 cells of a 100,000 × 10,000 matrix. Both components are iterated in the same pass (the second
/// deflated by the current first); once the first has settled this is exactly Polis' second power iteration, and it
/// halves the passes over the data.
/// </remarks>
internal sealed class PowerIteration
{
    private readonly VoteMatrix matrix;
    private readonly RowBlocks blocks;
    private readonly ParallelOptions parallel;
    private readonly double[] center;
    private readonly double[]? zeroFilledCenter;
    private readonly double[][] partials;

    /// <param name="matrix">The votes.</param>
    /// <param name="center">The statement means, subtracted from the votes cast (missing votes filled with the mean).</param>
    /// <param name="blocks">Blocks of rows for the parallel passes.</param>
    /// <param name="parallel">Threads.</param>
    /// <param name="zeroFilledCenter">
    /// With Polis' older rule, missing votes filled with 0: the statement means over everyone (a missing vote counting
    /// 0), and <paramref name="center"/> must be all zeros. A missing vote is then −mean once centred, not 0, but
    /// XᵀXv = Sᵀ(Sv − (meanᵀv)·1) for the zero-filled votes S (the centred rows sum to zero), so one pass over the
    /// votes cast still does.
    /// </param>
    public PowerIteration(VoteMatrix matrix, double[] center, RowBlocks blocks, ParallelOptions parallel, double[]? zeroFilledCenter = null)
    {
        this.matrix = matrix;
        this.blocks = blocks;
        this.parallel = parallel;
        this.center = center;
        this.zeroFilledCenter = zeroFilledCenter;
        partials = [.. Enumerable.Range(0, blocks.Count).Select(_ => new double[2 * matrix.ColumnCount])];
    }

    /// <summary>
    /// The leading eigenvector of XᵀX and the leading eigenvector after it is factored out, from the given start
    /// vectors; null for the second when only one component is wanted. Converged: both settled within the steps.
    /// </summary>
    public (double[] First, double[]? Second, int Iterations, bool Converged) Components(double[] start1, double[]? start2, int maxIterations,
        double tolerance)
    {
        var columns = matrix.ColumnCount;
        var first = (double[])start1.Clone();
        var second = start2 is null ? null : (double[])start2.Clone();
        if (!Normalise(first))
        {
            return (new double[columns], second is null ? null : new double[columns], 0, true);
        }
        var next1 = new double[columns];
        var next2 = new double[columns];
        double last1 = 0, last2 = 0;
        var done1 = false;
        var done2 = second is null;
        var iterations = 0;
        while (iterations < maxIterations && !(done1 && done2))
        {
            iterations++;
            if (second is not null)
            {
                RemoveDirection(second, first);
            }
            if (done1)
            {
                // The first component has settled: from here on this is Polis' own second power iteration on the
                // data with the first factored out, and only the second vector needs the pass over the votes.
                Multiply(second!, null, next2, next1);
            }
            else
            {
                Multiply(first, second, next1, next2);
                var eigenvalue1 = Length(next1);
                if (!Normalise(next1))
                {
                    // No variance in the data at all.
                    return (new double[columns], second is null ? null : new double[columns], iterations, true);
                }
                done1 = Settled(first, next1, eigenvalue1, ref last1, tolerance);
                (first, next1) = (next1, first);
            }
            if (second is not null && !done2)
            {
                RemoveDirection(next2, first);
                var eigenvalue2 = Length(next2);
                if (!Normalise(next2))
                {
                    // Nothing left once the first component is factored out: Polis keeps such a component as zero.
                    second = new double[columns];
                    done2 = true;
                    continue;
                }
                done2 = Settled(second, next2, eigenvalue2, ref last2, tolerance);
                (second, next2) = (next2, second);
            }
        }
        return (first, second, iterations, done1 && done2);
    }

    /// <summary>
    /// Polis stops when the eigenvalue estimate repeats exactly; that can happen long before the vector settles when
    /// two eigenvalues are close, so we also stop once the vector moves less than the tolerance.
    /// </summary>
    private static bool Settled(double[] before, double[] after, double eigenvalue, ref double lastEigenvalue, double tolerance)
    {
        var moved = 0.0;
        for (var c = 0; c < before.Length; c++)
        {
            var d = after[c] - before[c];
            moved += d * d;
        }
        var settled = eigenvalue == lastEigenvalue || Math.Sqrt(moved) <= tolerance;
        lastEigenvalue = eigenvalue;
        return settled;
    }

    /// <summary>result1 = XᵀX v1 and result2 = XᵀX v2, in one pass over the votes (partial sums per block, added in block order).</summary>
    private void Multiply(double[] v1, double[]? v2, double[] result1, double[] result2)
    {
        var columns = matrix.ColumnCount;
        // Each row's dot product with v, less meanᵀv for the rows' zero-filled cells (0 when missing votes are the mean).
        var offset1 = zeroFilledCenter is null ? 0.0 : Dot(zeroFilledCenter, v1);
        var offset2 = zeroFilledCenter is null || v2 is null ? 0.0 : Dot(zeroFilledCenter, v2);
        Parallel.For(0, blocks.Count, parallel, b =>
        {
            var partial = partials[b];
            Array.Clear(partial);
            if (v2 is null)
            {
                MultiplyBlock(blocks.Starts[b], blocks.Starts[b + 1], v1, offset1, partial);
            }
            else
            {
                MultiplyBlock(blocks.Starts[b], blocks.Starts[b + 1], v1, v2, offset1, offset2, partial);
            }
        });
        Array.Clear(result1);
        Array.Clear(result2);
        foreach (var partial in partials)
        {
            if (v2 is null)
            {
                for (var c = 0; c < columns; c++)
                {
                    result1[c] += partial[c];
                }
                continue;
            }
            for (var c = 0; c < columns; c++)
            {
                result1[c] += partial[2 * c];
                result2[c] += partial[(2 * c) + 1];
            }
        }
    }

    // The hot loops of the whole computation. The centred value (vote − mean) is formed on the fly: reading one byte
    // per vote moves less memory than storing it, and reading through refs spares a bounds check per vote.
    private void MultiplyBlock(int firstRow, int endRow, double[] v1, double offset1, double[] partial)
    {
        ref var cells = ref MemoryMarshal.GetArrayDataReference(matrix.Columns);
        ref var ratings = ref MemoryMarshal.GetArrayDataReference(matrix.Ratings);
        ref var means = ref MemoryMarshal.GetArrayDataReference(center);
        ref var vector = ref MemoryMarshal.GetArrayDataReference(v1);
        ref var sums = ref MemoryMarshal.GetArrayDataReference(partial);
        var rowStart = matrix.RowStart;
        for (var row = firstRow; row < endRow; row++)
        {
            var start = rowStart[row];
            var end = rowStart[row + 1];
            var dot = -offset1;
            for (var k = start; k < end; k++)
            {
                var column = Unsafe.Add(ref cells, k);
                dot += (Unsafe.Add(ref ratings, k) - Unsafe.Add(ref means, column)) * Unsafe.Add(ref vector, column);
            }
            for (var k = start; k < end; k++)
            {
                var column = Unsafe.Add(ref cells, k);
                Unsafe.Add(ref sums, column) += dot * (Unsafe.Add(ref ratings, k) - Unsafe.Add(ref means, column));
            }
        }
    }

    private void MultiplyBlock(int firstRow, int endRow, double[] v1, double[] v2, double offset1, double offset2, double[] partial)
    {
        ref var cells = ref MemoryMarshal.GetArrayDataReference(matrix.Columns);
        ref var ratings = ref MemoryMarshal.GetArrayDataReference(matrix.Ratings);
        ref var means = ref MemoryMarshal.GetArrayDataReference(center);
        ref var vector1 = ref MemoryMarshal.GetArrayDataReference(v1);
        ref var vector2 = ref MemoryMarshal.GetArrayDataReference(v2);
        ref var sums = ref MemoryMarshal.GetArrayDataReference(partial);
        var rowStart = matrix.RowStart;
        for (var row = firstRow; row < endRow; row++)
        {
            var start = rowStart[row];
            var end = rowStart[row + 1];
            double dot1 = -offset1, dot2 = -offset2;
            for (var k = start; k < end; k++)
            {
                var column = Unsafe.Add(ref cells, k);
                var value = Unsafe.Add(ref ratings, k) - Unsafe.Add(ref means, column);
                dot1 += value * Unsafe.Add(ref vector1, column);
                dot2 += value * Unsafe.Add(ref vector2, column);
            }
            for (var k = start; k < end; k++)
            {
                var column = Unsafe.Add(ref cells, k);
                var at = 2 * column;
                var value = Unsafe.Add(ref ratings, k) - Unsafe.Add(ref means, column);
                Unsafe.Add(ref sums, at) += dot1 * value;
                Unsafe.Add(ref sums, at + 1) += dot2 * value;
            }
        }
    }

    private static void RemoveDirection(double[] vector, double[] direction)
    {
        var norm = Dot(direction, direction);
        if (norm == 0)
        {
            return;
        }
        var coefficient = Dot(direction, vector) / norm;
        for (var c = 0; c < vector.Length; c++)
        {
            vector[c] -= coefficient * direction[c];
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double Length(double[] vector) => Math.Sqrt(Dot(vector, vector));

    private static bool Normalise(double[] vector)
    {
        var length = Length(vector);
        if (length == 0 || !double.IsFinite(length))
        {
            return false;
        }
        for (var c = 0; c < vector.Length; c++)
        {
            vector[c] /= length;
        }
        return true;
    }
}
