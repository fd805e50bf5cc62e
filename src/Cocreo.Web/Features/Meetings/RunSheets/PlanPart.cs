using Cocreo.Meetings.RunSheets;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>What the plan partial shows: the sheet projected at <paramref name="Now"/>; with the edit buttons and the team's texts when asked.</summary>
public sealed record PlanPart(RunSheet Sheet, DateTime Now, bool Editable, int MeetingId = 0, bool TeamTexts = false)
{
    public IReadOnlyList<ProjectedBlock> Blocks { get; } = RunSheetClock.Project(Sheet, new DateTimeOffset(DateTime.SpecifyKind(Now, DateTimeKind.Utc)));

    /// <summary>The index of the first block that may still move (after the last that has started).</summary>
    public int FirstMovable
    {
        get
        {
            var last = -1;
            for (var i = 0; i < Sheet.Blocks.Count; i++)
            {
                if (Sheet.Blocks[i].ActualStart is not null)
                {
                    last = i;
                }
            }
            return last + 1;
        }
    }

    public static int Minutes(TimeSpan span) => (int)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero);
}
