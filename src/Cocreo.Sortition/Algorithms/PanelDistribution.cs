using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cocreo.Sortition;

/// <summary>How many seats a panel gives one profile group.</summary>
/// <param name="Group">The group's index in the distribution.</param>
/// <param name="Seats">The number of its members on the panel (at least one).</param>
public sealed record GroupSeats(int Group, int Seats);

/// <summary>One panel of a distribution, as seats per profile group, and the probability of drawing it.</summary>
/// <param name="Probability">The probability of this panel.</param>
/// <param name="Seats">The groups with seats, by increasing group index.</param>
public sealed record PanelComposition(double Probability, IReadOnlyList<GroupSeats> Seats)
{
    /// <summary>The number of panel members.</summary>
    public int Size => Seats.Sum(s => s.Seats);
}

/// <summary>
/// A lottery over valid panels. Each panel says how many members of each profile group it takes; drawing it then takes
/// that many members of the group uniformly at random, so every member of a group has the same selection probability.
/// A distribution whose groups all have one member lists concrete panels (as after rounding to a uniform lottery).
/// </summary>
public sealed class PanelDistribution
{
    /// <summary>Creates a distribution; the probabilities should sum to 1.</summary>
    public PanelDistribution(int panelSize, IEnumerable<ProfileGroup> groups, IEnumerable<PanelComposition> panels)
    {
        PanelSize = panelSize;
        Groups = groups.ToArray();
        Panels = panels.ToArray();
    }

    /// <summary>The number of people on every panel (k).</summary>
    public int PanelSize { get; }

    /// <summary>The profile groups the panels are described in.</summary>
    public IReadOnlyList<ProfileGroup> Groups { get; }

    /// <summary>The panels with a positive probability.</summary>
    public IReadOnlyList<PanelComposition> Panels { get; }

    /// <summary>The probability that a given member of each group is selected: Σ over panels of probability × seats / group size.</summary>
    public double[] GroupProbabilities()
    {
        var probabilities = new double[Groups.Count];
        foreach (var panel in Panels)
        {
            foreach (var seats in panel.Seats)
            {
                probabilities[seats.Group] += panel.Probability * seats.Seats / Groups[seats.Group].Size;
            }
        }
        return probabilities;
    }

    /// <summary>Each person's selection probability, by id.</summary>
    public IReadOnlyDictionary<string, double> PersonProbabilities()
    {
        var byGroup = GroupProbabilities();
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            foreach (var id in group.MemberIds)
            {
                result[id] = byGroup[group.Index];
            }
        }
        return result;
    }

    /// <summary>
    /// The SHA-256 (hexadecimal) of the distribution's canonical text: the panel size, every group with its member ids,
    /// every panel with its probability (shortest round-trip form) and seats. The lottery mixes it into every draw, so
    /// a published seed gives the published panel only for this exact distribution.
    /// </summary>
    public string Digest()
    {
        var text = new StringBuilder();
        text.Append("cocreo-panel-distribution/1\n").Append(PanelSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var group in Groups)
        {
            text.Append("group ").Append(group.Index.ToString(CultureInfo.InvariantCulture)).Append(' ').AppendJoin(',', group.MemberIds).Append('\n');
        }
        foreach (var panel in Panels)
        {
            text.Append("panel ").Append(panel.Probability.ToString("R", CultureInfo.InvariantCulture)).Append(' ')
                .AppendJoin(',', panel.Seats.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Group}:{s.Seats}"))).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Checks the distribution against the pool and the quotas by plain counting, independently of any solver: every
    /// group's members exist and share the group's values, no one is in two groups, people sharing a household are
    /// alone in their group, every panel is valid (size, quotas, household) and the probabilities are non-negative and
    /// sum to 1 within 1e-9. Returns one line per problem; empty when the distribution is sound.
    /// </summary>
    public IReadOnlyList<string> Problems(Pool pool, QuotaSet quotas)
    {
        var problems = new List<string>();
        if (PanelSize != quotas.PanelSize)
        {
            problems.Add($"the distribution is for panels of {PanelSize}, the quotas for {quotas.PanelSize}");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Count; g++)
        {
            var group = Groups[g];
            if (group.Index != g)
            {
                problems.Add($"group {g} carries the index {group.Index}");
            }
            foreach (var id in group.MemberIds)
            {
                if (!seen.Add(id))
                {
                    problems.Add($"'{id}' is in two groups");
                }
                if (pool.IndexOf(id) < 0)
                {
                    problems.Add($"group {g} names '{id}', who is not in the pool");
                    continue;
                }
                var person = pool[id];
                for (var f = 0; f < pool.Features.Count; f++)
                {
                    if (f >= group.Values.Count || pool.ValueOf(person, f) != group.Values[f])
                    {
                        problems.Add($"'{id}' does not have the values of group {g}");
                        break;
                    }
                }
                if (quotas.OnePerHousehold && group.Size > 1 && person.Household is not null
                    && pool.People.Any(other => other.Household == person.Household && other.Id != person.Id))
                {
                    problems.Add($"'{id}' shares a household but is in a group of {group.Size}");
                }
            }
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var space = new PanelSpace(pool, quotas, Groups);
        var total = 0.0;
        for (var i = 0; i < Panels.Count; i++)
        {
            var panel = Panels[i];
            if (!(panel.Probability >= 0) || panel.Probability > 1)
            {
                problems.Add($"panel {i + 1} has the probability {panel.Probability}");
            }
            total += panel.Probability;
            var seats = new int[Groups.Count];
            foreach (var s in panel.Seats)
            {
                if ((uint)s.Group >= (uint)Groups.Count || s.Seats <= 0 || seats[s.Group] != 0)
                {
                    problems.Add($"panel {i + 1} lists a bad or repeated group {s.Group}");
                    continue;
                }
                seats[s.Group] = s.Seats;
            }
            if (space.Violation(seats) is { } violation)
            {
                problems.Add($"panel {i + 1}: {violation}");
            }
        }
        if (Math.Abs(total - 1) > 1e-9)
        {
            problems.Add($"the probabilities sum to {total.ToString("R", CultureInfo.InvariantCulture)}, not 1");
        }
        return problems;
    }
}
