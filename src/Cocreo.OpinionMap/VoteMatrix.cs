namespace Cocreo.OpinionMap;

/// <summary>
/// The votes as a sparse matrix (compressed rows): one row per participant who voted, ascending by participant id,
/// one column per statement that has a vote, ascending by statement id (Polis' rating matrix without its empty cells).
/// Values are in Polis' convention: agree -1, disagree +1, pass 0.
/// </summary>
internal sealed class VoteMatrix
{
    private VoteMatrix(int[] participantIds, int[] statementIds, int[] rowStart, int[] columns, sbyte[] votes,
        sbyte[] ratings, bool[] isModeratedOut, bool[] isMeta, int[] rowOfSlot, int[] columnOfSlot, VoteTally[] columnVotes)
    {
        ColumnVotes = columnVotes;
        ParticipantIds = participantIds;
        StatementIds = statementIds;
        RowStart = rowStart;
        Columns = columns;
        Votes = votes;
        Ratings = ratings;
        IsModeratedOut = isModeratedOut;
        IsMeta = isMeta;
        RowOfSlot = rowOfSlot;
        ColumnOfSlot = columnOfSlot;
        ModeratedOutCount = isModeratedOut.Count(x => x);
    }

    public int RowCount => ParticipantIds.Length;

    public int ColumnCount => StatementIds.Length;

    public int[] ParticipantIds { get; }

    public int[] StatementIds { get; }

    /// <summary>Row r's cells are <c>[RowStart[r], RowStart[r + 1])</c>.</summary>
    public int[] RowStart { get; }

    public int[] Columns { get; }

    /// <summary>The votes as cast (Polis' raw rating matrix).</summary>
    public sbyte[] Votes { get; }

    /// <summary>The votes with moderated-out statements zeroed (Polis' rating matrix).</summary>
    public sbyte[] Ratings { get; }

    public bool[] IsModeratedOut { get; }

    public bool[] IsMeta { get; }

    /// <summary>
    /// Polis zeroes a moderated-out column for every participant, so each such column counts as "voted" for everyone
    /// when the projection is scaled.
    /// </summary>
    public int ModeratedOutCount { get; }

    /// <summary>The row of each participant slot of the conversation.</summary>
    public int[] RowOfSlot { get; }

    /// <summary>The column of each statement slot of the conversation.</summary>
    public int[] ColumnOfSlot { get; }

    /// <summary>Everyone's votes on each column.</summary>
    public VoteTally[] ColumnVotes { get; }

    public int VoteCountOfRow(int row) => RowStart[row + 1] - RowStart[row];

    /// <summary>
    /// Rows in the order Polis builds its matrix when it loads a conversation: it reads votes ordered by statement,
    /// then participant (conv-poll's <c>order-by [:zid :tid :pid :created]</c>), so a participant's row comes where
    /// their lowest-numbered statement is, ties by participant id. K-means starts from the first points in this order.
    /// </summary>
    public int[] PolisRowOrder()
    {
        var rows = Enumerable.Range(0, RowCount).ToArray();
        var keys = rows.Select(r => ((long)Columns[RowStart[r]] << 32) | (uint)r).ToArray();
        Array.Sort(keys, rows);
        return rows;
    }

    public static VoteMatrix Build(List<VoteRow> rows, List<int> participantIdsBySlot, List<int> statementIdsBySlot,
        Dictionary<int, Statement> statements, Func<int, VoteTally> tallyOfStatementSlot)
    {
        var participantIds = participantIdsBySlot.ToArray();
        var slotOfRow = Enumerable.Range(0, participantIds.Length).ToArray();
        Array.Sort(participantIds, slotOfRow);
        var rowOfSlot = Invert(slotOfRow);

        var statementIds = statementIdsBySlot.ToArray();
        var slotOfColumn = Enumerable.Range(0, statementIds.Length).ToArray();
        Array.Sort(statementIds, slotOfColumn);
        var columnOfSlot = Invert(slotOfColumn);

        var isModeratedOut = new bool[statementIds.Length];
        var isMeta = new bool[statementIds.Length];
        for (var c = 0; c < statementIds.Length; c++)
        {
            var statement = statements.GetValueOrDefault(statementIds[c]);
            isModeratedOut[c] = statement?.IsModeratedOut ?? false;
            isMeta[c] = statement?.IsMeta ?? false;
        }

        var (columnByOffset, lowestId, columnById) = ColumnLookup(statementIds);
        var rowStart = new int[participantIds.Length + 1];
        for (var r = 0; r < participantIds.Length; r++)
        {
            rowStart[r + 1] = rowStart[r] + rows[slotOfRow[r]].Count;
        }
        var cellCount = rowStart[^1];
        var columns = new int[cellCount];
        var votes = new sbyte[cellCount];
        var ratings = new sbyte[cellCount];
        Parallel.For(0, participantIds.Length, r =>
        {
            var row = rows[slotOfRow[r]];
            var ids = row.StatementIds;
            var values = row.Values;
            var at = rowStart[r];
            for (var i = 0; i < ids.Length; i++, at++)
            {
                var column = columnByOffset is null ? columnById![ids[i]] : columnByOffset[ids[i] - lowestId];
                columns[at] = column;
                votes[at] = values[i];
                ratings[at] = isModeratedOut[column] ? (sbyte)0 : values[i];
            }
        });
        return new VoteMatrix(participantIds, statementIds, rowStart, columns, votes, ratings, isModeratedOut, isMeta,
            rowOfSlot, columnOfSlot, [.. slotOfColumn.Select(tallyOfStatementSlot)]);
    }

    /// <summary>Statement id to column: an array by offset when ids are small and dense (as Polis' are), else a dictionary.</summary>
    private static (int[]? ByOffset, int Lowest, Dictionary<int, int>? ById) ColumnLookup(int[] sortedStatementIds)
    {
        if (sortedStatementIds.Length == 0)
        {
            return ([], 0, null);
        }
        var lowest = sortedStatementIds[0];
        var span = (long)sortedStatementIds[^1] - lowest + 1;
        if (span <= (4L * sortedStatementIds.Length) + 1024)
        {
            var byOffset = new int[span];
            for (var c = 0; c < sortedStatementIds.Length; c++)
            {
                byOffset[sortedStatementIds[c] - lowest] = c;
            }
            return (byOffset, lowest, null);
        }
        var byId = new Dictionary<int, int>(sortedStatementIds.Length);
        for (var c = 0; c < sortedStatementIds.Length; c++)
        {
            byId.Add(sortedStatementIds[c], c);
        }
        return (null, lowest, byId);
    }

    private static int[] Invert(int[] permutation)
    {
        var inverse = new int[permutation.Length];
        for (var i = 0; i < permutation.Length; i++)
        {
            inverse[permutation[i]] = i;
        }
        return inverse;
    }
}
