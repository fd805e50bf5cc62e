using Cocreo.Meetings.RunSheets;
using static Cocreo.Meetings.Tests.RunSheets.Sheets;

namespace Cocreo.Meetings.Tests.RunSheets;

/// <summary>Live operations and the "now" view: overruns are recorded, the rest shifts, the countdown is right at the boundaries.</summary>
public class LiveTests
{
    private static DateTimeOffset At(int minutesAfterNine, int seconds = 0) => Nine.AddMinutes(minutesAfterNine).AddSeconds(seconds);

    private static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Times(RunSheet sheet, DateTimeOffset now) =>
        RunSheetClock.Project(sheet, now).Select(b => (b.Start, b.End)).ToList();

    [Fact]
    public void Before_the_meeting_the_projection_is_the_plan_and_the_countdown_is_to_the_start()
    {
        var sheet = Of(10, 20, 30);
        var early = At(-15);
        Assert.Equal(sheet.Blocks.Select(b => (b.Start, b.End)), Times(sheet, early));
        var now = RunSheetClock.Now(sheet, early);
        Assert.Equal(MeetingPhase.NotStarted, now.Phase);
        Assert.Null(now.Current);
        Assert.Null(now.RemainingSeconds);
        Assert.Equal("A", now.Next!.Block.Title);
        Assert.Equal(15 * 60, now.SecondsUntilNext);
        Assert.Equal(TimeSpan.Zero, now.Late);
        Assert.Equal(At(60), now.PlannedEnd);
        Assert.Equal(At(60), now.ProjectedEnd);
    }

    [Fact]
    public void A_meeting_that_has_not_started_on_time_runs_late()
    {
        var sheet = Of(10, 20, 30);
        var now = RunSheetClock.Now(sheet, At(7));
        Assert.Equal(MeetingPhase.NotStarted, now.Phase);
        Assert.Equal(0, now.SecondsUntilNext);
        Assert.Equal(TimeSpan.FromMinutes(7), now.Late);
        Assert.Equal(At(67), now.ProjectedEnd);
        Assert.Equal(At(60), now.PlannedEnd);
    }

    [Fact]
    public void Countdown_at_the_boundaries_of_the_current_block()
    {
        var sheet = Of(10, 20, 30);
        var live = Ok(sheet, new StartBlock(Id(sheet, "A"), At(0)));

        var atStart = RunSheetClock.Now(live, At(0));
        Assert.Equal(MeetingPhase.Running, atStart.Phase);
        Assert.Equal("A", atStart.Current!.Block.Title);
        Assert.Equal(600, atStart.RemainingSeconds);
        Assert.Equal("B", atStart.Next!.Block.Title);
        Assert.Equal(600, atStart.SecondsUntilNext);

        Assert.Equal(1, RunSheetClock.Now(live, At(9, 59)).RemainingSeconds);
        Assert.Equal(1, RunSheetClock.Now(live, At(9, 59).AddMilliseconds(999)).RemainingSeconds);
        var atEnd = RunSheetClock.Now(live, At(10));
        Assert.Equal(0, atEnd.RemainingSeconds);
        Assert.Equal(TimeSpan.Zero, atEnd.Late);
        Assert.Equal(0, atEnd.SecondsUntilNext);

        // Past its end, still running: the countdown goes negative, the rest shifts with the clock.
        var over = RunSheetClock.Now(live, At(13));
        Assert.Equal(-180, over.RemainingSeconds);
        Assert.Equal(TimeSpan.FromMinutes(3), over.Late);
        Assert.Equal(At(63), over.ProjectedEnd);
        Assert.Equal([(At(0), At(13)), (At(13), At(33)), (At(33), At(63))], Times(live, At(13)));
        Assert.Equal(-1, RunSheetClock.Now(live, At(10, 1)).RemainingSeconds);
    }

    [Fact]
    public void Starting_the_next_block_finishes_the_running_one_and_the_overrun_is_recorded()
    {
        var sheet = Of(10, 20, 30);
        var live = Ok(sheet, new StartBlock(Id(sheet, "A"), At(1)));
        live = Ok(live, new StartBlock(Id(sheet, "B"), At(14)));
        var a = live.Blocks[0];
        Assert.Equal(BlockStatus.Done, a.Status);
        Assert.Equal(At(14), a.ActualEnd);
        // The plan is kept: planned vs actual.
        Assert.Equal(At(0), a.Start);
        Assert.Equal(10, a.Minutes);
        var projected = RunSheetClock.Project(live, At(14));
        Assert.Equal(TimeSpan.FromMinutes(3), projected[0].Overrun);
        Assert.Equal(TimeSpan.FromMinutes(1), projected[0].StartDelay);
        Assert.Equal(TimeSpan.FromMinutes(4), projected[1].StartDelay);
        Assert.Equal([(At(1), At(14)), (At(14), At(34)), (At(34), At(64))], Times(live, At(14)));

        var now = RunSheetClock.Now(live, At(20));
        Assert.Equal("B", now.Current!.Block.Title);
        Assert.Equal(14 * 60, now.RemainingSeconds);
        Assert.Equal(TimeSpan.FromMinutes(4), now.Late);
        Assert.Equal(At(64), now.ProjectedEnd);
        Assert.Equal(At(60), now.PlannedEnd);
    }

    [Fact]
    public void Extending_the_current_block_shifts_every_later_block()
    {
        var sheet = Of(10, 20, 30);
        var live = Ok(sheet, new StartBlock(Id(sheet, "A"), At(0)));
        var extended = Ok(live, new ExtendBlock(Id(sheet, "A"), 5));
        Assert.Equal(5, extended.Blocks[0].ExtraMinutes);
        Assert.Equal(10, extended.Blocks[0].Minutes);
        Assert.Equal([(At(0), At(15)), (At(15), At(35)), (At(35), At(65))], Times(extended, At(2)));
        var now = RunSheetClock.Now(extended, At(2));
        Assert.Equal(13 * 60, now.RemainingSeconds);
        Assert.Equal(TimeSpan.FromMinutes(5), now.Late);

        // Shortening by a negative extension pulls the rest earlier, down to 1 minute.
        var shorter = Ok(extended, new ExtendBlock(Id(sheet, "C"), -25));
        Assert.Equal(At(40), RunSheetClock.Now(shorter, At(2)).ProjectedEnd);
        Refused(shorter, new ExtendBlock(Id(sheet, "C"), -5), RunSheetProblemKind.BadDuration, "at most 4 minutes", "not by 5");
        Refused(shorter, new ExtendBlock(Id(sheet, "C"), 0), RunSheetProblemKind.BadParameter, "at least 1 minute");
        Refused(shorter, new ExtendBlock(Id(sheet, "C"), 2000), RunSheetProblemKind.BadDuration, "more than a day");
    }

    [Fact]
    public void Skipping_a_block_moves_the_rest_earlier_and_it_can_be_restored()
    {
        var sheet = Of(10, 20, 30);
        var skipped = Ok(sheet, new SkipBlock(Id(sheet, "B")));
        Assert.Equal(BlockStatus.Skipped, skipped.Blocks[1].Status);
        Assert.Equal([(At(0), At(10)), (At(10), At(10)), (At(10), At(40))], Times(skipped, At(-5)));
        var now = RunSheetClock.Now(skipped, At(-5));
        Assert.Equal(At(40), now.ProjectedEnd);
        Assert.Equal(At(60), now.PlannedEnd);

        skipped = Ok(skipped, new StartBlock(Id(sheet, "A"), At(0)));
        var next = RunSheetClock.Now(skipped, At(5)).Next!;
        Assert.Equal("C", next.Block.Title);
        Assert.Equal(TimeSpan.FromMinutes(-20), next.StartDelay);

        var restored = Ok(skipped, new RestoreBlock(Id(sheet, "B")));
        Assert.Equal("B", RunSheetClock.Now(restored, At(5)).Next!.Block.Title);

        Refused(restored, new RestoreBlock(Id(sheet, "B")), RunSheetProblemKind.WrongState, "not skipped");
        Refused(restored, new SkipBlock(Id(sheet, "A")), RunSheetProblemKind.WrongState, "is running; finish it instead");
    }

    [Fact]
    public void Starting_a_block_with_earlier_blocks_not_done_is_refused_saying_what_to_do()
    {
        var sheet = Of(10, 20, 30);
        Refused(sheet, new StartBlock(Id(sheet, "C"), At(0)), RunSheetProblemKind.WrongState, "\"A\", \"B\" come before \"C\"", "skip them");
        var live = Ok(sheet, new StartBlock(Id(sheet, "A"), At(0)));
        Refused(live, new StartBlock(Id(sheet, "A"), At(1)), RunSheetProblemKind.WrongState, "already running (since 09:00)");
        Refused(live, new StartBlock(Id(sheet, "B"), At(-1)), RunSheetProblemKind.WrongState, "cannot start before that (08:59)");
        Refused(live, new FinishBlock(Id(sheet, "B"), At(5)), RunSheetProblemKind.WrongState, "has not started");
        Refused(live, new FinishBlock(Id(sheet, "A"), At(-1)), RunSheetProblemKind.WrongState, "cannot finish before that");
    }

    [Fact]
    public void Finishing_early_and_waiting_between_blocks()
    {
        var sheet = Of(10, 20, 30);
        var live = Ok(sheet, new StartBlock(Id(sheet, "A"), At(0)));
        live = Ok(live, new FinishBlock(Id(sheet, "A"), At(8)));
        var between = RunSheetClock.Now(live, At(9));
        Assert.Equal(MeetingPhase.Between, between.Phase);
        Assert.Null(between.Current);
        Assert.Equal("B", between.Next!.Block.Title);
        Assert.Equal(0, between.SecondsUntilNext);
        Assert.Equal(TimeSpan.FromMinutes(-1), between.Late);
        Assert.Equal(At(59), between.ProjectedEnd);
        Refused(live, new ExtendBlock(Id(sheet, "A"), 5), RunSheetProblemKind.WrongState, "finished");

        live = Ok(live, new StartBlock(Id(sheet, "B"), At(12)));
        live = Ok(live, new StartBlock(Id(sheet, "C"), At(30)));
        live = Ok(live, new FinishBlock(Id(sheet, "C"), At(61)));
        var over = RunSheetClock.Now(live, At(70));
        Assert.Equal(MeetingPhase.Over, over.Phase);
        Assert.Null(over.Next);
        Assert.Equal(At(61), over.ProjectedEnd);
        Assert.Equal(TimeSpan.FromMinutes(1), over.Late);
        Assert.Equal([(At(0), At(8)), (At(12), At(30)), (At(30), At(61))], Times(live, At(70)));
    }

    [Fact]
    public void An_empty_sheet()
    {
        var now = RunSheetClock.Now(new RunSheet { Start = Nine }, Nine);
        Assert.Equal(MeetingPhase.Empty, now.Phase);
        Assert.Equal(Nine, now.ProjectedEnd);
        Assert.Equal(Nine, now.PlannedEnd);
    }

    [Fact]
    public void Edits_of_what_is_to_come_during_the_meeting_replan_the_rest()
    {
        var sheet = Of(10, 20, 30);
        var live = Ok(sheet, new StartBlock(Id(sheet, "A"), At(0)));
        live = Ok(live, new StartBlock(Id(sheet, "B"), At(15)));
        // Running 5 minutes late; the facilitator takes 5 minutes from C.
        var replanned = Ok(live, new ChangeBlock(Id(sheet, "C"), Block("C", 25)));
        var now = RunSheetClock.Now(replanned, At(20));
        Assert.Equal(At(55), now.PlannedEnd);
        Assert.Equal(At(60), now.ProjectedEnd);
    }
}
