namespace Cocreo.Sortition;

/// <summary>
/// What a valid panel is: exactly <see cref="PanelSize"/> people, every feature value within its quota, and, when
/// <see cref="OnePerHousehold"/> is set, no two people from the same household.
/// </summary>
public sealed class QuotaSet
{
    private readonly Quota[][] byFeature;

    /// <summary>Creates a quota set with exactly one quota for every value of every feature.</summary>
    public QuotaSet(IReadOnlyList<Feature> features, IEnumerable<Quota> quotas, int panelSize, bool onePerHousehold = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(panelSize);
        Features = features;
        PanelSize = panelSize;
        OnePerHousehold = onePerHousehold;
        byFeature = features.Select(f => new Quota[f.Values.Count]).ToArray();
        foreach (var quota in quotas)
        {
            var f = IndexOfFeature(quota.Feature);
            var v = f < 0 ? -1 : features[f].IndexOf(quota.Value);
            if (v < 0)
            {
                throw new ArgumentException($"The quota {quota} names a feature value that is not among the features.", nameof(quotas));
            }
            if (byFeature[f][v] is not null)
            {
                throw new ArgumentException($"Two quotas are given for {quota.Feature}={quota.Value}.", nameof(quotas));
            }
            if (quota.Min < 0 || quota.Min > quota.Max)
            {
                throw new ArgumentException($"The quota {quota} needs 0 <= min <= max.", nameof(quotas));
            }
            byFeature[f][v] = quota;
        }
        for (var f = 0; f < features.Count; f++)
        {
            for (var v = 0; v < features[f].Values.Count; v++)
            {
                if (byFeature[f][v] is null)
                {
                    throw new ArgumentException($"No quota is given for {features[f].Name}={features[f].Values[v]}.", nameof(quotas));
                }
            }
        }
    }

    /// <summary>The features the quotas are set on (the same objects as the pool's).</summary>
    public IReadOnlyList<Feature> Features { get; }

    /// <summary>The number of people on the panel (k).</summary>
    public int PanelSize { get; }

    /// <summary>Whether a panel may hold at most one person per household.</summary>
    public bool OnePerHousehold { get; }

    /// <summary>Every quota, feature by feature, in file order.</summary>
    public IEnumerable<Quota> Quotas => byFeature.SelectMany(q => q);

    /// <summary>The quota of a value (by feature and value index).</summary>
    public Quota this[int feature, int value] => byFeature[feature][value];

    /// <summary>The same quotas for another panel size.</summary>
    public QuotaSet WithPanelSize(int panelSize) => new(Features, Quotas, panelSize, OnePerHousehold);

    /// <summary>The same panel size with some quotas replaced (matched by feature and value).</summary>
    public QuotaSet With(IEnumerable<Quota> replacements)
    {
        var replaced = replacements.ToDictionary(q => (q.Feature, q.Value));
        return new QuotaSet(Features, Quotas.Select(q => replaced.GetValueOrDefault((q.Feature, q.Value), q)), PanelSize, OnePerHousehold);
    }

    /// <summary>
    /// Why a set of people is not a valid panel: one line per broken rule (size, quota, household); empty when it is valid.
    /// Checked from the people's values alone, independently of any solver.
    /// </summary>
    public IReadOnlyList<string> Violations(IReadOnlyCollection<Person> panel)
    {
        var problems = new List<string>();
        if (panel.Count != PanelSize)
        {
            problems.Add($"the panel has {panel.Count} members, not {PanelSize}");
        }
        if (panel.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count() != panel.Count)
        {
            problems.Add("the panel holds someone twice");
        }
        for (var f = 0; f < Features.Count; f++)
        {
            var counts = new int[Features[f].Values.Count];
            foreach (var person in panel)
            {
                counts[person.Values[f]]++;
            }
            for (var v = 0; v < counts.Length; v++)
            {
                var quota = byFeature[f][v];
                if (counts[v] < quota.Min || counts[v] > quota.Max)
                {
                    problems.Add($"{quota.Feature}={quota.Value}: {counts[v]} members, quota [{quota.Min}, {quota.Max}]");
                }
            }
        }
        if (OnePerHousehold)
        {
            foreach (var shared in panel.Where(p => p.Household is not null).GroupBy(p => p.Household).Where(g => g.Count() > 1))
            {
                problems.Add($"{shared.Count()} members share a household ({string.Join(", ", shared.Select(p => p.Id))})");
            }
        }
        return problems;
    }

    internal int IndexOfFeature(string name)
    {
        for (var f = 0; f < Features.Count; f++)
        {
            if (string.Equals(Features[f].Name, name, StringComparison.Ordinal))
            {
                return f;
            }
        }
        return -1;
    }
}
