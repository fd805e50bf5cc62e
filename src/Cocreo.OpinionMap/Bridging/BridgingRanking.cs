namespace Cocreo.OpinionMap.Bridging;

/// <summary>
/// The bridging ranking of a conversation: the Community Notes matrix-factorisation model fitted to the votes
/// (predicted vote = μ + i_participant + i_statement + f_participant · f_statement), and the statements ordered by
/// their intercept: support that is left once the opinion axis (the factors) has explained what it can.
/// </summary>
/// <param name="GlobalIntercept">μ, the overall tendency to agree.</param>
/// <param name="Statements">Every statement with at least one fitted vote, by id.</param>
/// <param name="Participants">Every participant with at least one fitted vote, by id.</param>
/// <param name="Iterations">Alternating-least-squares sweeps taken.</param>
/// <param name="Converged">Whether the fit met <see cref="BridgingOptions.Tolerance"/> within <see cref="BridgingOptions.MaxIterations"/>.</param>
/// <param name="Loss">The minimised loss: squared errors plus the regularisation terms.</param>
/// <param name="VoteCount">The votes fitted (agree and disagree; passes too when they count as 0).</param>
public sealed record BridgingRanking(double GlobalIntercept, IReadOnlyList<BridgingStatement> Statements,
    IReadOnlyList<BridgingParticipant> Participants, int Iterations, bool Converged, double Loss, int VoteCount)
{
    /// <summary>The ranked statements (those with enough votes), highest intercept first.</summary>
    public IReadOnlyList<BridgingStatement> Ranked => [.. Statements.Where(s => s.Rank is not null).OrderBy(s => s.Rank)];

    /// <summary>The statement's entry, or null when it has no fitted vote (or is moderated out).</summary>
    public BridgingStatement? Statement(int statementId)
    {
        int low = 0, high = Statements.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var id = Statements[middle].StatementId;
            if (id == statementId)
            {
                return Statements[middle];
            }
            if (id < statementId)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return null;
    }
}

/// <summary>A statement in the bridging model.</summary>
/// <param name="StatementId">The statement.</param>
/// <param name="Intercept">i_statement: agreement not explained by the opinion axis. High: supported across the divide.</param>
/// <param name="Factor">f_statement: where the statement sits on the opinion axis. Large either way: it divides.</param>
/// <param name="VoteCount">Votes fitted on it.</param>
/// <param name="Agree">Agree votes among them.</param>
/// <param name="Disagree">Disagree votes among them.</param>
/// <param name="Rank">
/// 1 for the highest intercept among the statements with enough votes (<see cref="BridgingOptions.MinimumVotes"/>,
/// <see cref="BridgingOptions.MinimumVotesPerSide"/>); null when it has too few.
/// </param>
public sealed record BridgingStatement(int StatementId, double Intercept, double Factor, int VoteCount, int Agree, int Disagree, int? Rank)
{
    /// <summary>Votes from participants with a negative factor (the larger side of the axis).</summary>
    public int NegativeSideVotes { get; init; }

    /// <summary>Votes from participants with a positive factor.</summary>
    public int PositiveSideVotes { get; init; }
}

/// <summary>A participant in the bridging model.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Intercept">i_participant: how much they tend to agree with anything.</param>
/// <param name="Factor">f_participant: where they sit on the opinion axis (the larger side is negative, as in Community Notes).</param>
/// <param name="VoteCount">Votes fitted.</param>
public sealed record BridgingParticipant(int ParticipantId, double Intercept, double Factor, int VoteCount);
