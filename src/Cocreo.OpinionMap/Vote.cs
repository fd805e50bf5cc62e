namespace Cocreo.OpinionMap;

/// <summary>
/// One vote: a participant's response to a statement at a moment. A later vote by the same participant on the
/// same statement replaces the earlier one.
/// </summary>
/// <param name="ParticipantId">Who voted.</param>
/// <param name="StatementId">On which statement.</param>
/// <param name="Choice">Agree, disagree or pass.</param>
/// <param name="Time">When; <c>default</c> when the source does not say (votes then keep the order they are given in).</param>
public readonly record struct Vote(int ParticipantId, int StatementId, VoteChoice Choice, DateTimeOffset Time = default);
