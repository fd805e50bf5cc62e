namespace Cocreo.Sortition;

/// <summary>
/// People who are interchangeable for every rule of the selection: they have the same value for every feature and
/// none of them shares a household with anyone in the pool (people who do are each their own group). The paper calls
/// them agents of one type. Every fair algorithm here gives all members of a group the same selection probability,
/// and a panel is described by how many seats it gives each group.
/// </summary>
public sealed class ProfileGroup
{
    /// <summary>Creates a group; members are kept in ordinal order of their ids, the order the lottery draws from.</summary>
    public ProfileGroup(int index, IEnumerable<string> values, IEnumerable<string> memberIds)
    {
        Index = index;
        Values = values.ToArray();
        MemberIds = memberIds.Order(StringComparer.Ordinal).ToArray();
        if (MemberIds.Count == 0)
        {
            throw new ArgumentException("A profile group needs at least one member.", nameof(memberIds));
        }
    }

    /// <summary>The group's position in its distribution.</summary>
    public int Index { get; }

    /// <summary>The members' value of each feature, in the pool's feature order.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The members' ids in ordinal order.</summary>
    public IReadOnlyList<string> MemberIds { get; }

    /// <summary>The number of members.</summary>
    public int Size => MemberIds.Count;

    /// <summary>Forms the groups of a pool: one per feature profile, except that people sharing a household (when the quotas forbid two from one household) are each alone.</summary>
    public static IReadOnlyList<ProfileGroup> Form(Pool pool, QuotaSet quotas)
    {
        var sharedHouseholds = quotas.OnePerHousehold
            ? pool.People.Where(p => p.Household is not null).GroupBy(p => p.Household!).Where(h => h.Count() > 1).Select(h => h.Key).ToHashSet(StringComparer.Ordinal)
            : [];
        var groups = new List<(string[] Values, List<string> Members)>();
        var byProfile = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var person in pool.People)
        {
            var alone = person.Household is not null && sharedHouseholds.Contains(person.Household);
            var key = alone ? "\u0001" + person.Id : string.Join(',', person.Values);
            if (!byProfile.TryGetValue(key, out var index))
            {
                index = groups.Count;
                byProfile[key] = index;
                groups.Add((Enumerable.Range(0, pool.Features.Count).Select(f => pool.ValueOf(person, f)).ToArray(), []));
            }
            groups[index].Members.Add(person.Id);
        }
        return groups.Select((g, i) => new ProfileGroup(i, g.Values, g.Members)).ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => $"{string.Join(", ", Values)} ({Size})";
}
