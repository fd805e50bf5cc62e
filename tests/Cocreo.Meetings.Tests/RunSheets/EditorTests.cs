using Cocreo.Meetings.RunSheets;
using static Cocreo.Meetings.Tests.RunSheets.Sheets;

namespace Cocreo.Meetings.Tests.RunSheets;

/// <summary>Edits of the plan: each a new sheet one version later, the times re-laid; what already happened stays put.</summary>
public class EditorTests
{
    private static DateTimeOffset At(int minutesAfterNine) => Nine.AddMinutes(minutesAfterNine);

    [Fact]
    public void Adding_blocks_lays_them_one_after_the_other()
    {
        var sheet = Of(15, 30, 10);
        Assert.Equal(["A", "B", "C"], Titles(sheet));
        Assert.Equal([At(0), At(15), At(45)], sheet.Blocks.Select(b => b.Start));
        Assert.Equal(At(55), sheet.PlannedEnd);
        Assert.Equal(4, sheet.Version);

        var inserted = Ok(sheet, new AddBlock(Block("X", 5), 1));
        Assert.Equal(["A", "X", "B", "C"], Titles(inserted));
        Assert.Equal([At(0), At(15), At(20), At(50)], inserted.Blocks.Select(b => b.Start));
        Assert.Equal(4, Id(inserted, "X"));
        // The original is untouched (pure functions).
        Assert.Equal(["A", "B", "C"], Titles(sheet));
    }

    [Fact]
    public void Removing_a_block_moves_the_later_ones_earlier_and_ids_are_not_reused()
    {
        var sheet = Of(15, 30, 10);
        var removed = Ok(sheet, new RemoveBlock(Id(sheet, "B")));
        Assert.Equal(["A", "C"], Titles(removed));
        Assert.Equal(At(15), removed.Blocks[1].Start);
        var added = Ok(removed, new AddBlock(Block("D", 5)));
        Assert.Equal(4, Id(added, "D"));
    }

    [Fact]
    public void Reorder_and_move()
    {
        var sheet = Of(10, 20, 30, 40);
        var reordered = Ok(sheet, new ReorderBlocks([Id(sheet, "D"), Id(sheet, "C"), Id(sheet, "B"), Id(sheet, "A")]));
        Assert.Equal(["D", "C", "B", "A"], Titles(reordered));
        Assert.Equal([At(0), At(40), At(70), At(90)], reordered.Blocks.Select(b => b.Start));

        var moved = Ok(sheet, new MoveBlock(Id(sheet, "A"), 2));
        Assert.Equal(["B", "C", "A", "D"], Titles(moved));
        Assert.Equal(At(50), moved.Blocks[2].Start);
        Assert.Equal(sheet.PlannedEnd, moved.PlannedEnd);

        Refused(sheet, new ReorderBlocks([1, 2, 3]), RunSheetProblemKind.BadOrder, "each of the 4 blocks exactly once", "missing: 4");
        Refused(sheet, new ReorderBlocks([1, 2, 3, 3]), RunSheetProblemKind.BadOrder, "listed twice: 3");
        Refused(sheet, new MoveBlock(Id(sheet, "A"), 4), RunSheetProblemKind.BadOrder, "from 0 to 3", "you asked for 4");
        Refused(sheet, new MoveBlock(99, 0), RunSheetProblemKind.UnknownBlock, "no block 99");
    }

    [Fact]
    public void Changing_a_block_retimes_the_rest()
    {
        var sheet = Of(10, 20, 30);
        var changed = Ok(sheet, new ChangeBlock(Id(sheet, "B"), Block("B longer", 45, BlockKind.Round) with { RoundQuestion = "What now?", Materials = ["Markers"] }));
        Assert.Equal(["A", "B longer", "C"], Titles(changed));
        Assert.Equal(At(55), changed.Blocks[2].Start);
        Assert.Equal("What now?", changed.Blocks[1].RoundQuestion);
        Assert.Equal(BlockKind.Round, changed.Blocks[1].Kind);
    }

    [Fact]
    public void Changing_the_start_moves_every_block()
    {
        var sheet = Of(10, 20);
        var later = Ok(sheet, new ChangeStart(Nine.AddHours(2)));
        Assert.Equal([Nine.AddHours(2), Nine.AddHours(2).AddMinutes(10)], later.Blocks.Select(b => b.Start));
    }

    [Fact]
    public void A_change_based_on_an_older_version_is_refused_with_the_current_sheet()
    {
        var sheet = Of(10, 20);
        var mine = RunSheetEditor.Apply(sheet, sheet.Version, new ExtendBlock(Id(sheet, "A"), 5)).Sheet;
        // Another facilitator, still on the old version, tries to remove a block.
        var theirs = RunSheetEditor.Apply(mine, sheet.Version, new RemoveBlock(Id(sheet, "B")));
        Assert.Equal(RunSheetOutcome.Conflict, theirs.Outcome);
        Assert.Same(mine, theirs.Sheet);
        var problem = Assert.Single(theirs.Problems);
        Assert.Equal(RunSheetProblemKind.Conflict, problem.Kind);
        Assert.Contains($"you had version {sheet.Version}, it is now at version {mine.Version}", problem.Message, StringComparison.Ordinal);
        // A version from the future is a conflict too.
        Assert.Equal(RunSheetOutcome.Conflict, RunSheetEditor.Apply(mine, mine.Version + 1, new RemoveBlock(1)).Outcome);
        // With the current version, the same change goes through.
        Assert.True(RunSheetEditor.Apply(mine, mine.Version, new RemoveBlock(Id(sheet, "B"))).Applied);
    }

    [Fact]
    public void Bad_blocks_are_refused_with_what_to_change()
    {
        var sheet = Of(10);
        Refused(sheet, new AddBlock(Block("", 10)), RunSheetProblemKind.BadTitle, "no title");
        Refused(sheet, new AddBlock(Block(new string('x', 201), 10)), RunSheetProblemKind.BadTitle, "201 characters", "at most 200");
        Refused(sheet, new AddBlock(Block("Zero", 0)), RunSheetProblemKind.BadDuration, "lasts 0 minutes", "at least 1 minute");
        Refused(sheet, new AddBlock(Block("Negative", -5)), RunSheetProblemKind.BadDuration, "lasts -5 minutes");
        Refused(sheet, new AddBlock(Block("Long", 1440)), RunSheetProblemKind.LongerThanADay, "24 h 10 min", "shorten it by 10 minutes");
        Refused(sheet, new AddBlock(Block("Q", 5) with { RoundQuestion = new string('q', 1001) }), RunSheetProblemKind.TextTooLong, "round question", "at most 1000");
        Refused(sheet, new AddBlock(Block("M", 5) with { Materials = Enumerable.Repeat("pen", 31).ToArray() }), RunSheetProblemKind.TextTooLong, "31 materials");
        Refused(sheet, new AddBlock(Block("At", 5), 5), RunSheetProblemKind.BadOrder, "from 0 to 1");
        Refused(sheet, new AddBlock(Block("Huge", int.MaxValue)), RunSheetProblemKind.BadDuration, "more than a day");
        Refused(sheet, new ChangeStart(DateTimeOffset.MaxValue.AddMinutes(-5)), RunSheetProblemKind.BadParameter, "outside the calendar");
    }

    [Fact]
    public void At_most_200_blocks()
    {
        var sheet = new RunSheet { Start = Nine };
        for (var i = 0; i < RunSheetLimits.Blocks; i++)
        {
            sheet = RunSheetEditor.Apply(sheet, sheet.Version, new AddBlock(Block($"B{i}", 5))).Sheet;
        }
        Assert.Equal(200, sheet.Blocks.Count);
        Valid(sheet);
        Refused(sheet, new AddBlock(Block("one too many", 1)), RunSheetProblemKind.TooManyBlocks, "201 blocks", "at most 200");
    }

    [Fact]
    public void What_has_started_cannot_be_moved_removed_or_retimed()
    {
        var sheet = Of(10, 20, 30);
        var live = Ok(sheet, new StartBlock(Id(sheet, "A"), At(0)));
        live = Ok(live, new StartBlock(Id(sheet, "B"), At(12)));
        var a = Id(sheet, "A");
        Refused(live, new RemoveBlock(a), RunSheetProblemKind.AlreadyStarted, "\"A\" has already started");
        Refused(live, new MoveBlock(Id(sheet, "C"), 0), RunSheetProblemKind.AlreadyStarted, "from 2 to 2");
        Refused(live, new MoveBlock(a, 2), RunSheetProblemKind.AlreadyStarted, "cannot be moved");
        Refused(live, new ReorderBlocks([Id(sheet, "B"), a, Id(sheet, "C")]), RunSheetProblemKind.AlreadyStarted);
        Refused(live, new AddBlock(Block("Before", 5), 1), RunSheetProblemKind.AlreadyStarted, "position 2 or later");
        Refused(live, new ChangeBlock(a, Block("A", 15)), RunSheetProblemKind.AlreadyStarted, "extend it instead");
        Refused(live, new ChangeStart(Nine.AddHours(1)), RunSheetProblemKind.AlreadyStarted);
        // Texts of a block that took place may still be corrected, and what is to come may change.
        var renamed = Ok(live, new ChangeBlock(a, Block("A (welcome)", 10) with { Instructions = "Done." }));
        Assert.Equal("A (welcome)", renamed.Blocks[0].Title);
        Assert.Equal(At(0), renamed.Blocks[0].ActualStart);
        var added = Ok(renamed, new AddBlock(Block("D", 5), 2));
        Assert.Equal(["A (welcome)", "B", "D", "C"], Titles(added));
    }
}
