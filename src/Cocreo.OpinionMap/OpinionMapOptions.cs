namespace Cocreo.OpinionMap;

/// <summary>
/// Settings of the opinion map. The defaults are Polis' (<c>base-conv-update-graph</c> in its conversation.clj,
/// repness.clj and stats.clj), except where a remark says why not.
/// </summary>
public sealed record OpinionMapOptions
{
    /// <summary>Polis' defaults.</summary>
    public static OpinionMapOptions Default { get; } = new();

    /// <summary>
    /// Polis' rules before its changes of October 2017 (<see cref="CountModeratedOutAsVoted"/> and
    /// <see cref="FillMissingVotesWithZero"/>), for re-analysing exports of conversations whose math ran then: Polis'
    /// code had both from 27 February to 21 October 2017, and a Polis server still counted moderated-out statements as
    /// voted in December 2018; not every export of that time was made so (docs/opinion-map.md, "Polis' older rules").
    /// </summary>
    public static OpinionMapOptions OlderPolisRules { get; } = new() { CountModeratedOutAsVoted = true, FillMissingVotesWithZero = true };

    /// <summary>
    /// A participant is in the conversation (clustered) after voting on at least min(this, #statements) statements
    /// (Polis: 7).
    /// </summary>
    public int MinimumVotes { get; init; } = 7;

    /// <summary>
    /// Polis' older in-conversation count, for re-analysing old exports: every moderated-out statement (rejected or
    /// meta) that has votes counts as voted on by every participant when the threshold is applied (Polis zeroed such a
    /// column for everyone, then counted the non-empty cells: its code from 27 February to 31 October 2017, commits
    /// b68ca8b6 and 30355e11; the server that computed the red-dwarf fixture above-100-ptpts still counted so in
    /// December 2018). With six such statements everyone who voted once is in. Off (Polis today): only votes cast
    /// count, on any statement.
    /// </summary>
    public bool CountModeratedOutAsVoted { get; init; }

    /// <summary>
    /// Polis' older principal components, for re-analysing old exports: a missing vote is filled with 0 (pass) before
    /// centring, and each statement's mean is over everyone (Polis until 21 October 2017, commit 90b5b9e6). Off (Polis
    /// today): a missing vote is filled with the statement's mean over those who voted on it. The projection still
    /// uses only the votes cast, as Polis' did then and does now.
    /// </summary>
    public bool FillMissingVotesWithZero { get; init; }

    /// <summary>While fewer people than this are in the conversation, the most active voters are let in (Polis: 15).</summary>
    public int GreedyParticipantCount { get; init; } = 15;

    /// <summary>
    /// Decide who is in the conversation by replaying the votes one by one, as a live Polis conversation that updated
    /// after every vote would have (the first 15 voters are then in). Off: as one Polis update (or full recompute)
    /// from all votes at once.
    /// </summary>
    public bool ReplayVoteHistory { get; init; }

    /// <summary>
    /// Most power-iteration steps (the two components step together). Polis takes 100 steps per update and converges
    /// across updates by starting from the previous components; we stop once both components have converged
    /// (<see cref="PcaTolerance"/>) and allow more steps so that a first computation also converges.
    /// </summary>
    public int PcaMaxIterations { get; init; } = 1000;

    /// <summary>
    /// Most power-iteration steps when starting from a previous map's components (a live update); null: as
    /// <see cref="PcaMaxIterations"/>. Polis takes 100 per update and lets components that have not settled converge
    /// across updates. Components the votes determine well settle in a few steps from the previous ones; a component
    /// the votes hardly determine (its eigenvalue close to the next one's: a second axis that is mostly noise) can
    /// take the whole <see cref="PcaMaxIterations"/> in every update and grows with the conversation (1,000 steps,
    /// 17 s single-threaded at 5,000,000 votes), so a live platform bounds the update and lets it go on converging in
    /// the next one, as Polis does. <see cref="PrincipalComponents.Converged"/> says whether it settled.
    /// </summary>
    public int? PcaStepsPerUpdate { get; init; }

    /// <summary>A component has converged when it moves less than this (Euclidean norm) in one step.</summary>
    public double PcaTolerance { get; init; } = 1e-6;

    /// <summary>How many base clusters participants are first grouped into (Polis: 100).</summary>
    public int BaseClusterCount { get; init; } = 100;

    /// <summary>Most k-means steps for the base clusters (Polis: 100).</summary>
    public int BaseClusterIterations { get; init; } = 100;

    /// <summary>
    /// Most k-means steps for the opinion groups. Polis sets <c>:group-iters 100</c> but passes it under a key its
    /// k-means does not read, so its k-means default of 20 applies; we follow what Polis does.
    /// </summary>
    public int GroupClusterIterations { get; init; } = 20;

    /// <summary>
    /// Seeded k-means++ starts tried for each number of groups besides Polis' own start (the previous map's groups, or
    /// without them the first k distinct base-cluster positions). K-means stops at a local optimum, and Polis' start
    /// can stop at a poor one, which also misleads the silhouette that picks the number of groups: the silhouette is
    /// taken of the best clustering found (least within-group spread). 0: Polis' rule exactly (Polis tries only its
    /// own start). Not Polis': see docs/opinion-map.md.
    /// </summary>
    public int GroupStarts { get; init; } = 50;

    /// <summary>
    /// The groups shown come from the best seeded start instead of Polis' own start only when they explain more of
    /// the base clusters' total spread by more than this share (0.05: five percentage points). Polis' own start, a
    /// warm start from the previous map in particular, thus wins whenever it is about as good, and the groups do not
    /// jump between near-equal optima as votes arrive; measured differences are listed in docs/opinion-map.md.
    /// </summary>
    public double GroupStartImprovement { get; init; } = 0.05;

    /// <summary>Most opinion groups (Polis: 5); at most 2 + (#base clusters / 12) are tried.</summary>
    public int MaxGroupCount { get; init; } = 5;

    /// <summary>
    /// The number of groups changes only after a new best number has won this many updates in a row
    /// (Polis' <c>group-k-buffer</c>: 4).
    /// </summary>
    public int GroupCountBuffer { get; init; } = 4;

    /// <summary>Use exactly this many groups instead of choosing by silhouette (for comparisons and facilitators' choice).</summary>
    public int? GroupCount { get; init; }

    /// <summary>At most this many representative statements per group and consensus statements per side (Polis: 5).</summary>
    public int MaxSelectedStatements { get; init; } = 5;

    /// <summary>
    /// The one-sided z value a proportion or difference must exceed to count (Polis' <c>z-sig-90?</c>: 1.2816, 90%).
    /// </summary>
    public double SignificanceZ { get; init; } = 1.2816;

    /// <summary>
    /// Seed of the random start of the principal components when there is no previous state, and of the seeded group
    /// starts (<see cref="GroupStarts"/>).
    /// </summary>
    public int Seed { get; init; }

    /// <summary>Threads the computation may use; results do not depend on it. Null: all processors.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        Require(MinimumVotes >= 1, nameof(MinimumVotes), "must be at least 1");
        Require(GreedyParticipantCount >= 0, nameof(GreedyParticipantCount), "must not be negative");
        Require(PcaMaxIterations >= 1, nameof(PcaMaxIterations), "must be at least 1");
        Require(PcaStepsPerUpdate is null or >= 1, nameof(PcaStepsPerUpdate), "must be at least 1");
        Require(PcaTolerance >= 0, nameof(PcaTolerance), "must not be negative");
        Require(BaseClusterCount >= 1, nameof(BaseClusterCount), "must be at least 1");
        Require(BaseClusterIterations >= 0, nameof(BaseClusterIterations), "must not be negative");
        Require(GroupClusterIterations >= 0, nameof(GroupClusterIterations), "must not be negative");
        Require(GroupStarts >= 0, nameof(GroupStarts), "must not be negative");
        Require(GroupStartImprovement >= 0, nameof(GroupStartImprovement), "must not be negative");
        Require(MaxGroupCount >= 2, nameof(MaxGroupCount), "must be at least 2");
        Require(GroupCountBuffer >= 1, nameof(GroupCountBuffer), "must be at least 1");
        Require(GroupCount is null or >= 1, nameof(GroupCount), "must be at least 1");
        Require(MaxSelectedStatements >= 0, nameof(MaxSelectedStatements), "must not be negative");
        Require(MaxDegreeOfParallelism is null or >= 1, nameof(MaxDegreeOfParallelism), "must be at least 1");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"OpinionMapOptions.{name} {rule}.", name);
        }
    }
}
