namespace Cocreo.Sortition;

/// <summary>
/// The rules a panel must follow, stated over profile groups: seats per group within the group's size, the panel
/// size, each quota, and at most one seat per shared household. Every solver model and every check is built from it.
/// </summary>
internal sealed class PanelSpace
{
    public PanelSpace(Pool pool, QuotaSet quotas, IReadOnlyList<ProfileGroup> groups)
    {
        Groups = groups;
        GroupCount = groups.Count;
        PanelSize = quotas.PanelSize;
        Capacity = groups.Select(g => g.Size).ToArray();
        FeatureCount = pool.Features.Count;
        Min = new int[FeatureCount][];
        Max = new int[FeatureCount][];
        for (var f = 0; f < FeatureCount; f++)
        {
            var count = pool.Features[f].Values.Count;
            Min[f] = new int[count];
            Max[f] = new int[count];
            for (var v = 0; v < count; v++)
            {
                Min[f][v] = quotas[f, v].Min;
                Max[f][v] = quotas[f, v].Max;
            }
        }
        ValueOf = new int[GroupCount][];
        HouseholdOf = new int[GroupCount];
        var householdIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<List<int>>();
        for (var g = 0; g < GroupCount; g++)
        {
            var first = pool[groups[g].MemberIds[0]];
            ValueOf[g] = first.Values.ToArray();
            HouseholdOf[g] = -1;
            if (quotas.OnePerHousehold && groups[g].Size == 1 && first.Household is not null)
            {
                if (!householdIndex.TryGetValue(first.Household, out var h))
                {
                    h = householdIndex[first.Household] = members.Count;
                    members.Add([]);
                }
                HouseholdOf[g] = h;
                members[h].Add(g);
            }
        }
        // A household with one person in the pool constrains nothing.
        foreach (var alone in members.Where(m => m.Count == 1))
        {
            HouseholdOf[alone[0]] = -1;
        }
        Lower = new int[GroupCount];
        Upper = (int[])Capacity.Clone();
        Households = members.Where(m => m.Count > 1).Select(m => m.ToArray()).ToArray();
        var renumber = Households.SelectMany((m, h) => m.Select(g => (g, h))).ToDictionary(p => p.g, p => p.h);
        for (var g = 0; g < GroupCount; g++)
        {
            HouseholdOf[g] = renumber.GetValueOrDefault(g, -1);
        }
    }

    private PanelSpace(PanelSpace other, int[][] min, int[][] max, int[] lower, int[] upper)
    {
        Groups = other.Groups;
        GroupCount = other.GroupCount;
        PanelSize = other.PanelSize;
        Capacity = other.Capacity;
        FeatureCount = other.FeatureCount;
        ValueOf = other.ValueOf;
        HouseholdOf = other.HouseholdOf;
        Households = other.Households;
        Min = min;
        Max = max;
        Lower = lower;
        Upper = upper;
    }

    public IReadOnlyList<ProfileGroup> Groups { get; }

    /// <summary>The least seats each group may get (0 unless restricted to a face).</summary>
    public int[] Lower { get; }

    /// <summary>The most seats each group may get (its size unless restricted to a face).</summary>
    public int[] Upper { get; }

    /// <summary>The same rules with tighter bounds: the panels on a face of the relaxation.</summary>
    public PanelSpace Restrict(int[][] min, int[][] max, int[] lower, int[] upper) => new(this, min, max, lower, upper);

    public int GroupCount { get; }

    public int PanelSize { get; }

    public int[] Capacity { get; }

    public int FeatureCount { get; }

    /// <summary>The least seats per feature value [feature][value].</summary>
    public int[][] Min { get; }

    /// <summary>The most seats per feature value [feature][value].</summary>
    public int[][] Max { get; }

    /// <summary>The value index of each feature for each group [group][feature].</summary>
    public int[][] ValueOf { get; }

    /// <summary>The shared household of a group of one, or -1.</summary>
    public int[] HouseholdOf { get; }

    /// <summary>For each shared household, the groups (of one person each) living in it.</summary>
    public int[][] Households { get; }

    /// <summary>Why the seats do not form a valid panel, or null when they do. Plain integer arithmetic, no solver.</summary>
    public string? Violation(int[] seats)
    {
        if (seats.Length != GroupCount)
        {
            return $"the panel describes {seats.Length} groups, not {GroupCount}";
        }
        var total = 0;
        for (var g = 0; g < GroupCount; g++)
        {
            if (seats[g] < Lower[g] || seats[g] > Upper[g])
            {
                return $"group {g} gets {seats[g]} seats; it must get {Lower[g]} to {Upper[g]} (it has {Capacity[g]} members)";
            }
            total += seats[g];
        }
        if (total != PanelSize)
        {
            return $"the panel has {total} members, not {PanelSize}";
        }
        var counts = CountByValue(seats);
        for (var f = 0; f < FeatureCount; f++)
        {
            for (var v = 0; v < counts[f].Length; v++)
            {
                if (counts[f][v] < Min[f][v] || counts[f][v] > Max[f][v])
                {
                    return $"feature {f} value {v} has {counts[f][v]} members, quota [{Min[f][v]}, {Max[f][v]}]";
                }
            }
        }
        foreach (var household in Households)
        {
            if (household.Sum(g => seats[g]) > 1)
            {
                return "two members share a household";
            }
        }
        return null;
    }

    public int[][] CountByValue(int[] seats)
    {
        var counts = Min.Select(m => new int[m.Length]).ToArray();
        for (var g = 0; g < GroupCount; g++)
        {
            if (seats[g] != 0)
            {
                for (var f = 0; f < FeatureCount; f++)
                {
                    counts[f][ValueOf[g][f]] += seats[g];
                }
            }
        }
        return counts;
    }
}
