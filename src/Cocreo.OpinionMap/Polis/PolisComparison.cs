namespace Cocreo.OpinionMap.Polis;

/// <summary>How far an opinion map agrees with Polis' math output for the same conversation.</summary>
/// <param name="InConversation">Participants in the conversation: ours, Polis', in Polis' only, in ours only.</param>
/// <param name="CenterDifference">Largest difference between the statements' means.</param>
/// <param name="FirstComponentCosine">|cos| between the first components (1: the same up to sign).</param>
/// <param name="SecondComponentCosine">|cos| between the second components.</param>
/// <param name="GroupCounts">Number of groups: ours, Polis'.</param>
/// <param name="MembershipAdjustedRandIndex">Adjusted Rand index of the groups over the participants Polis grouped (1: same partition).</param>
/// <param name="IdenticalRepresentativeStatements">Groups (by id) whose representative statements are Polis' (same statements, sides and values within 1e-6).</param>
/// <param name="IdenticalConsensus">Whether the consensus statements are Polis' (same statements and values within 1e-6).</param>
/// <param name="GroupAwareConsensusDifference">Largest difference in group-aware consensus over the statements both have.</param>
public sealed record PolisComparison(
    (int Ours, int Polis, int OnlyPolis, int OnlyOurs) InConversation,
    double CenterDifference,
    double FirstComponentCosine,
    double SecondComponentCosine,
    (int Ours, int Polis) GroupCounts,
    double MembershipAdjustedRandIndex,
    int IdenticalRepresentativeStatements,
    bool IdenticalConsensus,
    double GroupAwareConsensusDifference)
{
    private const double Tolerance = 1e-6;

    /// <summary>Compares our map with Polis' output.</summary>
    public static PolisComparison Of(ConversationMap map, PolisMath polis)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(polis);
        var ours = map.Participants.Where(p => p.InConversation).Select(p => p.ParticipantId).ToHashSet();

        var centerDifference = 0.0;
        var first = new List<(double Ours, double Polis)>();
        var second = new List<(double Ours, double Polis)>();
        for (var i = 0; i < polis.StatementIds.Count; i++)
        {
            var column = IndexOf(map.Components.StatementIds, polis.StatementIds[i]);
            if (column < 0)
            {
                continue;
            }
            centerDifference = Math.Max(centerDifference, Math.Abs(map.Components.Center[column] - polis.Center[i]));
            if (polis.Components.Count == 2)
            {
                first.Add((map.Components.First[column], polis.Components[0][i]));
                second.Add((map.Components.Second[column], polis.Components[1][i]));
            }
        }

        var baseMembers = polis.BaseClusters.ToDictionary(b => b.Id, b => b.Members);
        var polisGroupOf = polis.GroupClusters
            .SelectMany(g => g.BaseClusterIds.SelectMany(b => baseMembers.GetValueOrDefault(b) ?? []).Select(p => (p, g.Id)))
            .ToDictionary(x => x.p, x => x.Id);
        var participants = polisGroupOf.Keys.Order().ToList();
        var membership = AdjustedRandIndex(
            [.. participants.Select(p => polisGroupOf[p])],
            [.. participants.Select(p => map.Participant(p)?.GroupId ?? -1)]);

        var identicalRepness = map.Groups.Count(g =>
            polis.Repness.TryGetValue(g.Id, out var expected) && expected.Count == g.RepresentativeStatements.Count
            && expected.Zip(g.RepresentativeStatements).All(pair => Same(pair.First, pair.Second)));
        var identicalConsensus = Same(polis.Consensus.Agree, map.Consensus.Agree) && Same(polis.Consensus.Disagree, map.Consensus.Disagree);
        var groupAware = polis.GroupAwareConsensus
            .Select(pair => map.Statement(pair.Key) is { } s ? Math.Abs(s.GroupAwareConsensus - pair.Value) : 0.0)
            .DefaultIfEmpty(0).Max();

        return new PolisComparison(
            (ours.Count, polis.InConversation.Count, polis.InConversation.Count(p => !ours.Contains(p)), ours.Count(p => !polis.InConversation.Contains(p))),
            centerDifference, AbsoluteCosine(first), AbsoluteCosine(second),
            (map.Groups.Count, polis.GroupClusters.Count), membership, identicalRepness, identicalConsensus, groupAware);
    }

    /// <summary>
    /// Hubert and Arabie's adjusted Rand index of two labellings of the same items: 1 for the same partition, about 0
    /// for unrelated ones.
    /// </summary>
    public static double AdjustedRandIndex(IReadOnlyList<int> first, IReadOnlyList<int> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count)
        {
            throw new ArgumentException("Both labellings must label the same items.", nameof(second));
        }
        static double Pairs(double n) => n * (n - 1) / 2;
        var together = Enumerable.Range(0, first.Count).CountBy(i => (first[i], second[i])).Sum(c => Pairs(c.Value));
        var firstPairs = first.CountBy(x => x).Sum(c => Pairs(c.Value));
        var secondPairs = second.CountBy(x => x).Sum(c => Pairs(c.Value));
        var expected = first.Count < 2 ? 0 : firstPairs * secondPairs / Pairs(first.Count);
        var maximum = (firstPairs + secondPairs) / 2;
        return maximum == expected ? 1.0 : (together - expected) / (maximum - expected);
    }

    private static bool Same(RepresentativeStatement a, RepresentativeStatement b) =>
        a.StatementId == b.StatementId && a.RepresentativeFor == b.RepresentativeFor && a.IsBestAgree == b.IsBestAgree
        && a.Successes == b.Successes && a.Trials == b.Trials
        && Close(a.Probability, b.Probability) && Close(a.ProbabilityTest, b.ProbabilityTest)
        && Close(a.Representativeness, b.Representativeness) && Close(a.RepresentativenessTest, b.RepresentativenessTest);

    private static bool Same(IReadOnlyList<ConsensusStatement> a, IReadOnlyList<ConsensusStatement> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.StatementId == p.Second.StatementId
            && p.First.Successes == p.Second.Successes && p.First.Trials == p.Second.Trials
            && Close(p.First.Probability, p.Second.Probability) && Close(p.First.ProbabilityTest, p.Second.ProbabilityTest));

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Tolerance;

    private static double AbsoluteCosine(List<(double Ours, double Polis)> pairs)
    {
        double dot = 0, ours = 0, theirs = 0;
        foreach (var (a, b) in pairs)
        {
            dot += a * b;
            ours += a * a;
            theirs += b * b;
        }
        return ours == 0 || theirs == 0 ? 0 : Math.Abs(dot) / Math.Sqrt(ours * theirs);
    }

    private static int IndexOf(IReadOnlyList<int> sorted, int id)
    {
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (sorted[middle] == id)
            {
                return middle;
            }
            if (sorted[middle] < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return -1;
    }
}
