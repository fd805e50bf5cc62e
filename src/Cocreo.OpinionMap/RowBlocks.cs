namespace Cocreo.OpinionMap;

/// <summary>
/// Contiguous blocks of matrix rows with about the same number of votes each. Work is split by block and partial
/// results are combined in block order, so sums come out bit for bit the same whatever the number of threads.
/// The block count depends only on the size of the matrix.
/// </summary>
internal sealed class RowBlocks
{
    private const int VotesPerBlock = 1 << 16;
    private const int MaxBlocks = 16;

    private RowBlocks(int[] starts) => Starts = starts;

    /// <summary>Block b covers rows <c>[Starts[b], Starts[b + 1])</c>.</summary>
    public int[] Starts { get; }

    public int Count => Starts.Length - 1;

    public static RowBlocks Of(VoteMatrix matrix)
    {
        var votes = matrix.RowStart[^1];
        var count = Math.Clamp(votes / VotesPerBlock, 1, MaxBlocks);
        var starts = new List<int> { 0 };
        var row = 0;
        for (var b = 1; b < count; b++)
        {
            var target = (long)votes * b / count;
            while (row < matrix.RowCount && matrix.RowStart[row] < target)
            {
                row++;
            }
            if (row > starts[^1])
            {
                starts.Add(row);
            }
        }
        if (matrix.RowCount > starts[^1] || starts.Count == 1)
        {
            starts.Add(matrix.RowCount);
        }
        return new RowBlocks([.. starts]);
    }
}
