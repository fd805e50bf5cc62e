namespace Cocreo.Budgeting.Election;

/// <summary>What a <see cref="Profile"/> keeps of each ballot (see <see cref="Pabulib.PabulibReader"/>).</summary>
public enum BallotDetail
{
    /// <summary>Everything: voter ids and every other column (age, sex, ...), so that the file can be written back.</summary>
    Full,

    /// <summary>
    /// Only what the rules count: the projects and the points. Voter ids and the other columns are still checked
    /// (a voter who votes twice is still an error) but not kept: every ballot's <see cref="Ballot.VoterId"/>
    /// is empty, the profile has no extra columns, and voters with identical votes share one ballot object. A city's
    /// file then takes about a third of the memory (docs/benchmarks.md). Such a profile cannot be written back.
    /// </summary>
    VotesOnly,
}
