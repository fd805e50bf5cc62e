namespace Cocreo.Meetings.TablePlans;

/// <summary>
/// A validated request in numbers: participants 0..n-1, tables 0..T-1, rounds 0..R-1 (the first <see cref="Held"/>
/// fixed), attribute values as small integers, and per round the fair counts of every value at a table of each size.
/// </summary>
internal sealed class Room
{
    public required string[] Ids { get; init; }
    public required string[] AttributeNames { get; init; }
    /// <summary>ValueNames[a][v].</summary>
    public required string[][] ValueNames { get; init; }
    /// <summary>Value[p][a].</summary>
    public required int[][] Value { get; init; }
    public required int Tables { get; init; }
    public required int Rounds { get; init; }
    public required int Held { get; init; }
    /// <summary>HostTable[p]: the table p hosts, or -1.</summary>
    public required int[] HostTable { get; init; }
    /// <summary>Present[p] in the planned rounds.</summary>
    public required bool[] Present { get; init; }
    /// <summary>HeldTable[r][p] for r &lt; Held: the table, or -1 when p was not seated.</summary>
    public required int[][] HeldTable { get; init; }
    /// <summary>Bounds per attribute and value: MinBound[a][v] (0 when none) and MaxBound[a][v] (int.MaxValue when none).</summary>
    public required int[][] MinBound { get; init; }
    public required int[][] MaxBound { get; init; }
    public required bool[][] HasMin { get; init; }
    public required bool[][] HasMax { get; init; }

    /// <summary>Previous[r][p]: the table in the plan computed before, or -1 (null when none was given).</summary>
    public int[][]? Previous { get; init; }

    public int Count => Ids.Length;
    public int Attributes => AttributeNames.Length;

    /// <summary>People present in the planned rounds.</summary>
    public int PresentCount => Present.Count(x => x);

    /// <summary>The smaller of the two balanced table sizes in a planned round, and how many tables get one more.</summary>
    public (int Base, int Bigger) Sizes => (PresentCount / Tables, PresentCount % Tables);

    /// <summary>
    /// The fair range of people with value v of attribute a at a table of size s, in a round where
    /// <paramref name="valueCount"/> of <paramref name="present"/> people have that value: the share rounded down and up.
    /// </summary>
    public static (int Low, int High) FairRange(int size, int valueCount, int present)
    {
        if (present == 0)
        {
            return (0, 0);
        }
        var product = (long)size * valueCount;
        var low = (int)(product / present);
        return (low, product % present == 0 ? low : low + 1);
    }

    /// <summary>People outside the fair range: how far <paramref name="count"/> lies below its low or above its high.</summary>
    public static int Deviation(int count, int low, int high) => count < low ? low - count : count > high ? count - high : 0;
}
