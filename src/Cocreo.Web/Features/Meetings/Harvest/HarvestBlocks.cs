using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>A block of the meeting's run sheet as the harvest offers it: its id, title and planned start.</summary>
public sealed record HarvestBlock(int Id, string Title, DateTimeOffset Start, bool Running);

/// <summary>The run sheet's blocks a harvested item can belong to, in the sheet's order, and the block running now.</summary>
public sealed record HarvestBlockChoice(IReadOnlyList<HarvestBlock> Blocks)
{
    public static readonly HarvestBlockChoice None = new([]);

    /// <summary>Where the live page puts the choice for its item partial.</summary>
    public const string ViewDataKey = "HarvestBlocks";

    /// <summary>The block running now, else none (the harvester chooses).</summary>
    public int? Current => Blocks.FirstOrDefault(b => b.Running)?.Id;

    public string? Title(int? blockId) => blockId is { } id ? Blocks.FirstOrDefault(b => b.Id == id)?.Title : null;

    public IReadOnlyDictionary<int, string> Titles => Blocks.ToDictionary(b => b.Id, b => b.Title);
}

/// <summary>Reads the meeting's run sheet for the harvest: the blocks to offer (skipped ones left out), the one running now.</summary>
public sealed class HarvestBlocks(RunSheetStore sheets)
{
    public async Task<HarvestBlockChoice> ForAsync(int meetingId, CancellationToken cancellationToken)
    {
        if (await sheets.FindAsync(meetingId, cancellationToken) is not { } sheet)
        {
            return HarvestBlockChoice.None;
        }
        return new HarvestBlockChoice(sheet.Blocks.Where(b => !b.Skipped).Select(b => new HarvestBlock(b.Id, b.Title, b.Start, b.Status == BlockStatus.Running)).ToList());
    }

    /// <summary>
    /// The title of every block of the meeting's run sheet, skipped ones too (empty without a run sheet): the desk names
    /// each item's block, and an item whose block was removed from the sheet since is said to be so.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, string>> TitlesAsync(int meetingId, CancellationToken cancellationToken) =>
        await sheets.FindAsync(meetingId, cancellationToken) is { } sheet ? sheet.Blocks.ToDictionary(b => b.Id, b => b.Title) : new Dictionary<int, string>();

    /// <summary>Refuses a block that is not in the meeting's run sheet (or a block at all when the meeting has none).</summary>
    public async Task CheckAsync(int meetingId, int? blockId, CancellationToken cancellationToken)
    {
        if (blockId is not { } id)
        {
            return;
        }
        var sheet = await sheets.FindAsync(meetingId, cancellationToken);
        if (sheet is null || sheet.Blocks.All(b => b.Id != id))
        {
            throw new HarvestRuleException("UnknownBlock");
        }
    }
}
