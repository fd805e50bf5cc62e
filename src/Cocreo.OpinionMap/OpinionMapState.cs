namespace Cocreo.OpinionMap;

/// <summary>
/// What an update of the opinion map starts from: who is already in the conversation, the previous components,
/// base clusters and group clusterings, and the history of the best number of groups. Plain data, so a caller can
/// keep it (e.g. serialised) between updates.
/// </summary>
public sealed record OpinionMapState
{
    /// <summary>An empty state: the next computation starts from scratch.</summary>
    public static OpinionMapState Empty { get; } = new();

    /// <summary>Participants already in the conversation; they stay in.</summary>
    public IReadOnlySet<int> InConversation { get; init; } = new HashSet<int>();

    /// <summary>The previous components by statement id: the warm start of the power iteration.</summary>
    public IReadOnlyDictionary<int, ComponentLoadings> Components { get; init; } = new Dictionary<int, ComponentLoadings>();

    /// <summary>The previous base clusters.</summary>
    public IReadOnlyList<BaseCluster> BaseClusters { get; init; } = [];

    /// <summary>The previous clustering of base clusters for each number of groups tried.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<GroupCluster>> GroupClusterings { get; init; } =
        new Dictionary<int, IReadOnlyList<GroupCluster>>();

    /// <summary>The number-of-groups history.</summary>
    public GroupCountHistory GroupCount { get; init; } = new(null, 0, null);
}

/// <summary>A statement's loadings on the two components.</summary>
/// <param name="First">On the first component.</param>
/// <param name="Second">On the second component.</param>
public readonly record struct ComponentLoadings(double First, double Second);

/// <summary>Polis' group-k-smoother: the last best number of groups, how many updates in a row it has won, and the number shown.</summary>
/// <param name="LastBest">The best number of groups at the last update.</param>
/// <param name="LastBestWins">How many updates in a row it has been the best.</param>
/// <param name="Shown">The number of groups shown.</param>
public sealed record GroupCountHistory(int? LastBest, int LastBestWins, int? Shown);
