using Cocreo.Budgeting.Election;

namespace Cocreo.Budgeting.TieBreaking;

/// <summary>Decides between projects that a rule finds exactly equal.</summary>
public interface ITieBreaking
{
    /// <summary>The name used on the command line and in explanations.</summary>
    string Name { get; }

    /// <summary>
    /// A total order of the instance's projects for this election: the project that comes first wins a tie.
    /// </summary>
    IComparer<Project> Order(Instance instance, Profile profile);
}

/// <summary>The tie-breaking rules Cocreo knows.</summary>
public static class TieBreakings
{
    /// <summary>The smaller project identifier, compared as a string (pabutools' default, <c>lexico_tie_breaking</c>).</summary>
    public static ITieBreaking ProjectId { get; } = new ProjectIdTieBreaking();

    /// <summary>The lower cost, then the more votes (supporters), then the identifier (equalshares.net's default).</summary>
    public static ITieBreaking CostThenVotes { get; } = new CostThenVotesTieBreaking();

    /// <summary>An explicit priority list of project identifiers; projects not listed come after, by identifier.</summary>
    public static ITieBreaking Explicit(IEnumerable<string> projectIds) => new ExplicitOrderTieBreaking(projectIds);

    /// <summary>Reads <c>id</c>, <c>cost-then-votes</c> or <c>order:ID1,ID2,...</c>.</summary>
    public static bool TryParse(string text, out ITieBreaking tieBreaking)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("id", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("project-id", StringComparison.OrdinalIgnoreCase))
        {
            tieBreaking = ProjectId;
            return true;
        }
        if (trimmed.Equals("cost-then-votes", StringComparison.OrdinalIgnoreCase))
        {
            tieBreaking = CostThenVotes;
            return true;
        }
        if (trimmed.StartsWith("order:", StringComparison.OrdinalIgnoreCase))
        {
            tieBreaking = Explicit(trimmed["order:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return true;
        }
        tieBreaking = ProjectId;
        return false;
    }
}

/// <summary>Ties go to the smaller project identifier, compared ordinally as a string ("10" comes before "9").</summary>
public sealed class ProjectIdTieBreaking : ITieBreaking
{
    /// <inheritdoc />
    public string Name => "id";

    /// <inheritdoc />
    public IComparer<Project> Order(Instance instance, Profile profile) =>
        Comparer<Project>.Create((a, b) => string.CompareOrdinal(a.Id, b.Id));
}

/// <summary>Ties go to the cheaper project, then to the one with more supporters, then to the smaller identifier.</summary>
public sealed class CostThenVotesTieBreaking : ITieBreaking
{
    /// <inheritdoc />
    public string Name => "cost-then-votes";

    /// <inheritdoc />
    public IComparer<Project> Order(Instance instance, Profile profile)
    {
        var supporters = new long[instance.Projects.Count];
        foreach (var ballot in profile.Ballots)
        {
            foreach (var project in ballot.Projects)
            {
                supporters[project.Index]++;
            }
        }
        return Comparer<Project>.Create((a, b) =>
        {
            var byCost = a.Cost.CompareTo(b.Cost);
            if (byCost != 0)
            {
                return byCost;
            }
            var byVotes = supporters[b.Index].CompareTo(supporters[a.Index]);
            return byVotes != 0 ? byVotes : string.CompareOrdinal(a.Id, b.Id);
        });
    }
}

/// <summary>Ties go to the project listed first; projects not listed come after all listed ones, by identifier.</summary>
public sealed class ExplicitOrderTieBreaking(IEnumerable<string> projectIds) : ITieBreaking
{
    private readonly string[] _projectIds = projectIds.ToArray();

    /// <summary>The priority list.</summary>
    public IReadOnlyList<string> ProjectIds => _projectIds;

    /// <inheritdoc />
    public string Name => "order:" + string.Join(',', _projectIds);

    /// <inheritdoc />
    public IComparer<Project> Order(Instance instance, Profile profile)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _projectIds.Length; i++)
        {
            position.TryAdd(_projectIds[i], i);
        }
        return Comparer<Project>.Create((a, b) =>
        {
            var pa = position.GetValueOrDefault(a.Id, int.MaxValue);
            var pb = position.GetValueOrDefault(b.Id, int.MaxValue);
            return pa != pb ? pa.CompareTo(pb) : string.CompareOrdinal(a.Id, b.Id);
        });
    }
}
