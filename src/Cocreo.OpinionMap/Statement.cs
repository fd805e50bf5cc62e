namespace Cocreo.OpinionMap;

/// <summary>A statement (Polis: comment) that participants vote on.</summary>
/// <param name="Id">The statement's number in the conversation (Polis' <c>tid</c>).</param>
/// <param name="Text">What it says.</param>
public sealed record Statement(int Id, string Text = "")
{
    /// <summary>The moderator's decision.</summary>
    public Moderation Moderation { get; init; } = Moderation.Unmoderated;

    /// <summary>
    /// A meta statement asks about the participant ("Do you work in public health?") rather than stating an opinion;
    /// Polis leaves it out of the map and shows it first.
    /// </summary>
    public bool IsMeta { get; init; }

    /// <summary>Who wrote it, when known.</summary>
    public int? AuthorId { get; init; }

    /// <summary>When it was written, when known.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>
    /// Polis takes a statement out of the math (its votes are zeroed) when it is rejected or is a meta statement
    /// (<c>mod-update</c> in Polis' conversation.clj).
    /// </summary>
    public bool IsModeratedOut => IsMeta || Moderation == Moderation.Rejected;
}
