namespace Cocreo.OpinionMap.Projection;

/// <summary>
/// Polis' projection onto the two components (<c>sparsity-aware-project-ptpt</c> in pca.clj): a participant is
/// projected using only the statements they voted on, then pushed out from the centre by √(#statements / #votes) so
/// that people who voted on few statements are not all piled up in the middle.
/// </summary>
internal static class SparsityAwareProjection
{
    /// <summary>
    /// Column means of the rating matrix: the centre. In Polis' numbers a statement's mean is (disagrees − agrees) /
    /// votes; a moderated-out column is all zeros, so its mean is 0.
    /// </summary>
    /// <param name="matrix">The votes.</param>
    /// <param name="votes">Everyone's votes on each column.</param>
    /// <param name="zeroFilled">
    /// Polis' older rule (before October 2017): missing votes count as 0, so the mean is over everyone who voted on
    /// any statement, (disagrees − agrees) / participants.
    /// </param>
    public static double[] Center(VoteMatrix matrix, VoteTally[] votes, bool zeroFilled = false)
    {
        var center = new double[matrix.ColumnCount];
        for (var c = 0; c < center.Length; c++)
        {
            var count = zeroFilled ? matrix.RowCount : votes[c].Seen;
            center[c] = matrix.IsModeratedOut[c] || count == 0 ? 0.0 : (double)(votes[c].Disagree - votes[c].Agree) / count;
        }
        return center;
    }

    /// <summary>Every participant's position (x, y).</summary>
    public static (double[] X, double[] Y) Participants(VoteMatrix matrix, double[] center, double[] first, double[] second,
        ParallelOptions parallel)
    {
        var x = new double[matrix.RowCount];
        var y = new double[matrix.RowCount];
        var statementCount = matrix.ColumnCount;
        Parallel.For(0, matrix.RowCount, parallel, row =>
        {
            var p1 = 0.0;
            var p2 = 0.0;
            var votes = matrix.ModeratedOutCount;
            for (var k = matrix.RowStart[row]; k < matrix.RowStart[row + 1]; k++)
            {
                var column = matrix.Columns[k];
                if (matrix.IsModeratedOut[column])
                {
                    // Polis zeroes the whole column, so it is already counted once for everyone above.
                    continue;
                }
                votes++;
                var centred = matrix.Ratings[k] - center[column];
                p1 += centred * first[column];
                p2 += centred * second[column];
            }
            var scale = Math.Sqrt((double)statementCount / Math.Max(votes, 1));
            x[row] = scale * p1;
            y[row] = scale * p2;
        });
        return (x, y);
    }

    /// <summary>
    /// Each statement's position: where a participant who agreed with it alone would be placed (pca-project-cmnts),
    /// and its extremity, the distance of that position from the centre.
    /// </summary>
    public static (double[] X, double[] Y, double[] Extremity) Statements(double[] center, double[] first, double[] second)
    {
        var count = center.Length;
        var x = new double[count];
        var y = new double[count];
        var extremity = new double[count];
        var scale = Math.Sqrt(count);
        for (var c = 0; c < count; c++)
        {
            var centred = PolisAgree - center[c];
            x[c] = scale * (centred * first[c]);
            y[c] = scale * (centred * second[c]);
            extremity[c] = Math.Sqrt((x[c] * x[c]) + (y[c] * y[c]));
        }
        return (x, y, extremity);
    }

    private const double PolisAgree = PolisVoteValue.Agree;
}
