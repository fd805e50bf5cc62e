using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>
/// The rounds' questions and planned start times from the meeting's run sheet: its Round blocks in order (skipped ones
/// left out: they are not held) are the plan's rounds 1, 2, …; a plan with more rounds than the sheet has gets none
/// for the rest. No run sheet: none at all.
/// </summary>
public sealed class RunSheetRoundQuestions(RunSheetStore sheets) : ITableRoundQuestions
{
    public async Task<IReadOnlyList<RoundCue>> QuestionsAsync(int meetingId, int rounds, CancellationToken cancellationToken)
    {
        var sheet = await sheets.FindAsync(meetingId, cancellationToken);
        var held = sheet is null ? [] : Rounds(sheet);
        return Enumerable.Range(0, rounds)
            .Select(r => r < held.Count ? new RoundCue(held[r].RoundQuestion is { Length: > 0 } q ? q : null, held[r].Start) : RoundCue.None)
            .ToList();
    }

    /// <summary>The sheet's rounds in order, skipped ones left out.</summary>
    public static IReadOnlyList<RunSheetBlock> Rounds(RunSheet sheet) =>
        sheet.Blocks.Where(b => b.Kind == BlockKind.Round && !b.Skipped).ToList();
}
