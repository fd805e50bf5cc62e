using Cocreo.Meetings.RunSheets;

namespace Cocreo.Web.Features.Meetings.OpenSpace;

/// <summary>What the grid partial shows: the slots × spaces of the sheet, the conveners' display names, and whether to offer "post here" links.</summary>
public sealed record GridPart(int MeetingId, RunSheet Sheet, IReadOnlyDictionary<string, string> Names, bool CanPost)
{
    public OpenSpaceGrid Grid => Sheet.Grid!;

    public IReadOnlyList<RunSheetBlock> Slots => GridCells.Slots(Sheet);

    public string? Convener(GridSession session) => session.ConvenerId is { } id && Names.TryGetValue(id, out var name) ? name : null;
}
