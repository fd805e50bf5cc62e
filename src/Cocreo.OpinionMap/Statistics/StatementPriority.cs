namespace Cocreo.OpinionMap.Statistics;

/// <summary>
/// Polis' priority for which statement to show a participant next (<c>priority-metric</c> in conversation.clj):
/// ((1 − p)(E + 1)·a · (1 + 8·2^(−S/5)))², with a and p the smoothed agree and pass probabilities, E the statement's
/// extremity and S its votes; the last factor lets new statements bubble up. Meta statements get 7² = 49.
/// </summary>
internal static class StatementPriority
{
    private const double MetaPriority = 7;

    public static double Of(bool isMeta, VoteTally votes, double extremity)
    {
        if (isMeta)
        {
            return MetaPriority * MetaPriority;
        }
        var notPass = (double)(votes.Seen + 1 - votes.Pass) / (votes.Seen + 2);
        var agree = (double)(votes.Agree + 1) / (votes.Seen + 2);
        var importance = notPass * (extremity + 1) * agree;
        var novelty = 1 + (8 * Math.Pow(2, votes.Seen / -5.0));
        return Math.Pow(importance * novelty, 2);
    }
}
