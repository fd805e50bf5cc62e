using System.Runtime.InteropServices;

namespace Cocreo.OpinionMap;

/// <summary>
/// A conversation: its statements and the votes cast on them. It grows as votes arrive (<see cref="Add(Vote)"/>),
/// so a live opinion map can be updated without rebuilding it from every vote.
/// </summary>
/// <remarks>
/// Votes are taken in the order they are added; a later vote of a participant on a statement replaces the earlier
/// one, as in Polis. The constructor that takes a batch of votes orders them by <see cref="Vote.Time"/> first
/// (votes with equal times keep their given order). Not thread-safe: do not add votes while a map is being computed
/// from it.
/// </remarks>
public sealed class Conversation
{
    private readonly Dictionary<int, Statement> statements = [];
    private readonly Dictionary<int, int> participantSlots = [];
    private readonly List<int> participantIdsBySlot = [];
    private readonly List<VoteRow> rows = [];
    private readonly Dictionary<int, int> statementSlots = [];
    private readonly List<int> statementIdsBySlot = [];
    private long[] firstVotes = new long[256];
    private int firstVoteCount;

    // Everyone's votes per statement slot (agree, disagree, pass), kept up to date as votes arrive.
    private int[] tallies = new int[3 * 64];

    /// <summary>An empty conversation.</summary>
    public Conversation()
    {
    }

    /// <summary>A conversation with the given statements and votes (ordered by time before they are applied).</summary>
    public Conversation(IEnumerable<Statement> statements, IEnumerable<Vote> votes)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(votes);
        foreach (var statement in statements)
        {
            AddOrUpdate(statement);
        }
        var ordered = votes.ToArray();
        OrderByTime(ordered);
        foreach (var vote in ordered)
        {
            Add(vote);
        }
    }

    /// <summary>The statements, by id. Votes may also refer to statements not listed here; those count as unmoderated.</summary>
    public IReadOnlyList<Statement> Statements => [.. statements.Values.OrderBy(s => s.Id)];

    /// <summary>How many people have voted.</summary>
    public int ParticipantCount => rows.Count;

    /// <summary>How many (participant, statement) pairs carry a vote (a changed vote counts once).</summary>
    public int VoteCount => firstVoteCount;

    /// <summary>The time of the latest vote added, or <c>default</c> when none carried a time.</summary>
    public DateTimeOffset LastVoteTime { get; private set; }

    /// <summary>The statement with this id, or null.</summary>
    public Statement? FindStatement(int id) => statements.GetValueOrDefault(id);

    /// <summary>Adds a statement, or replaces it (e.g. after moderation).</summary>
    public void AddOrUpdate(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        statements[statement.Id] = statement;
    }

    /// <summary>Adds votes in the order given.</summary>
    public void Add(IEnumerable<Vote> votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        foreach (var vote in votes)
        {
            Add(vote);
        }
    }

    /// <summary>Adds one vote; it replaces an earlier vote of the same participant on the same statement.</summary>
    public void Add(Vote vote)
    {
        var value = PolisVoteValue.Of(vote.Choice);
        ref var participantSlot = ref CollectionsMarshal.GetValueRefOrAddDefault(participantSlots, vote.ParticipantId, out var knownParticipant);
        if (!knownParticipant)
        {
            participantSlot = rows.Count;
            rows.Add(new VoteRow());
            participantIdsBySlot.Add(vote.ParticipantId);
        }
        ref var statementSlot = ref CollectionsMarshal.GetValueRefOrAddDefault(statementSlots, vote.StatementId, out var knownStatement);
        if (!knownStatement)
        {
            statementSlot = statementIdsBySlot.Count;
            statementIdsBySlot.Add(vote.StatementId);
            if (3 * statementIdsBySlot.Count > tallies.Length)
            {
                Array.Resize(ref tallies, tallies.Length * 2);
            }
        }
        var replaced = rows[participantSlot].Set(vote.StatementId, value);
        tallies[(3 * statementSlot) + Kind(value)]++;
        if (replaced is { } previous)
        {
            tallies[(3 * statementSlot) + Kind(previous)]--;
        }
        else
        {
            if (firstVoteCount == firstVotes.Length)
            {
                Array.Resize(ref firstVotes, firstVotes.Length * 2);
            }
            firstVotes[firstVoteCount++] = ((long)participantSlot << 32) | (uint)statementSlot;
        }
        if (vote.Time > LastVoteTime)
        {
            LastVoteTime = vote.Time;
        }
    }

    /// <summary>
    /// Every (participant slot, statement slot) pair in the order it was first voted on: the history that decides who
    /// is "in the conversation" (see <see cref="Participation.InConversation"/>).
    /// </summary>
    internal ReadOnlySpan<long> FirstVotes => firstVotes.AsSpan(0, firstVoteCount);

    /// <summary>A snapshot of the votes as a sparse matrix, rows by participant id, columns by statement id.</summary>
    internal VoteMatrix ToVoteMatrix() => VoteMatrix.Build(rows, participantIdsBySlot, statementIdsBySlot, statements, TallyOf);

    private VoteTally TallyOf(int statementSlot)
    {
        var at = 3 * statementSlot;
        return new VoteTally(tallies[at], tallies[at + 1], tallies[at] + tallies[at + 1] + tallies[at + 2]);
    }

    private static int Kind(sbyte value) => value == PolisVoteValue.Agree ? 0 : value == PolisVoteValue.Disagree ? 1 : 2;

    internal static void OrderByTime(Vote[] votes)
    {
        var sorted = true;
        for (var i = 1; i < votes.Length && sorted; i++)
        {
            sorted = votes[i - 1].Time <= votes[i].Time;
        }
        if (sorted)
        {
            return;
        }
        // Array.Sort is not stable: sort positions by time, then put each run of equal times back in given order.
        var ticks = new long[votes.Length];
        var positions = new int[votes.Length];
        for (var i = 0; i < votes.Length; i++)
        {
            ticks[i] = votes[i].Time.UtcTicks;
            positions[i] = i;
        }
        Array.Sort(ticks, positions);
        for (var start = 0; start < ticks.Length;)
        {
            var end = start + 1;
            while (end < ticks.Length && ticks[end] == ticks[start])
            {
                end++;
            }
            Array.Sort(positions, start, end - start);
            start = end;
        }
        var original = (Vote[])votes.Clone();
        for (var i = 0; i < votes.Length; i++)
        {
            votes[i] = original[positions[i]];
        }
    }
}

/// <summary>One participant's latest vote on each statement, kept in ascending statement id order.</summary>
internal sealed class VoteRow
{
    private int[] statementIds = new int[4];
    private sbyte[] values = new sbyte[4];

    public int Count { get; private set; }

    public ReadOnlySpan<int> StatementIds => statementIds.AsSpan(0, Count);

    public ReadOnlySpan<sbyte> Values => values.AsSpan(0, Count);

    /// <summary>Sets the vote on a statement; returns the vote it replaces, or null when there was none.</summary>
    public sbyte? Set(int statementId, sbyte value)
    {
        var position = statementIds.AsSpan(0, Count).BinarySearch(statementId);
        if (position >= 0)
        {
            var previous = values[position];
            values[position] = value;
            return previous;
        }
        position = ~position;
        if (Count == statementIds.Length)
        {
            Array.Resize(ref statementIds, Count * 2);
            Array.Resize(ref values, Count * 2);
        }
        Array.Copy(statementIds, position, statementIds, position + 1, Count - position);
        Array.Copy(values, position, values, position + 1, Count - position);
        statementIds[position] = statementId;
        values[position] = value;
        Count++;
        return null;
    }
}
