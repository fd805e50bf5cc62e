namespace Cocreo.OpinionMap;

/// <summary>A moderator's decision on a statement (Polis' <c>mod</c>: 1, 0, -1).</summary>
public enum Moderation
{
    /// <summary>Not yet moderated (Polis 0). Still counts in the math.</summary>
    Unmoderated = 0,

    /// <summary>Accepted by a moderator (Polis 1).</summary>
    Accepted = 1,

    /// <summary>Rejected by a moderator (Polis -1): left out of the math.</summary>
    Rejected = -1,
}
