namespace Cocreo.OpinionMap.Participation;

/// <summary>
/// Who is "in the conversation": the participants Polis clusters (<c>:in-conv</c> in conversation.clj). At each
/// update Polis lets in everyone who has voted on at least min(7, #statements) statements, then, while fewer than 15
/// are in, the most active of the rest; nobody already in is let out.
/// </summary>
/// <remarks>
/// Because nobody is let out, the set depends on when updates ran. A single computation from all votes is what
/// Polis' full recompute gives. Replaying the history vote by vote (<see cref="OpinionMapOptions.ReplayVoteHistory"/>)
/// is what Polis gives when it has updated after every vote, as a live conversation roughly does; replayed that way
/// the rule reduces to: the first 15 people to vote, and everyone who at some vote had voted on
/// min(7, #statements voted on so far) statements.
/// </remarks>
internal static class InConversation
{
    /// <summary>Which rows of the matrix are in the conversation.</summary>
    /// <param name="matrix">The vote matrix.</param>
    /// <param name="firstVotes">The conversation's (participant slot, statement slot) pairs in the order first voted.</param>
    /// <param name="polisRowOrder">Rows in Polis' order, which breaks ties among equally active participants.</param>
    /// <param name="previous">Participants let in by an earlier computation (kept in, as Polis does).</param>
    /// <param name="options">The thresholds.</param>
    public static bool[] Admit(VoteMatrix matrix, ReadOnlySpan<long> firstVotes, int[] polisRowOrder, IReadOnlySet<int>? previous,
        OpinionMapOptions options)
    {
        var inConversation = options.ReplayVoteHistory ? Replay(matrix, firstVotes, options) : new bool[matrix.RowCount];
        var admitted = 0;
        var threshold = Math.Min(options.MinimumVotes, matrix.ColumnCount);
        var counted = options.CountModeratedOutAsVoted ? OlderCounts(matrix) : null;
        int Count(int row) => counted?[row] ?? matrix.VoteCountOfRow(row);
        for (var row = 0; row < matrix.RowCount; row++)
        {
            inConversation[row] |= (previous?.Contains(matrix.ParticipantIds[row]) ?? false) || Count(row) >= threshold;
            admitted += inConversation[row] ? 1 : 0;
        }
        if (admitted < options.GreedyParticipantCount)
        {
            // Polis sorts the rest by vote count, highest first; its sort is stable, so ties keep matrix order.
            var greedy = polisRowOrder
                .Where(row => !inConversation[row])
                .OrderByDescending(Count)
                .Take(options.GreedyParticipantCount - admitted);
            foreach (var row in greedy)
            {
                inConversation[row] = true;
            }
        }
        return inConversation;
    }

    /// <summary>
    /// Polis' count from February 2017 until its fix of 31 October 2017: the non-empty cells of the rating matrix in
    /// which moderated-out columns were zeroed for everyone, i.e. the votes on the other statements plus the number of
    /// moderated-out statements that have votes (a statement without votes has no column).
    /// </summary>
    private static int[] OlderCounts(VoteMatrix matrix)
    {
        var counts = new int[matrix.RowCount];
        for (var row = 0; row < matrix.RowCount; row++)
        {
            var count = matrix.ModeratedOutCount;
            for (var k = matrix.RowStart[row]; k < matrix.RowStart[row + 1]; k++)
            {
                count += matrix.IsModeratedOut[matrix.Columns[k]] ? 0 : 1;
            }
            counts[row] = count;
        }
        return counts;
    }

    private static bool[] Replay(VoteMatrix matrix, ReadOnlySpan<long> firstVotes, OpinionMapOptions options)
    {
        var slotCount = matrix.RowOfSlot.Length;
        var counts = new int[slotCount];
        var admitted = new bool[slotCount];
        var seenStatement = new bool[matrix.ColumnOfSlot.Length];
        var statementsSeen = 0;
        var moderatedOutSeen = 0;
        var admittedCount = 0;
        foreach (var firstVote in firstVotes)
        {
            var participant = (int)(firstVote >> 32);
            var statement = (int)(firstVote & 0xFFFFFFFF);
            var moderatedOut = options.CountModeratedOutAsVoted && matrix.IsModeratedOut[matrix.ColumnOfSlot[statement]];
            counts[participant] += moderatedOut ? 0 : 1;
            if (!seenStatement[statement])
            {
                seenStatement[statement] = true;
                statementsSeen++;
                // Older rule: a new moderated-out column counts for everyone. It lets nobody else in here: while there
                // are at most MinimumVotes statements it raises the threshold min(MinimumVotes, #statements) as much as the counts, and
                // after that anyone it would let in is let in by the count over all votes (Admit), which only grows.
                moderatedOutSeen += moderatedOut ? 1 : 0;
            }
            if (admitted[participant])
            {
                continue;
            }
            // While fewer than the greedy count are in, everyone who has voted so far is in (the greedy top-up lets in
            // the most active of the rest, and the newcomer is the only one left out), so the newcomer joins.
            if (counts[participant] + moderatedOutSeen >= Math.Min(options.MinimumVotes, statementsSeen)
                || admittedCount < options.GreedyParticipantCount)
            {
                admitted[participant] = true;
                admittedCount++;
            }
        }
        var inConversation = new bool[matrix.RowCount];
        for (var slot = 0; slot < slotCount; slot++)
        {
            inConversation[matrix.RowOfSlot[slot]] = admitted[slot];
        }
        return inConversation;
    }
}
