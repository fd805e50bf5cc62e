namespace Cocreo.OpinionMap;

/// <summary>
/// The opinion map of a conversation: where each participant and statement sits, the opinion groups with the
/// statements that set each apart, what everyone agrees on, and the state to start the next update from.
/// </summary>
public sealed class ConversationMap
{
    /// <summary>Every participant who has voted, by id.</summary>
    public required IReadOnlyList<ParticipantPlacement> Participants { get; init; }

    /// <summary>Every statement that has votes, by id.</summary>
    public required IReadOnlyList<StatementPlacement> Statements { get; init; }

    /// <summary>The two principal components the map is drawn on.</summary>
    public required PrincipalComponents Components { get; init; }

    /// <summary>The base clusters (up to 100 small clusters of participants), by id.</summary>
    public required IReadOnlyList<BaseCluster> BaseClusters { get; init; }

    /// <summary>The opinion groups, by id.</summary>
    public required IReadOnlyList<OpinionGroup> Groups { get; init; }

    /// <summary>Statements most of everyone agrees (or disagrees) with, regardless of group.</summary>
    public required ConsensusStatements Consensus { get; init; }

    /// <summary>Why there are as many groups as there are.</summary>
    public required GroupCountSelection GroupCountSelection { get; init; }

    /// <summary>What the next update starts from (pass it to <see cref="OpinionMapper.Compute"/>).</summary>
    public required OpinionMapState State { get; init; }

    /// <summary>The time of the latest vote the map includes.</summary>
    public DateTimeOffset LastVoteTime { get; init; }

    /// <summary>The placement of a participant, or null when they have not voted.</summary>
    public ParticipantPlacement? Participant(int participantId)
    {
        var index = BinarySearch(Participants, participantId, p => p.ParticipantId);
        return index >= 0 ? Participants[index] : null;
    }

    /// <summary>The placement of a statement, or null when it has no votes.</summary>
    public StatementPlacement? Statement(int statementId)
    {
        var index = BinarySearch(Statements, statementId, s => s.StatementId);
        return index >= 0 ? Statements[index] : null;
    }

    private static int BinarySearch<T>(IReadOnlyList<T> sorted, int id, Func<T, int> idOf)
    {
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var found = idOf(sorted[middle]);
            if (found == id)
            {
                return middle;
            }
            if (found < id)
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

/// <summary>Where a participant sits on the map.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="X">Position on the first component.</param>
/// <param name="Y">Position on the second component.</param>
/// <param name="VoteCount">How many statements they voted on (moderated-out ones included, as Polis counts).</param>
/// <param name="InConversation">Whether they voted enough to be clustered.</param>
/// <param name="BaseClusterId">Their base cluster, when in the conversation.</param>
/// <param name="GroupId">Their opinion group, when in the conversation.</param>
public sealed record ParticipantPlacement(int ParticipantId, double X, double Y, int VoteCount, bool InConversation,
    int? BaseClusterId, int? GroupId);

/// <summary>Where a statement sits and how it is received.</summary>
/// <param name="StatementId">The statement.</param>
/// <param name="X">Where a participant who agreed with it alone would sit, first component.</param>
/// <param name="Y">Same, second component.</param>
/// <param name="Extremity">Distance of that position from the centre: how much the statement divides.</param>
/// <param name="Votes">Votes of all participants.</param>
/// <param name="GroupAwareConsensus">Product over groups of (agree + 1) / (seen + 2): high only when every group agrees.</param>
/// <param name="Priority">Polis' priority for showing it next (higher first).</param>
/// <param name="IsModeratedOut">Left out of the math (rejected or meta).</param>
/// <param name="IsMeta">A meta statement.</param>
public sealed record StatementPlacement(int StatementId, double X, double Y, double Extremity, VoteTally Votes,
    double GroupAwareConsensus, double Priority, bool IsModeratedOut, bool IsMeta);

/// <summary>The principal components, indexed like <see cref="StatementIds"/>.</summary>
/// <param name="StatementIds">The statements (columns), ascending.</param>
/// <param name="Center">Each statement's mean vote (Polis' convention: agree −1, disagree +1).</param>
/// <param name="First">The first component (unit length).</param>
/// <param name="Second">The second component (unit length, orthogonal to the first).</param>
/// <param name="Iterations">Power-iteration steps taken (both components are stepped together).</param>
/// <param name="Converged">
/// Whether both components settled (<see cref="OpinionMapOptions.PcaTolerance"/>); false when the steps allowed
/// (<see cref="OpinionMapOptions.PcaMaxIterations"/>, <see cref="OpinionMapOptions.PcaStepsPerUpdate"/>) ran out first.
/// </param>
public sealed record PrincipalComponents(IReadOnlyList<int> StatementIds, IReadOnlyList<double> Center,
    IReadOnlyList<double> First, IReadOnlyList<double> Second, int Iterations, bool Converged);

/// <summary>A base cluster: participants close together on the map, the unit opinion groups are built from.</summary>
/// <param name="Id">Its id (kept from update to update).</param>
/// <param name="Members">Participant ids.</param>
/// <param name="X">Centre, first component.</param>
/// <param name="Y">Centre, second component.</param>
public sealed record BaseCluster(int Id, IReadOnlyList<int> Members, double X, double Y);

/// <summary>A clustering of base clusters into groups, as remembered for the next update.</summary>
/// <param name="Id">The group id.</param>
/// <param name="BaseClusterIds">Its base clusters.</param>
/// <param name="X">Centre, first component.</param>
/// <param name="Y">Centre, second component.</param>
public sealed record GroupCluster(int Id, IReadOnlyList<int> BaseClusterIds, double X, double Y);

/// <summary>An opinion group.</summary>
/// <param name="Id">Its id.</param>
/// <param name="BaseClusterIds">The base clusters it is made of.</param>
/// <param name="Members">Its participants, ascending.</param>
/// <param name="X">Centre, first component.</param>
/// <param name="Y">Centre, second component.</param>
/// <param name="RepresentativeStatements">What sets the group apart, as Polis selects it (at most 5, agrees first).</param>
/// <param name="Votes">The group's votes per statement id.</param>
public sealed record OpinionGroup(int Id, IReadOnlyList<int> BaseClusterIds, IReadOnlyList<int> Members, double X, double Y,
    IReadOnlyList<RepresentativeStatement> RepresentativeStatements, IReadOnlyDictionary<int, VoteTally> Votes);

/// <summary>Agree or disagree: the side on which a statement is representative or consensual.</summary>
public enum Side
{
    /// <summary>The group (or everyone) agrees.</summary>
    Agree,

    /// <summary>The group (or everyone) disagrees.</summary>
    Disagree,
}

/// <summary>A statement that sets a group apart (Polis' repness entry).</summary>
/// <param name="StatementId">The statement.</param>
/// <param name="RepresentativeFor">Whether the group stands out by agreeing or by disagreeing.</param>
/// <param name="Successes">Group members voting that way (n-success).</param>
/// <param name="Trials">Group members who voted on it (n-trials).</param>
/// <param name="Probability">(1 + successes) / (2 + trials) (p-success).</param>
/// <param name="ProbabilityTest">z of that probability being above one half (p-test).</param>
/// <param name="Representativeness">The group's probability over the rest's (repness).</param>
/// <param name="RepresentativenessTest">z of the group's proportion exceeding the rest's (repness-test; Polis keeps it as a float).</param>
/// <param name="IsBestAgree">The statement the group agrees on best, put first (best-agree).</param>
/// <param name="AgreeCount">For the best-agree statement, group members agreeing (n-agree).</param>
public sealed record RepresentativeStatement(int StatementId, Side RepresentativeFor, int Successes, int Trials,
    double Probability, double ProbabilityTest, double Representativeness, double RepresentativenessTest,
    bool IsBestAgree = false, int? AgreeCount = null);

/// <summary>A statement everyone tends to agree (or disagree) with.</summary>
/// <param name="StatementId">The statement.</param>
/// <param name="Successes">Participants voting that way.</param>
/// <param name="Trials">Participants who voted on it.</param>
/// <param name="Probability">(1 + successes) / (2 + trials).</param>
/// <param name="ProbabilityTest">z of that probability being above one half.</param>
public sealed record ConsensusStatement(int StatementId, int Successes, int Trials, double Probability, double ProbabilityTest);

/// <summary>Polis' consensus statements: up to 5 each way, strongest first.</summary>
/// <param name="Agree">Statements most participants agree with.</param>
/// <param name="Disagree">Statements most participants disagree with.</param>
public sealed record ConsensusStatements(IReadOnlyList<ConsensusStatement> Agree, IReadOnlyList<ConsensusStatement> Disagree);

/// <summary>How the number of groups was chosen.</summary>
/// <param name="Silhouettes">
/// For each number of groups tried, the silhouette of the best clustering found for it (the least within-group spread:
/// Polis' own start or a seeded one, <see cref="OpinionMapOptions.GroupStarts"/>).
/// </param>
/// <param name="BestCount">The number with the best silhouette this time.</param>
/// <param name="ChosenCount">The number of groups shown: the best only once it has won several updates in a row.</param>
/// <param name="WasForced">Whether <see cref="OpinionMapOptions.GroupCount"/> fixed the number.</param>
public sealed record GroupCountSelection(IReadOnlyDictionary<int, double> Silhouettes, int BestCount, int ChosenCount, bool WasForced)
{
    /// <summary>
    /// For each number of groups tried, the share of the base clusters' spread (weighted by size) that the best
    /// clustering found explains: 1 − within-group spread / total spread.
    /// </summary>
    public IReadOnlyDictionary<int, double> ExplainedSpread { get; init; } = new Dictionary<int, double>();

    /// <summary>
    /// The same share for the groups Polis' own k-means reached (from the previous map's groups, or from the first
    /// distinct base-cluster positions).
    /// </summary>
    public IReadOnlyDictionary<int, double> PolisStartExplainedSpread { get; init; } = new Dictionary<int, double>();

    /// <summary>
    /// The numbers of groups whose groups come from a seeded start rather than Polis' own, because Polis' k-means had
    /// stopped at groups that explain clearly less of the spread (<see cref="OpinionMapOptions.GroupStartImprovement"/>).
    /// </summary>
    public IReadOnlySet<int> SeededStartShown { get; init; } = new HashSet<int>();
}
