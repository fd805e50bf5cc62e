using Cocreo.OpinionMap.Clustering;
using Cocreo.OpinionMap.Participation;
using Cocreo.OpinionMap.Projection;
using Cocreo.OpinionMap.Statistics;

namespace Cocreo.OpinionMap;

/// <summary>
/// Computes the opinion map of a conversation as Polis does (its math/src/polismath/math/conversation.clj and the
/// files it calls): who is in the conversation, the two principal components, participants' and statements'
/// positions, base clusters, opinion groups, representative statements, consensus, group-aware consensus and
/// statement priorities.
/// </summary>
public static class OpinionMapper
{
    /// <summary>
    /// Computes the map. Given the state of an earlier map of the same conversation, it starts from it (components,
    /// clusters, who is in, the number of groups) the way Polis updates a live conversation, so the map moves
    /// smoothly and the update is fast.
    /// </summary>
    /// <param name="conversation">The statements and votes.</param>
    /// <param name="options">Settings; Polis' defaults when null.</param>
    /// <param name="previous">The <see cref="ConversationMap.State"/> of an earlier map, or null to start from scratch.</param>
    /// <remarks>The same conversation, options and previous state always give the same map.</remarks>
    public static ConversationMap Compute(Conversation conversation, OpinionMapOptions? options = null, OpinionMapState? previous = null)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        options ??= OpinionMapOptions.Default;
        options.Validate();
        previous ??= OpinionMapState.Empty;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 };

        var matrix = conversation.ToVoteMatrix();
        var polisRowOrder = matrix.PolisRowOrder();
        var inConversation = InConversation.Admit(matrix, conversation.FirstVotes, polisRowOrder, previous.InConversation, options);

        var allVotes = matrix.ColumnVotes;
        var center = SparsityAwareProjection.Center(matrix, allVotes, options.FillMissingVotesWithZero);
        var components = PrincipalComponentsOf(matrix, center, previous, options, parallel);
        var first = components.First;
        var second = components.Second;
        var (participantX, participantY) = SparsityAwareProjection.Participants(matrix, center, first, second, parallel);
        var (statementX, statementY, extremity) = SparsityAwareProjection.Statements(center, first, second);

        // Participants are clustered in Polis' row order: a fresh k-means starts from the first points.
        var inRows = polisRowOrder.Where(r => inConversation[r]).ToArray();
        var participantPoints = new ClusterPoints(
            [.. inRows.Select(r => matrix.ParticipantIds[r])], [.. inRows.Select(r => participantX[r])], [.. inRows.Select(r => participantY[r])]);
        var baseClusters = KMeans.Run(participantPoints, options.BaseClusterCount,
            [.. previous.BaseClusters.Select(c => new PreviousCluster(c.Id, c.Members, c.X, c.Y))],
            options.BaseClusterIterations, parallel);
        var basePoints = new ClusterPoints(
            [.. baseClusters.Select(c => c.Id)], [.. baseClusters.Select(c => c.X)], [.. baseClusters.Select(c => c.Y)],
            [.. baseClusters.Select(c => (double)c.Members.Count)]);
        var (groupClusters, selection, groupHistory, clusterings) = ChooseGroups(basePoints, previous, options, parallel);
        var (baseOfRow, groupOfRow) = Memberships(matrix.RowCount, inRows, baseClusters, groupClusters, basePoints);

        var groupVotes = VoteTallies.Count(matrix, groupOfRow, groupClusters.Count, parallel);
        var representative = RepresentativeStatements.Select(groupVotes, matrix.StatementIds, matrix.IsModeratedOut, options);

        var participants = new ParticipantPlacement[matrix.RowCount];
        for (var r = 0; r < matrix.RowCount; r++)
        {
            int? group = groupOfRow[r] >= 0 ? groupClusters[groupOfRow[r]].Id : null;
            participants[r] = new ParticipantPlacement(matrix.ParticipantIds[r], participantX[r], participantY[r],
                matrix.VoteCountOfRow(r), inConversation[r], baseOfRow[r], group);
        }
        var baseClusterResults = baseClusters
            .Select(c => new BaseCluster(c.Id, [.. c.Members.Select(p => participantPoints.Names[p])], c.X, c.Y))
            .ToList();
        return new ConversationMap
        {
            Participants = participants,
            Statements = PlaceStatements(matrix, statementX, statementY, extremity, groupVotes, allVotes),
            Components = new PrincipalComponents(matrix.StatementIds, center, first, second, components.Iterations, components.Converged),
            BaseClusters = baseClusterResults,
            Groups = DescribeGroups(matrix, groupClusters, basePoints, groupOfRow, groupVotes, representative),
            Consensus = Consensus.Select(allVotes, matrix.StatementIds, matrix.IsModeratedOut, options),
            GroupCountSelection = selection,
            State = new OpinionMapState
            {
                InConversation = inRows.Select(r => matrix.ParticipantIds[r]).Order().ToHashSet(),
                Components = Enumerable.Range(0, matrix.ColumnCount)
                    .ToDictionary(c => matrix.StatementIds[c], c => new ComponentLoadings(first[c], second[c])),
                BaseClusters = baseClusterResults,
                GroupClusterings = clusterings.ToDictionary(
                    pair => pair.Key,
                    pair => (IReadOnlyList<GroupCluster>)[.. pair.Value.Select(c =>
                        new GroupCluster(c.Id, [.. c.Members.Select(p => basePoints.Names[p])], c.X, c.Y))]),
                GroupCount = groupHistory,
            },
            LastVoteTime = conversation.LastVoteTime,
        };
    }

    /// <summary>Each row's base cluster id and group (index into <paramref name="groupClusters"/>, −1 when none).</summary>
    private static (int?[] BaseOfRow, int[] GroupOfRow) Memberships(int rowCount, int[] inRows, List<KCluster> baseClusters,
        List<KCluster> groupClusters, ClusterPoints basePoints)
    {
        var groupOfBase = new Dictionary<int, int>();
        for (var g = 0; g < groupClusters.Count; g++)
        {
            foreach (var basePoint in groupClusters[g].Members)
            {
                groupOfBase[basePoints.Names[basePoint]] = g;
            }
        }
        var baseOfRow = new int?[rowCount];
        var groupOfRow = new int[rowCount];
        Array.Fill(groupOfRow, -1);
        foreach (var cluster in baseClusters)
        {
            foreach (var point in cluster.Members)
            {
                baseOfRow[inRows[point]] = cluster.Id;
                groupOfRow[inRows[point]] = groupOfBase.GetValueOrDefault(cluster.Id, -1);
            }
        }
        return (baseOfRow, groupOfRow);
    }

    private static StatementPlacement[] PlaceStatements(VoteMatrix matrix, double[] x, double[] y, double[] extremity,
        VoteTally[][] groupVotes, VoteTally[] allVotes)
    {
        var statements = new StatementPlacement[matrix.ColumnCount];
        for (var c = 0; c < matrix.ColumnCount; c++)
        {
            // Group-aware consensus multiplies each group's (A + 1) / (S + 2) in group order, as Polis does.
            var groupAware = 1.0;
            int agree = 0, disagree = 0, seen = 0;
            foreach (var group in groupVotes)
            {
                groupAware *= (group[c].Agree + 1.0) / (group[c].Seen + 2.0);
                agree += group[c].Agree;
                disagree += group[c].Disagree;
                seen += group[c].Seen;
            }
            // Polis reads the previous update's group votes here (its fnk shadows the argument); we use this update's.
            var priority = StatementPriority.Of(matrix.IsMeta[c], new VoteTally(agree, disagree, seen), extremity[c]);
            statements[c] = new StatementPlacement(matrix.StatementIds[c], x[c], y[c], extremity[c], allVotes[c], groupAware,
                priority, matrix.IsModeratedOut[c], matrix.IsMeta[c]);
        }
        return statements;
    }

    private static List<OpinionGroup> DescribeGroups(VoteMatrix matrix, List<KCluster> groupClusters, ClusterPoints basePoints,
        int[] groupOfRow, VoteTally[][] groupVotes, List<RepresentativeStatement>[] representative)
    {
        var members = groupClusters.Select(_ => new List<int>()).ToArray();
        for (var r = 0; r < matrix.RowCount; r++)
        {
            if (groupOfRow[r] >= 0)
            {
                members[groupOfRow[r]].Add(matrix.ParticipantIds[r]);
            }
        }
        return [.. groupClusters.Select((cluster, g) => new OpinionGroup(
            cluster.Id,
            [.. cluster.Members.Select(p => basePoints.Names[p])],
            members[g],
            cluster.X,
            cluster.Y,
            representative[g],
            Enumerable.Range(0, matrix.ColumnCount).ToDictionary(c => matrix.StatementIds[c], c => groupVotes[g][c])))];
    }

    private static (double[] First, double[] Second, int Iterations, bool Converged) PrincipalComponentsOf(
        VoteMatrix matrix, double[] center, OpinionMapState previous, OpinionMapOptions options, ParallelOptions parallel)
    {
        var columns = matrix.ColumnCount;
        var componentCount = Math.Min(2, Math.Min(matrix.RowCount, columns));
        if (componentCount == 0)
        {
            return (new double[columns], new double[columns], 0, true);
        }
        var random = new Random(options.Seed);
        var start1 = StartVector(matrix, previous, l => l.First, random);
        var start2 = componentCount == 2 ? StartVector(matrix, previous, l => l.Second, random) : null;
        var iteration = options.FillMissingVotesWithZero
            ? new PowerIteration(matrix, new double[columns], RowBlocks.Of(matrix), parallel, zeroFilledCenter: center)
            : new PowerIteration(matrix, center, RowBlocks.Of(matrix), parallel);
        // A live update (from the previous map's components) takes at most PcaStepsPerUpdate steps, as Polis does.
        var steps = previous.Components.Count > 0 && options.PcaStepsPerUpdate is { } perUpdate
            ? Math.Min(perUpdate, options.PcaMaxIterations)
            : options.PcaMaxIterations;
        var (first, second, iterations, converged) = iteration.Components(start1, start2, steps, options.PcaTolerance);
        return (first, second ?? new double[columns], iterations, converged);
    }

    /// <summary>
    /// The previous component (statements new since then start at 0), or, as Polis does when there is none or it is
    /// all zeros, a random vector.
    /// </summary>
    private static double[] StartVector(VoteMatrix matrix, OpinionMapState previous, Func<ComponentLoadings, double> loading, Random random)
    {
        var start = new double[matrix.ColumnCount];
        var any = false;
        for (var c = 0; c < start.Length; c++)
        {
            if (previous.Components.TryGetValue(matrix.StatementIds[c], out var loadings))
            {
                start[c] = loading(loadings);
                any |= start[c] != 0;
            }
        }
        if (!any)
        {
            for (var c = 0; c < start.Length; c++)
            {
                start[c] = random.NextDouble();
            }
        }
        return start;
    }

    /// <summary>
    /// Clusters the base clusters into 2 … min(max, 2 + #base clusters / 12) groups (Polis' k-means, checked against
    /// seeded starts: <see cref="GroupClustering"/>), scores each number by the silhouette of the best clustering
    /// found for it and picks the number to show with Polis' smoother: a new best number is shown only after winning
    /// <see cref="OpinionMapOptions.GroupCountBuffer"/> updates in a row.
    /// </summary>
    private static (List<KCluster> Groups, GroupCountSelection Selection, GroupCountHistory History, SortedDictionary<int, List<KCluster>> Clusterings)
        ChooseGroups(ClusterPoints basePoints, OpinionMapState previous, OpinionMapOptions options, ParallelOptions parallel)
    {
        var maxCount = Math.Min(options.MaxGroupCount, 2 + (basePoints.Count / 12));
        var counts = Enumerable.Range(2, maxCount - 1).ToList();
        if (options.GroupCount is { } forced && !counts.Contains(forced))
        {
            counts.Add(forced);
        }
        var clusterings = new SortedDictionary<int, List<KCluster>>();
        var silhouettes = new SortedDictionary<int, double>();
        var explained = new SortedDictionary<int, double>();
        var polisExplained = new SortedDictionary<int, double>();
        var replaced = new SortedSet<int>();
        foreach (var k in counts)
        {
            var last = previous.GroupClusterings.GetValueOrDefault(k);
            var result = GroupClustering.Run(basePoints, k,
                last?.Select(c => new PreviousCluster(c.Id, c.BaseClusterIds, c.X, c.Y)).ToList(), options, parallel);
            clusterings[k] = result.Shown;
            // The number of groups is judged on the best clustering found for each number, not on wherever Polis'
            // start happened to stop.
            silhouettes[k] = Silhouette.Of(basePoints, result.Best);
            explained[k] = result.BestExplainedSpread;
            polisExplained[k] = result.PolisStartExplainedSpread;
            if (result.SeededStartShown)
            {
                replaced.Add(k);
            }
        }

        // Polis' max-key: the highest silhouette, the larger number on a tie.
        var best = 2;
        foreach (var k in Enumerable.Range(2, maxCount - 1))
        {
            if (silhouettes[k] >= silhouettes[best])
            {
                best = k;
            }
        }
        var history = previous.GroupCount;
        var wins = history.LastBest == best ? history.LastBestWins + 1 : 1;
        var shown = wins >= options.GroupCountBuffer ? best : history.Shown ?? best;
        if (!clusterings.ContainsKey(shown))
        {
            // Fewer base clusters than before can rule out the number shown; Polis would then show no groups.
            shown = best;
        }
        var chosen = options.GroupCount ?? shown;
        return (clusterings[chosen],
            new GroupCountSelection(silhouettes, best, chosen, options.GroupCount is not null)
            {
                ExplainedSpread = explained,
                PolisStartExplainedSpread = polisExplained,
                SeededStartShown = replaced,
            },
            new GroupCountHistory(best, wins, shown),
            clusterings);
    }
}
