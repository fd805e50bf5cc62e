namespace Cocreo.OpinionMap.Polis;

/// <summary>
/// Which number means "agree" in a Polis vote file. The Polis database, API and math use agree −1, disagree +1; the
/// CSV exports (and tools such as red-dwarf that save votes.json) flip this to agree +1, disagree −1. Pass is 0.
/// </summary>
public enum PolisVoteSign
{
    /// <summary>Agree is −1, disagree +1 (Polis database, API and math).</summary>
    AgreeIsMinusOne,

    /// <summary>Agree is +1, disagree −1 (Polis CSV exports).</summary>
    AgreeIsPlusOne,
}

internal static class PolisVoteSigns
{
    /// <summary>The choice a Polis number stands for, or null when it is not −1, 0 or 1.</summary>
    public static VoteChoice? Choice(long value, PolisVoteSign sign) => (value, sign) switch
    {
        (0, _) => VoteChoice.Pass,
        (-1, PolisVoteSign.AgreeIsMinusOne) or (1, PolisVoteSign.AgreeIsPlusOne) => VoteChoice.Agree,
        (1, PolisVoteSign.AgreeIsMinusOne) or (-1, PolisVoteSign.AgreeIsPlusOne) => VoteChoice.Disagree,
        _ => null,
    };

    /// <summary>Polis' moderation number (1, 0, −1), or null when it is none of those.</summary>
    public static Moderation? ModerationOf(long value) => value switch
    {
        1 => Moderation.Accepted,
        0 => Moderation.Unmoderated,
        -1 => Moderation.Rejected,
        _ => null,
    };

    /// <summary>A Polis timestamp: milliseconds since 1970 (values that can only be seconds are read as seconds).</summary>
    public static DateTimeOffset Time(long value) => value < 100_000_000_000L
        ? DateTimeOffset.FromUnixTimeSeconds(value)
        : DateTimeOffset.FromUnixTimeMilliseconds(value);
}
