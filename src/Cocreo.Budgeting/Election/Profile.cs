namespace Cocreo.Budgeting.Election;

/// <summary>The ballots cast in an election, all of one <see cref="VoteType"/>, over the projects of one <see cref="Instance"/>.</summary>
public sealed class Profile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="voteType">The kind of every ballot.</param>
    /// <param name="ballots">The ballots.</param>
    /// <param name="extraColumns">The names of the ballots' other columns (e.g. age, sex), in file order.</param>
    /// <param name="detail">Whether the ballots carry voter ids and extra values, or only votes.</param>
    public Profile(VoteType voteType, IEnumerable<Ballot> ballots, IReadOnlyList<string>? extraColumns = null, BallotDetail detail = BallotDetail.Full)
    {
        VoteType = voteType;
        Ballots = ballots as IReadOnlyList<Ballot> ?? ballots.ToArray();
        ExtraColumns = extraColumns ?? [];
        Detail = detail;
    }

    /// <summary>The kind of every ballot.</summary>
    public VoteType VoteType { get; }

    /// <summary>The ballots, in file order.</summary>
    public IReadOnlyList<Ballot> Ballots { get; }

    /// <summary>The names of the ballots' columns other than <c>voter_id</c>, <c>vote</c> and <c>points</c>.</summary>
    public IReadOnlyList<string> ExtraColumns { get; }

    /// <summary>Whether the ballots carry voter ids and extra values (<see cref="BallotDetail.Full"/>) or only votes.</summary>
    public BallotDetail Detail { get; }

    /// <summary>The number of voters.</summary>
    public int VoterCount => Ballots.Count;
}
