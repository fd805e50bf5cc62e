namespace Cocreo.Meetings.RunSheets;

/// <summary>A block with its planned times and its projected times (what is expected now, overruns and skips included).</summary>
/// <param name="Block">The block as stored.</param>
/// <param name="Start">Projected start: the actual start if it started, otherwise when it can start at the earliest.</param>
/// <param name="End">Projected end: the actual end if it finished; for the running block, its start plus its current length, or now if it runs over.</param>
public sealed record ProjectedBlock(RunSheetBlock Block, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Planned start (from the plan, not moved by what happened live).</summary>
    public DateTimeOffset PlannedStart => Block.Start;
    /// <summary>Planned end.</summary>
    public DateTimeOffset PlannedEnd => Block.End;
    /// <summary>How much later than planned the block starts (negative: earlier).</summary>
    public TimeSpan StartDelay => Start - PlannedStart;
    /// <summary>How much longer than planned the block takes (negative: shorter); zero for a skipped block.</summary>
    public TimeSpan Overrun => Block.Skipped ? TimeSpan.Zero : End - Start - TimeSpan.FromMinutes(Block.Minutes);
}

/// <summary>Where the meeting is as a whole.</summary>
public enum MeetingPhase
{
    /// <summary>The sheet has no blocks.</summary>
    Empty,
    /// <summary>No block has started yet (the meeting may be due).</summary>
    NotStarted,
    /// <summary>A block is running.</summary>
    Running,
    /// <summary>Some blocks have taken place, none is running, some are still to come.</summary>
    Between,
    /// <summary>Every block has taken place or been skipped.</summary>
    Over,
}

/// <summary>
/// The "now" view at an instant: the current block with its countdown, the next block, how late the meeting runs and
/// when it is now expected to end.
/// </summary>
public sealed record RunSheetNow
{
    /// <summary>The instant the view was computed for.</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>Where the meeting is.</summary>
    public required MeetingPhase Phase { get; init; }
    /// <summary>The running block, if any.</summary>
    public ProjectedBlock? Current { get; init; }
    /// <summary>
    /// Seconds left in the current block (its actual start plus its current length, minus now), rounded up so the
    /// countdown shows 0 only at the end; negative when the block runs over. Null without a running block.
    /// </summary>
    public long? RemainingSeconds { get; init; }
    /// <summary>The next block to come (not started, not skipped), if any.</summary>
    public ProjectedBlock? Next { get; init; }
    /// <summary>Seconds until the next block is expected to start (0 when it is due), rounded up; null without a next block.</summary>
    public long? SecondsUntilNext { get; init; }
    /// <summary>
    /// How late the meeting runs now: for the current block, how far its projected end is after its planned end;
    /// between blocks or before the start, how far the next block's projected start is after its planned start;
    /// when over, how far the actual end is after the planned end. Negative when ahead of the plan.
    /// </summary>
    public required TimeSpan Late { get; init; }
    /// <summary>The end of the last block as planned.</summary>
    public required DateTimeOffset PlannedEnd { get; init; }
    /// <summary>The end now expected (overruns, extensions and skips included).</summary>
    public required DateTimeOffset ProjectedEnd { get; init; }
    /// <summary>Every block with its projected times, in order.</summary>
    public required IReadOnlyList<ProjectedBlock> Blocks { get; init; }
}

/// <summary>Projects a run sheet onto the clock: what happened, what runs now, and the rest shifted accordingly.</summary>
public static class RunSheetClock
{
    /// <summary>
    /// Every block with projected times at <paramref name="now"/>. Blocks that happened keep their actual times; the
    /// running block ends at its start plus its current length, or at now if it runs over; a block still to come
    /// starts when the one before it ends, and not before now; a skipped block takes no time.
    /// </summary>
    public static IReadOnlyList<ProjectedBlock> Project(RunSheet sheet, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var projected = new List<ProjectedBlock>(sheet.Blocks.Count);
        var cursor = sheet.Start;
        foreach (var block in sheet.Blocks)
        {
            DateTimeOffset start, end;
            switch (block.Status)
            {
                case BlockStatus.Skipped:
                    start = end = cursor;
                    break;
                case BlockStatus.Done:
                    start = block.ActualStart!.Value;
                    end = block.ActualEnd!.Value;
                    break;
                case BlockStatus.Running:
                    start = block.ActualStart!.Value;
                    end = Max(start.AddMinutes(block.CurrentMinutes), now);
                    break;
                default:
                    start = Max(cursor, now);
                    end = start.AddMinutes(block.CurrentMinutes);
                    break;
            }
            projected.Add(new ProjectedBlock(block, start, end));
            cursor = Max(cursor, end);
        }
        return projected;
    }

    /// <summary>The "now" view of the sheet at <paramref name="now"/> (for the projector and facilitators' phones).</summary>
    public static RunSheetNow Now(RunSheet sheet, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var blocks = Project(sheet, now);
        var currentIndex = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Block.Status == BlockStatus.Running)
            {
                currentIndex = i;
                break;
            }
        }
        var current = currentIndex >= 0 ? blocks[currentIndex] : null;
        var next = blocks.Skip(currentIndex + 1).FirstOrDefault(b => b.Block.Status == BlockStatus.Pending);
        var anyStarted = blocks.Any(b => b.Block.ActualStart is not null);
        var phase = blocks.Count == 0 ? MeetingPhase.Empty
            : current is not null ? MeetingPhase.Running
            : !anyStarted && next is not null ? MeetingPhase.NotStarted
            : next is not null ? MeetingPhase.Between
            : MeetingPhase.Over;

        var plannedEnd = sheet.PlannedEnd;
        var projectedEnd = blocks.Count == 0 ? sheet.Start : blocks.Max(b => b.End);
        TimeSpan late;
        long? remaining = null;
        if (current is not null)
        {
            var due = current.Start.AddMinutes(current.Block.CurrentMinutes);
            remaining = CeilingSeconds(due - now);
            late = current.End - current.PlannedEnd;
        }
        else if (next is not null)
        {
            late = next.Start - next.PlannedStart;
        }
        else
        {
            late = projectedEnd - plannedEnd;
        }

        return new RunSheetNow
        {
            At = now,
            Phase = phase,
            Current = current,
            RemainingSeconds = remaining,
            Next = next,
            SecondsUntilNext = next is null ? null : Math.Max(0, CeilingSeconds(next.Start - now)),
            Late = late,
            PlannedEnd = plannedEnd,
            ProjectedEnd = projectedEnd,
            Blocks = blocks,
        };
    }

    private static long CeilingSeconds(TimeSpan span)
    {
        // Whole ticks, no floating point: truncation towards zero is the ceiling for negative spans.
        var seconds = Math.DivRem(span.Ticks, TimeSpan.TicksPerSecond, out var rest);
        return rest > 0 ? seconds + 1 : seconds;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
