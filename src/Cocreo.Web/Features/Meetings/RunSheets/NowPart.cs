using Cocreo.Meetings.RunSheets;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>
/// What the "now" partial shows (projector and phone): the sheet's <see cref="RunSheetNow"/> at the server's instant,
/// the team's texts and the live buttons when asked. The countdown is drawn by the browser from
/// <see cref="CountdownEnd"/> and <see cref="ServerNow"/>; the page is re-fetched only when the sheet changes.
/// </summary>
public sealed record NowPart(int MeetingId, RunSheet Sheet, DateTime ServerNow, bool TeamTexts, bool LiveButtons, IReadOnlyDictionary<string, string>? People = null)
{
    /// <summary>The roles of a block with who takes them (a display name, or null: nobody yet); none unless <see cref="People"/> was given (the team's phone view).</summary>
    public IEnumerable<(FacilitationRole Role, string? Name)> WhoDoesWhat(RunSheetBlock block) =>
        People is null ? [] : block.Roles.Select(r => (r.Role, r.AssigneeId is { } id && People.TryGetValue(id, out var name) ? name : null));

    public RunSheetNow Now { get; } = RunSheetClock.Now(Sheet, new DateTimeOffset(DateTime.SpecifyKind(ServerNow, DateTimeKind.Utc)));

    /// <summary>When the current block is due to end (its actual start plus its current length), or null.</summary>
    public DateTimeOffset? CountdownEnd => Now.Current is { } c ? c.Start.AddMinutes(c.Block.CurrentMinutes) : null;

    public int LateMinutes => PlanPart.Minutes(Now.Late);

    /// <summary>Skipped blocks that could come back (after everything that has started).</summary>
    public IEnumerable<RunSheetBlock> Restorable
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
            return Sheet.Blocks.Skip(last + 1).Where(b => b.Skipped);
        }
    }

    public static string Clock(long seconds)
    {
        var sign = seconds < 0 ? "−" : "";
        var s = Math.Abs(seconds);
        return s >= 3600 ? $"{sign}{s / 3600}:{s / 60 % 60:00}:{s % 60:00}" : $"{sign}{s / 60:00}:{s % 60:00}";
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
