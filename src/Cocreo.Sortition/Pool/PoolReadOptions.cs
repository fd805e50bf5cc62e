namespace Cocreo.Sortition;

/// <summary>How to read a pool file beyond its feature columns.</summary>
public sealed record PoolReadOptions
{
    /// <summary>
    /// The column holding each person's id. When null, a column named "id" or ending in "_id" is used, and when there
    /// is none, people are numbered 1, 2, ... in file order (as in the paper's respondents.csv).
    /// </summary>
    public string? IdColumn { get; init; }

    /// <summary>
    /// The address columns that define a household (e.g. primary_address1 and primary_zip). When given, a panel holds at
    /// most one person per household. The address is only hashed to group people; it is never kept in the clear.
    /// </summary>
    public IReadOnlyList<string> HouseholdColumns { get; init; } = [];
}
