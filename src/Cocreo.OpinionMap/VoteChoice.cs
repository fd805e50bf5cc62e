namespace Cocreo.OpinionMap;

/// <summary>How a participant responded to a statement.</summary>
public enum VoteChoice : sbyte
{
    /// <summary>The participant agrees with the statement.</summary>
    Agree,

    /// <summary>The participant disagrees with the statement.</summary>
    Disagree,

    /// <summary>The participant saw the statement and passed (is unsure or prefers not to say).</summary>
    Pass,
}

/// <summary>
/// The numbers Polis uses for votes. In the Polis database and math agree is -1 and disagree is +1;
/// the CSV exports flip this (agree +1). Keeping the math in Polis' convention means our centres,
/// components and projections have the same signs as Polis' own output.
/// </summary>
internal static class PolisVoteValue
{
    public const sbyte Agree = -1;
    public const sbyte Disagree = 1;
    public const sbyte Pass = 0;

    public static sbyte Of(VoteChoice choice) => choice switch
    {
        VoteChoice.Agree => Agree,
        VoteChoice.Disagree => Disagree,
        VoteChoice.Pass => Pass,
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Not a vote choice."),
    };
}
