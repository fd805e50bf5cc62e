namespace Cocreo.OpinionMap.Statistics;

/// <summary>Votes per statement and group (Polis' votes-base and group-votes).</summary>
internal static class VoteTallies
{
    /// <summary>Per label, per column, the votes of the rows with that label (<c>labelOfRow[row]</c>, −1 for none).</summary>
    public static VoteTally[][] Count(VoteMatrix matrix, int[] labelOfRow, int labelCount, ParallelOptions parallel)
    {
        var columns = matrix.ColumnCount;
        // counts[(label * columns + column) * 3 + kind], kinds agree, disagree, pass. Each block of rows counts on its
        // own; whole numbers add up to the same totals in any order.
        var size = labelCount * columns * 3;
        var blocks = RowBlocks.Of(matrix);
        var partials = new int[blocks.Count][];
        var rowStart = matrix.RowStart;
        var cells = matrix.Columns;
        var votes = matrix.Votes;
        Parallel.For(0, blocks.Count, parallel, b =>
        {
            var partial = partials[b] = new int[size];
            for (var row = blocks.Starts[b]; row < blocks.Starts[b + 1]; row++)
            {
                var label = labelOfRow[row];
                if (label < 0)
                {
                    continue;
                }
                var offset = label * columns * 3;
                for (var k = rowStart[row]; k < rowStart[row + 1]; k++)
                {
                    var vote = votes[k];
                    partial[offset + (cells[k] * 3) + (vote == PolisVoteValue.Agree ? 0 : vote == PolisVoteValue.Disagree ? 1 : 2)]++;
                }
            }
        });
        var counts = partials[0];
        for (var b = 1; b < partials.Length; b++)
        {
            var partial = partials[b];
            for (var i = 0; i < size; i++)
            {
                counts[i] += partial[i];
            }
        }
        var tallies = new VoteTally[labelCount][];
        for (var label = 0; label < labelCount; label++)
        {
            tallies[label] = new VoteTally[columns];
            for (var c = 0; c < columns; c++)
            {
                var at = ((label * columns) + c) * 3;
                tallies[label][c] = new VoteTally(counts[at], counts[at + 1], counts[at] + counts[at + 1] + counts[at + 2]);
            }
        }
        return tallies;
    }
}
