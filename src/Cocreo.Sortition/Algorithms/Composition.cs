namespace Cocreo.Sortition;

/// <summary>A panel as the number of seats it gives each profile group (only groups with seats are listed, by index).</summary>
internal sealed class Composition : IEquatable<Composition>
{
    private readonly int hash;

    public Composition(int[] groups, int[] seats)
    {
        Groups = groups;
        Seats = seats;
        var h = new HashCode();
        for (var i = 0; i < groups.Length; i++)
        {
            h.Add(groups[i]);
            h.Add(seats[i]);
        }
        hash = h.ToHashCode();
    }

    public int[] Groups { get; }

    public int[] Seats { get; }

    public static Composition FromDense(int[] seatsByGroup)
    {
        var groups = new List<int>();
        var seats = new List<int>();
        for (var g = 0; g < seatsByGroup.Length; g++)
        {
            if (seatsByGroup[g] > 0)
            {
                groups.Add(g);
                seats.Add(seatsByGroup[g]);
            }
        }
        return new Composition(groups.ToArray(), seats.ToArray());
    }

    public int[] ToDense(int groupCount)
    {
        var dense = new int[groupCount];
        for (var i = 0; i < Groups.Length; i++)
        {
            dense[Groups[i]] = Seats[i];
        }
        return dense;
    }

    /// <summary>The sum of the weights of the panel's seats.</summary>
    public double Value(double[] weightPerSeat)
    {
        var value = 0.0;
        for (var i = 0; i < Groups.Length; i++)
        {
            value += weightPerSeat[Groups[i]] * Seats[i];
        }
        return value;
    }

    public bool Equals(Composition? other) =>
        other is not null && hash == other.hash && Groups.AsSpan().SequenceEqual(other.Groups) && Seats.AsSpan().SequenceEqual(other.Seats);

    public override bool Equals(object? obj) => Equals(obj as Composition);

    public override int GetHashCode() => hash;
}
