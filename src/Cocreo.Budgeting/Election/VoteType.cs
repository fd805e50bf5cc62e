namespace Cocreo.Budgeting.Election;

/// <summary>The kinds of ballot pabulib knows.</summary>
public enum VoteType
{
    /// <summary>The voter approves a set of projects.</summary>
    Approval,

    /// <summary>The voter ranks projects, best first.</summary>
    Ordinal,

    /// <summary>The voter spreads a number of points over projects.</summary>
    Cumulative,

    /// <summary>The voter gives each project a score.</summary>
    Scoring,

    /// <summary>The voter picks exactly one project (an approval ballot of size one).</summary>
    ChooseOne,
}

/// <summary>The pabulib names of vote types.</summary>
public static class VoteTypes
{
    /// <summary>The pabulib name (<c>approval</c>, <c>ordinal</c>, <c>cumulative</c>, <c>scoring</c>, <c>choose-1</c>).</summary>
    public static string ToPabulibName(this VoteType type) => type switch
    {
        VoteType.Approval => "approval",
        VoteType.Ordinal => "ordinal",
        VoteType.Cumulative => "cumulative",
        VoteType.Scoring => "scoring",
        VoteType.ChooseOne => "choose-1",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Reads a pabulib vote type name.</summary>
    public static bool TryParse(string name, out VoteType type)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "approval": type = VoteType.Approval; return true;
            case "ordinal": type = VoteType.Ordinal; return true;
            case "cumulative": type = VoteType.Cumulative; return true;
            case "scoring": type = VoteType.Scoring; return true;
            case "choose-1": type = VoteType.ChooseOne; return true;
            default: type = VoteType.Approval; return false;
        }
    }

    /// <summary>Whether ballots of this type carry points.</summary>
    public static bool HasPoints(this VoteType type) => type is VoteType.Cumulative or VoteType.Scoring;
}
