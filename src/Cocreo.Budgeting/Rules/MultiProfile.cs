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
        ProjectCount = instance.Projects.Count;
        // Loops below index the lists rather than enumerate them: an enumerator per ballot is 90,000 allocations on a city file.
        for (var b = 0; b < profile.Ballots.Count; b++)
        {
            var ballot = profile.Ballots[b];
            for (var i = 0; i < ballot.Projects.Count; i++)
            {
                var project = ballot.Projects[i];
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
        var multiplicity = new List<long>();
        var groupProjects = new List<int[]>();
        var groupSupport = new List<long[]>();
        var pairs = new List<(int Project, long Support)>(16);
        var groups = new HashSet<int>(new GroupComparer(groupProjects, groupSupport, pairs));
        var ones = new Dictionary<int, long[]>();
        for (var b = 0; b < profile.Ballots.Count; b++)
        {
            var ballot = profile.Ballots[b];
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
            // A span sort with a cached delegate: List.Sort with a comparer allocates a delegate per call.
            CollectionsMarshal.AsSpan(pairs).Sort(ByProject);
            if (groups.TryGetValue(GroupComparer.Ballot, out var group))
            {
                multiplicity[group]++;
                continue;
            }
            var projects = new int[pairs.Count];
            for (var i = 0; i < pairs.Count; i++)
            {
                projects[i] = pairs[i].Project;
            }
            groupProjects.Add(projects);
            // Groups only read their supports, so approval groups of one length share one array of ones.
            groupSupport.Add(pairs.TrueForAll(pair => pair.Support == 1)
                ? (ones.TryGetValue(pairs.Count, out var shared) ? shared : ones[pairs.Count] = Enumerable.Repeat(1L, pairs.Count).ToArray())
                : pairs.Select(pair => pair.Support).ToArray());
            groups.Add(multiplicity.Count);
            multiplicity.Add(1);
        }
        Multiplicity = multiplicity.ToArray();
        GroupProjects = groupProjects.ToArray();
        GroupSupport = groupSupport.ToArray();
        GroupCount = Multiplicity.Length;

        // Count first, then fill arrays of the right size: no growing lists.
        var groupsPerProject = new int[ProjectCount];
        foreach (var projects in GroupProjects)
        {
            foreach (var p in projects)
            {
                groupsPerProject[p]++;
            }
        }
        // Approval ballots support every project with 1: no array of supports then.
        var allOnes = GroupSupport.All(supports => !supports.AsSpan().ContainsAnyExcept(1));
        SupporterGroups = new int[ProjectCount][];
        _supporterSupport = new long[ProjectCount][];
        for (var p = 0; p < ProjectCount; p++)
        {
            SupporterGroups[p] = new int[groupsPerProject[p]];
            _supporterSupport[p] = allOnes ? null : new long[groupsPerProject[p]];
            groupsPerProject[p] = 0;
        }
        Score = new long[ProjectCount];
        Supporters = new long[ProjectCount];
        for (var g = 0; g < GroupCount; g++)
        {
            for (var i = 0; i < GroupProjects[g].Length; i++)
            {
                var p = GroupProjects[g][i];
                var slot = groupsPerProject[p]++;
                SupporterGroups[p][slot] = g;
                _supporterSupport[p]?[slot] = GroupSupport[g][i];
                Score[p] += Multiplicity[g] * GroupSupport[g][i];
                Supporters[p] += Multiplicity[g];
            }
        }

        var order = tieBreaking.Order(instance, profile);
        var ranked = instance.Projects.ToArray();
        Array.Sort(ranked, order);
        Priority = new int[ProjectCount];
        for (var rank = 0; rank < ranked.Length; rank++)
        {
            Priority[ranked[rank].Index] = rank;
        }
    }

    private static readonly Comparison<(int Project, long Support)> ByProject = (a, b) => a.Project.CompareTo(b.Project);

    public Instance Instance { get; }

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

    /// <summary>The support of the <paramref name="supporter"/>-th group of <see cref="SupporterGroups"/> for project <paramref name="project"/>.</summary>
    public long Support(int project, int supporter) => _supporterSupport[project] is { } supports ? supports[supporter] : 1;

    // Aligned with SupporterGroups; null arrays when every support is 1.
    private readonly long[]?[] _supporterSupport;

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

    // Groups compared by content, so identical ballots find their group without a key of their own. The index
    // Ballot stands for the ballot being grouped (its sorted pairs), which is looked up before it becomes a group.
    private sealed class GroupComparer(List<int[]> projects, List<long[]> supports, List<(int Project, long Support)> ballot) : IEqualityComparer<int>
    {
        public const int Ballot = -1;

        public bool Equals(int x, int y)
        {
            if (x == y)
            {
                return true;
            }
            if (x != Ballot && y != Ballot)
            {
                return false;
            }
            var group = x == Ballot ? y : x;
            var (groupProjects, groupSupports) = (projects[group], supports[group]);
            if (groupProjects.Length != ballot.Count)
            {
                return false;
            }
            for (var i = 0; i < groupProjects.Length; i++)
            {
                if (groupProjects[i] != ballot[i].Project || groupSupports[i] != ballot[i].Support)
                {
                    return false;
                }
            }
            return true;
        }

        public int GetHashCode(int group)
        {
            var hash = new HashCode();
            if (group == Ballot)
            {
                foreach (var (project, support) in ballot)
                {
                    hash.Add(project);
                    hash.Add(support);
                }
            }
            else
            {
                for (var i = 0; i < projects[group].Length; i++)
                {
                    hash.Add(projects[group][i]);
                    hash.Add(supports[group][i]);
                }
            }
            return hash.ToHashCode();
        }
    }
}
