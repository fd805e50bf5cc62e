using System.Runtime.InteropServices;
using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.TieBreaking;

namespace Cocreo.Budgeting.Rules;

/// <summary>
/// The election as the rules count it: money as whole numbers, and voters with identical ballots gathered into one
/// group with a multiplicity (pabutools' multiprofile). Voters of one group are treated alike by every rule here, so
/// a group stands for all its voters exactly; Łódź 2022's 90,494 ballots make 23,571 groups.
/// </summary>
internal sealed class MultiProfile
{
    public MultiProfile(Instance instance, Profile profile, ITieBreaking tieBreaking)
    {
        Instance = instance;
        Profile = profile;
        ProjectCount = instance.Projects.Count;
        foreach (var ballot in profile.Ballots)
        {
            foreach (var project in ballot.Projects)
            {
                if (project.Index < 0 || project.Index >= ProjectCount || !ReferenceEquals(instance.Projects[project.Index], project))
                {
                    throw new ArgumentException($"Voter {ballot.VoterId} votes for project {project.Id}, which is not a project of this instance.", nameof(profile));
                }
            }
        }

        // Money times 10^d is whole for every cost and the budget (pabulib costs are whole numbers; a few budgets have cents).
        var decimals = instance.Projects.Select(project => DecimalPlaces(project.Cost)).Append(DecimalPlaces(instance.Budget)).Max();
        MoneyScale = checked((long)Math.Pow(10, decimals));
        Cost = instance.Projects.Select(project => checked((long)(project.Cost * MoneyScale))).ToArray();
        Budget = checked((long)(instance.Budget * MoneyScale));
        VoterCount = profile.Ballots.Count;

        var longest = profile.Ballots.Count == 0 ? 0 : profile.Ballots.Max(ballot => ballot.Projects.Count);
        var groups = new Dictionary<long[], int>(GroupKeyComparer.Instance);
        var lookup = groups.GetAlternateLookup<ReadOnlySpan<long>>();
        var multiplicity = new List<long>();
        var groupProjects = new List<int[]>();
        var groupSupport = new List<long[]>();
        var pairs = new List<(int Project, long Support)>(16);
        var key = new long[32];
        foreach (var ballot in profile.Ballots)
        {
            pairs.Clear();
            for (var i = 0; i < ballot.Projects.Count; i++)
            {
                long support = profile.VoteType switch
                {
                    VoteType.Cumulative or VoteType.Scoring => ballot.Points is { } points ? points[i] : 1,
                    VoteType.Ordinal => longest - i,
                    _ => 1,
                };
                if (support > 0)
                {
                    pairs.Add((ballot.Projects[i].Index, support));
                }
            }
            pairs.Sort((a, b) => a.Project.CompareTo(b.Project));
            if (key.Length < pairs.Count * 2)
            {
                key = new long[pairs.Count * 2];
            }
            for (var i = 0; i < pairs.Count; i++)
            {
                key[2 * i] = pairs[i].Project;
                key[2 * i + 1] = pairs[i].Support;
            }
            // Look the ballot up without allocating; only a new group gets its own key.
            var span = key.AsSpan(0, pairs.Count * 2);
            if (lookup.TryGetValue(span, out var group))
            {
                multiplicity[group]++;
                continue;
            }
            lookup[span] = multiplicity.Count;
            multiplicity.Add(1);
            groupProjects.Add(pairs.Select(pair => pair.Project).ToArray());
            groupSupport.Add(pairs.Select(pair => pair.Support).ToArray());
        }
        Multiplicity = multiplicity.ToArray();
        GroupProjects = groupProjects.ToArray();
        GroupSupport = groupSupport.ToArray();
        GroupCount = Multiplicity.Length;

        var supporterGroups = new List<int>[ProjectCount];
        var supporterSupport = new List<long>[ProjectCount];
        for (var p = 0; p < ProjectCount; p++)
        {
            supporterGroups[p] = [];
            supporterSupport[p] = [];
        }
        Score = new long[ProjectCount];
        Supporters = new long[ProjectCount];
        for (var g = 0; g < GroupCount; g++)
        {
            for (var i = 0; i < GroupProjects[g].Length; i++)
            {
                var p = GroupProjects[g][i];
                supporterGroups[p].Add(g);
                supporterSupport[p].Add(GroupSupport[g][i]);
                Score[p] += Multiplicity[g] * GroupSupport[g][i];
                Supporters[p] += Multiplicity[g];
            }
        }
        SupporterGroups = supporterGroups.Select(list => list.ToArray()).ToArray();
        SupporterSupport = supporterSupport.Select(list => list.ToArray()).ToArray();

        var order = tieBreaking.Order(instance, profile);
        var ranked = instance.Projects.ToArray();
        Array.Sort(ranked, order);
        Priority = new int[ProjectCount];
        for (var rank = 0; rank < ranked.Length; rank++)
        {
            Priority[ranked[rank].Index] = rank;
        }
    }

    public Instance Instance { get; }

    public Profile Profile { get; }

    public int ProjectCount { get; }

    /// <summary>10^d: money times this is whole.</summary>
    public long MoneyScale { get; }

    /// <summary>Project costs in money units (currency × <see cref="MoneyScale"/>).</summary>
    public long[] Cost { get; }

    /// <summary>The budget in money units.</summary>
    public long Budget { get; }

    public long VoterCount { get; }

    public int GroupCount { get; }

    /// <summary>Voters in each group.</summary>
    public long[] Multiplicity { get; }

    /// <summary>The projects each group supports (ascending).</summary>
    public int[][] GroupProjects { get; }

    /// <summary>The group's support for each of its projects (aligned with <see cref="GroupProjects"/>).</summary>
    public long[][] GroupSupport { get; }

    /// <summary>The groups supporting each project.</summary>
    public int[][] SupporterGroups { get; }

    /// <summary>Their support (aligned with <see cref="SupporterGroups"/>).</summary>
    public long[][] SupporterSupport { get; }

    /// <summary>Each project's score: votes, points or Borda points, summed over voters.</summary>
    public long[] Score { get; }

    /// <summary>Each project's number of supporters.</summary>
    public long[] Supporters { get; }

    /// <summary>Each project's tie-breaking rank: 0 wins every tie.</summary>
    public int[] Priority { get; }

    /// <summary>A voter's satisfaction from a project, given their support for it (whole numbers; costs in money units).</summary>
    public long Satisfaction(SatisfactionMeasure measure, int project, long support) => measure switch
    {
        SatisfactionMeasure.Cost => checked(Cost[project] * support),
        SatisfactionMeasure.Cardinality => 1,
        _ => support,
    };

    /// <summary>The summed satisfaction of all voters from a project.</summary>
    public long TotalSatisfaction(SatisfactionMeasure measure, int project) => measure switch
    {
        SatisfactionMeasure.Cost => checked(Cost[project] * Score[project]),
        SatisfactionMeasure.Cardinality => Supporters[project],
        _ => Score[project],
    };

    /// <summary>Money units back to the instance's currency.</summary>
    public decimal ToCurrency(long units) => (decimal)units / MoneyScale;

    public IReadOnlyList<Project> Projects(IEnumerable<int> indices) => indices.Select(index => Instance.Projects[index]).ToArray();

    public Outcome Outcome(IEnumerable<int> selected, Explanations.OutcomeExplanation explanation)
    {
        var projects = Projects(selected);
        return new Outcome(projects, projects.Sum(project => project.Cost), explanation);
    }

    public long CostOf(IEnumerable<int> projects) => projects.Sum(project => Cost[project]);

    private static int DecimalPlaces(decimal value)
    {
        var places = 0;
        while (value != decimal.Truncate(value))
        {
            value *= 10;
            places++;
        }
        return places;
    }

    // Ballots as (project, support) pairs, compared by content; spans look up without allocating.
    private sealed class GroupKeyComparer : IEqualityComparer<long[]>, IAlternateEqualityComparer<ReadOnlySpan<long>, long[]>
    {
        public static readonly GroupKeyComparer Instance = new();

        public bool Equals(long[]? x, long[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(long[] key) => GetHashCode(key.AsSpan());

        public bool Equals(ReadOnlySpan<long> alternate, long[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<long> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(alternate));
            return hash.ToHashCode();
        }

        public long[] Create(ReadOnlySpan<long> alternate) => alternate.ToArray();
    }
}
