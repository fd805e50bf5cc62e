namespace Cocreo.Budgeting;

/// <summary>
/// How much a voter gains from a selected project, given the voter's <em>support</em> for it: 1 on an approval or
/// choose-1 ballot, the points given on a cumulative or scoring ballot, and Borda points on an ordinal ballot (a
/// project ranked r-th gets L - r + 1, where L is the longest ballot of the profile, so with three ranks 3, 2, 1 as
/// Kraków counts them).
/// </summary>
public enum SatisfactionMeasure
{
    /// <summary>
    /// The project's cost times the voter's support (pabutools' <c>Cost_Sat</c> on approval ballots). Greedy by cost
    /// satisfaction per unit of cost ranks projects by votes (or points), as cities do.
    /// </summary>
    Cost,

    /// <summary>One for every selected project the voter supports (pabutools' <c>Cardinality_Sat</c>).</summary>
    Cardinality,

    /// <summary>The voter's support itself: points on cumulative and scoring ballots, Borda points on ordinal ballots, 1 on approval ballots.</summary>
    Points,
}

/// <summary>The command-line and file names of satisfaction measures.</summary>
public static class SatisfactionMeasures
{
    /// <summary>Reads <c>cost</c>, <c>cardinality</c> (or <c>approval</c>) or <c>points</c>.</summary>
    public static bool TryParse(string name, out SatisfactionMeasure measure)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "cost": measure = SatisfactionMeasure.Cost; return true;
            case "cardinality" or "approval": measure = SatisfactionMeasure.Cardinality; return true;
            case "points" or "borda" or "score": measure = SatisfactionMeasure.Points; return true;
            default: measure = SatisfactionMeasure.Cost; return false;
        }
    }
}
