namespace Cocreo.OpinionMap.Statistics;

/// <summary>
/// Polis' consensus statements (repness.clj: <c>consensus-stats</c>, <c>select-consensus-comments</c>): over all
/// participants, statements whose smoothed probability of agreeing (disagreeing) is above one half and significantly
/// so, strongest p × z first, at most five each way.
/// </summary>
internal static class Consensus
{
    public static ConsensusStatements Select(VoteTally[] votes, int[] statementIds, bool[] isModeratedOut, OpinionMapOptions options)
    {
        var candidates = Enumerable.Range(0, statementIds.Length).Where(c => !isModeratedOut[c]).ToList();
        return new ConsensusStatements(Top(Side.Agree), Top(Side.Disagree));

        List<ConsensusStatement> Top(Side side) => [.. candidates
            .Select(c => Statement(statementIds[c], votes[c], side))
            .Where(s => s.Probability > 0.5 && s.ProbabilityTest > options.SignificanceZ)
            .OrderByDescending(s => s.Probability * s.ProbabilityTest)
            .Take(options.MaxSelectedStatements)];
    }

    private static ConsensusStatement Statement(int statementId, VoteTally votes, Side side)
    {
        var successes = side == Side.Agree ? votes.Agree : votes.Disagree;
        return new ConsensusStatement(statementId, successes, votes.Seen,
            ProportionTests.Smoothed(successes, votes.Seen), ProportionTests.Proportion(successes, votes.Seen));
    }
}
