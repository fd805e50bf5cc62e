namespace Cocreo.OpinionMap;

/// <summary>Counts of votes on a statement (by a group, or by everyone).</summary>
/// <param name="Agree">Agree votes (Polis A).</param>
/// <param name="Disagree">Disagree votes (Polis D).</param>
/// <param name="Seen">All votes, passes included (Polis S).</param>
public readonly record struct VoteTally(int Agree, int Disagree, int Seen)
{
    /// <summary>Pass votes.</summary>
    public int Pass => Seen - Agree - Disagree;
}
