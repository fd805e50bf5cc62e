namespace Cocreo.Meetings.TablePlans;

/// <summary>
/// The planner's workhorse: a greedy start, then simulated annealing over swaps of two people between tables of one
/// round (and moves of one person from a bigger to a smaller table, which keeps the sizes balanced).
/// </summary>
/// <remarks>
/// Why not CP-SAT alone: the model needs a "these two meet" variable for every pair, round and table (200 people,
/// 20 tables, 4 rounds: 1.6 million), and its linear relaxation is weak (the symmetric tables give it nothing to
/// branch on), so CP-SAT does not reach zero repeats on a 200-person room within the 5-second budget. A swap changes
/// the cost by an amount computed in time proportional to the two tables' sizes, so the search tries millions of
/// swaps per second. CP-SAT is used where it does the job: it is handed the search's plan as a hint on small rooms
/// and proves it optimal or repairs it (<see cref="CpSatPlanner"/>).
///
/// The cost is lexicographic: bound violations, then repeat meetings, then diversity deviation. In the annealing the
/// three are weighted so that no swap can trade one unit of a higher level for any amount of a lower one
/// (a swap changes the deviation by at most 4 per attribute), and the best plan is kept by comparing the three in
/// order. The random number generator is seeded and the stop is a count of swaps, not a clock, so the same request
/// and seed give the same plan on any machine.
/// </remarks>
internal sealed class LocalSearch
{
    private readonly Room room;
    private readonly int n, tables, rounds, held, attributes, valueSlots, maxSize;
    private readonly int[] offset;          // offset[a]: where attribute a's values start in a count row
    private readonly int[][] slot;          // slot[p][a] = offset[a] + value
    private readonly int[][] table;         // table[r][p]: the table, or -1
    private readonly int[][][] members;     // members[r][t][i], planned rounds only
    private readonly int[][] size;          // size[r][t]
    private readonly int[][] position;      // position[r][p] in members[r][table]
    private readonly int[][][] count;       // count[r][t][slot]
    private readonly ushort[] meet;         // meet[p * n + q]
    private readonly int[] conflicts;       // conflicts[p]: repeat meetings involving p
    private readonly int[] low, high;       // fair range by table size: low[s * valueSlots + slot]
    private readonly int[] minimum, maximum;
    private readonly int[][] tableDeviation, tableViolation;
    private readonly int[] movable;         // present people who are not hosts
    private readonly int baseSize, bigger;
    private long repeatWeight, boundWeight, deviationWeight = 1;
    private bool secondPhase;
    private int repeats, deviation, violations;

    public LocalSearch(Room room)
    {
        this.room = room;
        n = room.Count;
        tables = room.Tables;
        rounds = room.Rounds;
        held = room.Held;
        attributes = room.Attributes;
        offset = new int[attributes];
        for (var a = 0; a < attributes; a++)
        {
            offset[a] = valueSlots;
            valueSlots += room.ValueNames[a].Length;
        }
        slot = new int[n][];
        for (var p = 0; p < n; p++)
        {
            slot[p] = new int[attributes];
            for (var a = 0; a < attributes; a++)
            {
                slot[p][a] = offset[a] + room.Value[p][a];
            }
        }
        (baseSize, bigger) = room.Sizes;
        maxSize = baseSize + (bigger > 0 ? 1 : 0);
        var present = room.PresentCount;
        var having = new int[valueSlots];
        for (var p = 0; p < n; p++)
        {
            if (room.Present[p])
            {
                foreach (var s in slot[p])
                {
                    having[s]++;
                }
            }
        }
        low = new int[(maxSize + 2) * valueSlots];
        high = new int[(maxSize + 2) * valueSlots];
        for (var s = 0; s <= maxSize + 1; s++)
        {
            for (var v = 0; v < valueSlots; v++)
            {
                (low[s * valueSlots + v], high[s * valueSlots + v]) = Room.FairRange(s, having[v], present);
            }
        }
        minimum = new int[valueSlots];
        maximum = new int[valueSlots];
        for (var a = 0; a < attributes; a++)
        {
            for (var v = 0; v < room.ValueNames[a].Length; v++)
            {
                minimum[offset[a] + v] = room.MinBound[a][v];
                maximum[offset[a] + v] = room.MaxBound[a][v];
            }
        }
        SetPhase(second: false);

        table = new int[rounds][];
        members = new int[rounds][][];
        size = new int[rounds][];
        position = new int[rounds][];
        count = new int[rounds][][];
        tableDeviation = new int[rounds][];
        tableViolation = new int[rounds][];
        meet = new ushort[n * n];
        conflicts = new int[n];
        for (var r = 0; r < rounds; r++)
        {
            table[r] = new int[n];
            Array.Fill(table[r], -1);
            position[r] = new int[n];
            size[r] = new int[tables];
            members[r] = new int[tables][];
            count[r] = new int[tables][];
            tableDeviation[r] = new int[tables];
            tableViolation[r] = new int[tables];
            for (var t = 0; t < tables; t++)
            {
                members[r][t] = new int[r < held ? 0 : maxSize + 1];
                count[r][t] = new int[valueSlots];
            }
        }
        movable = Enumerable.Range(0, n).Where(p => room.Present[p] && room.HostTable[p] < 0).ToArray();
        // Held rounds only add to who has met whom.
        for (var r = 0; r < held; r++)
        {
            Array.Copy(room.HeldTable[r], table[r], n);
            for (var t = 0; t < tables; t++)
            {
                var at = Enumerable.Range(0, n).Where(p => table[r][p] == t).ToArray();
                for (var i = 0; i < at.Length; i++)
                {
                    for (var j = i + 1; j < at.Length; j++)
                    {
                        AddMeeting(at[i], at[j], +1);
                    }
                }
            }
        }
        HeldRepeats = repeats;
    }

    /// <summary>
    /// The two phases of the lexicographic search. First: bound violations (each outweighing any change in repeats a
    /// swap can make) and repeats only, the mix ignored, so the search moves freely. Second: the mix only; a swap that
    /// breaks a bound or adds a repeat weighs so much that it is never accepted.
    /// </summary>
    public void SetPhase(bool second)
    {
        secondPhase = second;
        if (second)
        {
            (deviationWeight, repeatWeight, boundWeight) = (1, 1_000_000_000L, 1_000_000_000_000L);
        }
        else
        {
            (deviationWeight, repeatWeight, boundWeight) = (0, 1, 4L * (maxSize + 1) + 1);
        }
    }

    /// <summary>Repeat meetings from the held rounds alone.</summary>
    public int HeldRepeats { get; }

    public long Iterations { get; private set; }

    /// <summary>(violations, repeats, deviation) of the current plan.</summary>
    public (int Violations, int Repeats, int Deviation) Cost => (violations, repeats, deviation);

    /// <summary>The table of every participant in every round (-1 when absent).</summary>
    public int[][] Snapshot() => table.Select(row => (int[])row.Clone()).ToArray();

    private void AddMeeting(int p, int q, int change)
    {
        var before = meet[p * n + q];
        var after = (ushort)(before + change);
        meet[p * n + q] = after;
        meet[q * n + p] = after;
        var delta = Math.Max(0, after - 1) - Math.Max(0, before - 1);
        if (delta != 0)
        {
            repeats += delta;
            conflicts[p] += delta;
            conflicts[q] += delta;
        }
    }

    private int Deviation(int s, int v, int c) => Room.Deviation(c, low[s * valueSlots + v], high[s * valueSlots + v]);

    private int Violation(int v, int c) => (c < minimum[v] ? minimum[v] - c : 0) + (c > maximum[v] ? c - maximum[v] : 0);

    private (int Deviation, int Violation) Score(int s, int[] row)
    {
        int d = 0, b = 0;
        for (var v = 0; v < valueSlots; v++)
        {
            d += Deviation(s, v, row[v]);
            b += Violation(v, row[v]);
        }
        return (d, b);
    }

    private void Seat(int r, int p, int t)
    {
        var row = members[r][t];
        for (var i = 0; i < size[r][t]; i++)
        {
            AddMeeting(p, row[i], +1);
        }
        position[r][p] = size[r][t];
        row[size[r][t]++] = p;
        table[r][p] = t;
        foreach (var s in slot[p])
        {
            count[r][t][s]++;
        }
    }

    private void Unseat(int r, int p)
    {
        var t = table[r][p];
        var row = members[r][t];
        var i = position[r][p];
        var last = row[--size[r][t]];
        row[i] = last;
        position[r][last] = i;
        for (var k = 0; k < size[r][t]; k++)
        {
            AddMeeting(p, row[k], -1);
        }
        table[r][p] = -1;
        foreach (var s in slot[p])
        {
            count[r][t][s]--;
        }
    }

    private void Rescore(int r, int t)
    {
        var (d, b) = Score(size[r][t], count[r][t]);
        deviation += d - tableDeviation[r][t];
        violations += b - tableViolation[r][t];
        tableDeviation[r][t] = d;
        tableViolation[r][t] = b;
    }

    /// <summary>Seats the planned rounds one person at a time at the table that costs least so far (hosts first).</summary>
    public void Start(Random random)
    {
        var order = (int[])movable.Clone();
        for (var r = held; r < rounds; r++)
        {
            for (var p = 0; p < n; p++)
            {
                if (room.Present[p] && room.HostTable[p] >= 0)
                {
                    Seat(r, p, room.HostTable[p]);
                }
            }
            random.Shuffle(order);
            var full = 0; // tables at the bigger size
            foreach (var p in order)
            {
                var best = -1;
                var bestCost = long.MaxValue;
                for (var t = 0; t < tables; t++)
                {
                    var s = size[r][t];
                    if (s > baseSize || (s == baseSize && full >= bigger))
                    {
                        continue;
                    }
                    long cost = 0;
                    var row = members[r][t];
                    for (var i = 0; i < s; i++)
                    {
                        if (meet[p * n + row[i]] > 0)
                        {
                            cost += repeatWeight;
                        }
                    }
                    foreach (var v in slot[p])
                    {
                        var c = count[r][t][v] + 1;
                        if (c > high[maxSize * valueSlots + v])
                        {
                            cost += c - high[maxSize * valueSlots + v];
                        }
                        if (c > maximum[v])
                        {
                            cost += boundWeight;
                        }
                    }
                    // Fill the emptier tables first, all else equal.
                    cost = cost * (maxSize + 2) + s;
                    if (cost < bestCost)
                    {
                        bestCost = cost;
                        best = t;
                    }
                }
                if (size[r][best] == baseSize)
                {
                    full++;
                }
                Seat(r, p, best);
            }
            for (var t = 0; t < tables; t++)
            {
                Rescore(r, t);
            }
        }
    }

    /// <summary>Unseats everyone from the planned rounds (before a fresh greedy start).</summary>
    public void Clear()
    {
        for (var r = held; r < rounds; r++)
        {
            for (var p = 0; p < n; p++)
            {
                if (table[r][p] >= 0)
                {
                    Unseat(r, p);
                }
            }
            for (var t = 0; t < tables; t++)
            {
                Rescore(r, t);
            }
        }
    }

    /// <summary>Loads a complete plan (e.g. CP-SAT's) into the search state.</summary>
    public void Load(int[][] plan)
    {
        for (var r = held; r < rounds; r++)
        {
            for (var p = 0; p < n; p++)
            {
                if (table[r][p] >= 0)
                {
                    Unseat(r, p);
                }
            }
            for (var p = 0; p < n; p++)
            {
                if (plan[r][p] >= 0)
                {
                    Seat(r, p, plan[r][p]);
                }
            }
            for (var t = 0; t < tables; t++)
            {
                Rescore(r, t);
            }
        }
    }

    private static bool Better((int, int, int) a, (int, int, int) b) => a.CompareTo(b) < 0;

    /// <summary>Anneals for at most <paramref name="iterations"/> swaps (or until the clock says stop); returns the best plan seen.</summary>
    public int[][] Anneal(Random random, long iterations, DateTime? stopAt, bool cold = false)
    {
        Iterations = 0;
        var best = Snapshot();
        var bestCost = Cost;
        var planned = rounds - held;
        if (planned == 0 || movable.Length < 2 || tables < 2)
        {
            return best;
        }
        // Temperatures in units of the cost: early on a repeat may be accepted now and then, at the end nothing worse is.
        // Temperatures in the phase's unit (a repeat, or a person off the room's share); a cold run only polishes.
        var hot = cold ? 0.3 : secondPhase ? 2.0 : 0.6;
        var end = secondPhase ? 0.05 : 0.1;
        var cooling = Math.Pow(end / hot, 1.0 / Math.Max(1, iterations));
        var temperature = hot;
        for (long i = 0; i < iterations; i++)
        {
            if ((i & 0xFFFF) == 0 && stopAt is { } stop && DateTime.UtcNow >= stop)
            {
                break;
            }
            if (secondPhase ? bestCost.Deviation == 0 : (bestCost.Violations, bestCost.Repeats) == (0, HeldRepeats))
            {
                break;
            }
            Iterations = i + 1;
            temperature *= cooling;
            var r = held + random.Next(planned);
            // Half the time, start from someone involved in a repeat meeting (if a few draws find one).
            var p = movable[random.Next(movable.Length)];
            if (repeats > HeldRepeats && random.Next(2) == 0)
            {
                for (var k = 0; k < 8 && conflicts[p] == 0; k++)
                {
                    p = movable[random.Next(movable.Length)];
                }
            }
            var t1 = table[r][p];
            long delta;
            int q = -1, t2;
            if (bigger > 0 && size[r][t1] > baseSize && random.Next(8) == 0)
            {
                t2 = random.Next(tables);
                if (size[r][t2] != baseSize)
                {
                    continue;
                }
                delta = MoveDelta(r, p, t1, t2);
            }
            else
            {
                q = movable[random.Next(movable.Length)];
                t2 = table[r][q];
                if (t2 == t1)
                {
                    continue;
                }
                delta = SwapDelta(r, p, q, t1, t2);
            }
            if (delta <= 0 || random.NextDouble() < Math.Exp(-delta / temperature))
            {
                if (q >= 0)
                {
                    Unseat(r, p);
                    Unseat(r, q);
                    Seat(r, p, t2);
                    Seat(r, q, t1);
                }
                else
                {
                    Unseat(r, p);
                    Seat(r, p, t2);
                }
                Rescore(r, t1);
                Rescore(r, t2);
                if (delta < 0 && Better(Cost, bestCost))
                {
                    bestCost = Cost;
                    best = Snapshot();
                }
            }
        }
        return best;
    }

    /// <summary>Whether p, in round r, sits with someone they meet more than once, or at a table that breaks a bound.</summary>
    private bool InTrouble(int r, int p)
    {
        var t = table[r][p];
        if (tableViolation[r][t] > 0)
        {
            return true;
        }
        var row = members[r][t];
        for (var i = 0; i < size[r][t]; i++)
        {
            if (row[i] != p && meet[p * n + row[i]] >= 2)
            {
                return true;
            }
        }
        return false;
    }

    private void Swap(int r, int p, int q)
    {
        var (t1, t2) = (table[r][p], table[r][q]);
        Unseat(r, p);
        Unseat(r, q);
        Seat(r, p, t2);
        Seat(r, q, t1);
        Rescore(r, t1);
        Rescore(r, t2);
    }

    /// <summary>
    /// Conflict-directed tabu search (after Dotú and Van Hentenryck's for the social golfer problem), for rooms where
    /// annealing leaves a few repeats: each step makes the best swap of someone in trouble (a repeat at their table or a
    /// broken bound) with anyone at another table of that round; the two may not move again in that round for a few
    /// steps unless the swap beats the best plan; after many steps without progress a few random swaps shake the plan.
    /// Stops at <paramref name="steps"/> steps, at the clock, or when no violation and no avoidable repeat is left.
    /// </summary>
    public int[][] Tabu(Random random, int[][] start, long steps, DateTime? stopAt)
    {
        Iterations = 0;
        Load(start);
        var best = start;
        var bestCost = Cost;
        var planned = rounds - held;
        if (planned == 0 || movable.Length < 2 || tables < 2)
        {
            return best;
        }
        var tabuUntil = new long[rounds][];
        for (var r = 0; r < rounds; r++)
        {
            tabuUntil[r] = new long[n];
        }
        long sinceBest = 0;
        for (long step = 1; step <= steps; step++)
        {
            if ((violations, repeats) == (0, HeldRepeats))
            {
                break;
            }
            if ((step & 0x3F) == 0 && stopAt is { } stop && DateTime.UtcNow >= stop)
            {
                break;
            }
            long bestDelta = long.MaxValue;
            int bestR = -1, bestP = -1, bestQ = -1, ties = 0;
            for (var r = held; r < rounds; r++)
            {
                foreach (var p in movable)
                {
                    if (!InTrouble(r, p))
                    {
                        continue;
                    }
                    var t1 = table[r][p];
                    foreach (var q in movable)
                    {
                        var t2 = table[r][q];
                        if (t2 == t1)
                        {
                            continue;
                        }
                        var delta = SwapDelta(r, p, q, t1, t2);
                        var tabu = tabuUntil[r][p] > step || tabuUntil[r][q] > step;
                        if (tabu && !(Weighted(violations, repeats, deviation) + delta < Weighted(bestCost)))
                        {
                            continue;
                        }
                        if (delta < bestDelta)
                        {
                            (bestDelta, bestR, bestP, bestQ, ties) = (delta, r, p, q, 1);
                        }
                        else if (delta == bestDelta && random.Next(++ties) == 0)
                        {
                            (bestR, bestP, bestQ) = (r, p, q);
                        }
                    }
                }
            }
            Iterations++;
            if (bestR >= 0)
            {
                Swap(bestR, bestP, bestQ);
                tabuUntil[bestR][bestP] = step + 3 + random.Next(8);
                tabuUntil[bestR][bestQ] = step + 3 + random.Next(8);
            }
            if (Better(Cost, bestCost))
            {
                bestCost = Cost;
                best = Snapshot();
                sinceBest = 0;
            }
            else if (++sinceBest > 300 || bestR < 0)
            {
                // Shake: a few random swaps from the best plan.
                Load(best);
                for (var k = 0; k < 4; k++)
                {
                    var r = held + random.Next(planned);
                    var p = movable[random.Next(movable.Length)];
                    var q = movable[random.Next(movable.Length)];
                    if (table[r][p] != table[r][q])
                    {
                        Swap(r, p, q);
                    }
                }
                sinceBest = 0;
            }
        }
        return best;
    }

    private long Weighted(int v, int r, int d) => boundWeight * v + repeatWeight * r + deviationWeight * d;

    private long Weighted((int V, int R, int D) cost) => Weighted(cost.V, cost.R, cost.D);

    private long SwapDelta(int r, int p, int q, int t1, int t2)
    {
        long repeat = 0;
        var row1 = members[r][t1];
        var row2 = members[r][t2];
        for (var i = 0; i < size[r][t1]; i++)
        {
            var x = row1[i];
            if (x == p)
            {
                continue;
            }
            if (meet[p * n + x] >= 2)
            {
                repeat--;
            }
            if (meet[q * n + x] >= 1)
            {
                repeat++;
            }
        }
        for (var i = 0; i < size[r][t2]; i++)
        {
            var y = row2[i];
            if (y == q)
            {
                continue;
            }
            if (meet[q * n + y] >= 2)
            {
                repeat--;
            }
            if (meet[p * n + y] >= 1)
            {
                repeat++;
            }
        }
        long dev = 0, bound = 0;
        var s1 = size[r][t1];
        var s2 = size[r][t2];
        var c1 = count[r][t1];
        var c2 = count[r][t2];
        for (var a = 0; a < attributes; a++)
        {
            var vp = slot[p][a];
            var vq = slot[q][a];
            if (vp == vq)
            {
                continue;
            }
            dev += Deviation(s1, vp, c1[vp] - 1) - Deviation(s1, vp, c1[vp])
                 + Deviation(s1, vq, c1[vq] + 1) - Deviation(s1, vq, c1[vq])
                 + Deviation(s2, vq, c2[vq] - 1) - Deviation(s2, vq, c2[vq])
                 + Deviation(s2, vp, c2[vp] + 1) - Deviation(s2, vp, c2[vp]);
            bound += Violation(vp, c1[vp] - 1) - Violation(vp, c1[vp])
                   + Violation(vq, c1[vq] + 1) - Violation(vq, c1[vq])
                   + Violation(vq, c2[vq] - 1) - Violation(vq, c2[vq])
                   + Violation(vp, c2[vp] + 1) - Violation(vp, c2[vp]);
        }
        return boundWeight * bound + repeatWeight * repeat + deviationWeight * dev;
    }

    private long MoveDelta(int r, int p, int t1, int t2)
    {
        long repeat = 0;
        var row1 = members[r][t1];
        for (var i = 0; i < size[r][t1]; i++)
        {
            var x = row1[i];
            if (x != p && meet[p * n + x] >= 2)
            {
                repeat--;
            }
        }
        var row2 = members[r][t2];
        for (var i = 0; i < size[r][t2]; i++)
        {
            if (meet[p * n + row2[i]] >= 1)
            {
                repeat++;
            }
        }
        var c1 = count[r][t1];
        var c2 = count[r][t2];
        foreach (var v in slot[p])
        {
            c1[v]--;
            c2[v]++;
        }
        var (d1, b1) = Score(size[r][t1] - 1, c1);
        var (d2, b2) = Score(size[r][t2] + 1, c2);
        foreach (var v in slot[p])
        {
            c1[v]++;
            c2[v]--;
        }
        long dev = d1 + d2 - tableDeviation[r][t1] - tableDeviation[r][t2];
        long bound = b1 + b2 - tableViolation[r][t1] - tableViolation[r][t2];
        return boundWeight * bound + repeatWeight * repeat + deviationWeight * dev;
    }
}
