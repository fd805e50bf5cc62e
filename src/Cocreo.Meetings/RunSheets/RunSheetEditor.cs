using static Cocreo.Meetings.RunSheets.RunSheetValidator;

namespace Cocreo.Meetings.RunSheets;

/// <summary>
/// Applies changes to run sheets: pure functions from (sheet, version the person saw, command) to a result. Blocks
/// always follow one another from the meeting's start, so every edit re-lays the planned times; live operations leave
/// the plan as it is and record what happened, and <see cref="RunSheetClock"/> shifts the rest of the meeting.
/// What has happened (blocks that have started, and everything before them) cannot be moved, removed or retimed.
/// </summary>
public static class RunSheetEditor
{
    /// <summary>
    /// Applies <paramref name="command"/> if <paramref name="expectedVersion"/> is the sheet's version; otherwise
    /// returns <see cref="RunSheetOutcome.Conflict"/> with the current sheet. A change that breaks a rule is refused
    /// with what to change, and the sheet is returned unchanged.
    /// </summary>
    public static RunSheetResult Apply(RunSheet sheet, long expectedVersion, RunSheetCommand command)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(command);
        if (expectedVersion != sheet.Version)
        {
            return new RunSheetResult(RunSheetOutcome.Conflict, sheet,
            [
                new RunSheetProblem(RunSheetProblemKind.Conflict,
                    $"Someone changed the run sheet since you opened it (you had version {N(expectedVersion)}, it is now at version {N(sheet.Version)}); look at the current plan and make your change again if it is still needed."),
            ]);
        }

        var problems = new List<RunSheetProblem>();
        RunSheet? next;
        try
        {
            next = Run(sheet, command, problems);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A time beyond the calendar (a start in year 9999, say): refused, never a crash.
            return new RunSheetResult(RunSheetOutcome.Refused, sheet,
                [new RunSheetProblem(RunSheetProblemKind.BadParameter, "A time in this change is outside the calendar; check the dates and times.")]);
        }
        if (problems.Count == 0 && next is not null)
        {
            problems.AddRange(RunSheetValidator.Validate(next));
        }
        if (problems.Count > 0 || next is null)
        {
            return new RunSheetResult(RunSheetOutcome.Refused, sheet, problems);
        }
        return new RunSheetResult(RunSheetOutcome.Applied, next with { Version = sheet.Version + 1 }, []);
    }

    private static RunSheet? Run(RunSheet sheet, RunSheetCommand command, List<RunSheetProblem> problems) =>
        command switch
        {
            AddBlock c => Add(sheet, c, problems),
            RemoveBlock c => Remove(sheet, c, problems),
            ReorderBlocks c => Reorder(sheet, c.Order, problems),
            MoveBlock c => Move(sheet, c, problems),
            ChangeBlock c => Change(sheet, c, problems),
            ChangeStart c => Restart(sheet, c, problems),
            ExtendBlock c => Extend(sheet, c, problems),
            SkipBlock c => Skip(sheet, c, problems),
            RestoreBlock c => Restore(sheet, c, problems),
            StartBlock c => StartLive(sheet, c, problems),
            FinishBlock c => FinishLive(sheet, c, problems),
            AddSpace c => Grid.AddSpace(sheet, c, problems),
            RemoveSpace c => Grid.RemoveSpace(sheet, c, problems),
            RenameSpace c => Grid.RenameSpace(sheet, c, problems),
            PostSession c => Grid.Post(sheet, c, problems),
            MoveSession c => Grid.Move(sheet, c, problems),
            RemoveSession c => Grid.Remove(sheet, c, problems),
            ReportSession c => Grid.Report(sheet, c, problems),
            _ => throw new ArgumentException($"Unknown run-sheet command {command.GetType().Name}.", nameof(command)),
        };

    /// <summary>The sheet with its blocks in this order and the planned starts laid out one after the other from the meeting's start.</summary>
    public static RunSheet Relayout(RunSheet sheet, IEnumerable<RunSheetBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(blocks);
        var laid = new List<RunSheetBlock>();
        var cursor = sheet.Start;
        foreach (var block in blocks)
        {
            laid.Add(block.Start == cursor ? block : block with { Start = cursor });
            // Clamped so that a wild length is refused by the validator rather than overflowing the clock.
            cursor = cursor.AddMinutes(Math.Clamp(block.Minutes, 0, RunSheetLimits.DayMinutes + 1));
        }
        return sheet with { Blocks = laid };
    }

    /// <summary>How many blocks at the front are fixed: up to and including the last block that has started.</summary>
    internal static int FrozenCount(RunSheet sheet)
    {
        for (var i = sheet.Blocks.Count - 1; i >= 0; i--)
        {
            if (sheet.Blocks[i].ActualStart is not null)
            {
                return i + 1;
            }
        }
        return 0;
    }

    private static RunSheetBlock? Known(RunSheet sheet, int blockId, List<RunSheetProblem> problems)
    {
        var block = sheet.Find(blockId);
        if (block is null)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.UnknownBlock,
                $"The run sheet has no block {N(blockId)} (it may have been removed); reload the run sheet.", blockId));
        }
        return block;
    }

    private static RunSheetProblem Started(RunSheetBlock block, string what) => new(RunSheetProblemKind.AlreadyStarted,
        $"Block {Name(block)} has already started (or comes before a block that has), so it cannot be {what}; change only what is still to come.", block.Id);

    private static RunSheet? Add(RunSheet sheet, AddBlock c, List<RunSheetProblem> problems)
    {
        if (c.Block is null)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.BadParameter, "The new block is empty; give it a title and a length."));
            return null;
        }
        var frozen = FrozenCount(sheet);
        var index = c.Index ?? sheet.Blocks.Count;
        if (index < 0 || index > sheet.Blocks.Count)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.BadOrder,
                $"Position {N(index)} is outside the run sheet; choose a position from 0 to {N(sheet.Blocks.Count)}."));
            return null;
        }
        if (index < frozen)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.AlreadyStarted,
                $"Position {N(index)} is before {Name(sheet.Blocks[frozen - 1])}, which has already started; add the block at position {N(frozen)} or later."));
            return null;
        }
        var block = FromDraft(sheet.NextBlockId, c.Block);
        var blocks = sheet.Blocks.ToList();
        blocks.Insert(index, block);
        return Relayout(sheet with { NextBlockId = sheet.NextBlockId + 1 }, blocks);
    }

    private static RunSheetBlock FromDraft(int id, BlockDraft draft) => new()
    {
        Id = id, Start = default, Minutes = draft.Minutes, Title = draft.Title?.Trim() ?? "", Kind = draft.Kind,
        Purpose = draft.Purpose ?? "", Instructions = draft.Instructions ?? "", Materials = draft.Materials ?? [],
        RoundQuestion = string.IsNullOrWhiteSpace(draft.RoundQuestion) ? null : draft.RoundQuestion, Roles = draft.Roles ?? [],
    };

    private static RunSheet? Remove(RunSheet sheet, RemoveBlock c, List<RunSheetProblem> problems)
    {
        if (Known(sheet, c.BlockId, problems) is not { } block)
        {
            return null;
        }
        var index = IndexOf(sheet, block.Id);
        if (index < FrozenCount(sheet))
        {
            problems.Add(Started(block, "removed"));
            return null;
        }
        var posted = sheet.Grid?.Sessions.Count(s => s.SlotBlockId == block.Id) ?? 0;
        if (posted > 0)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid,
                $"Block {Name(block)} is a slot of the grid with {N(posted)} session(s) posted; move or remove those sessions first.", block.Id));
            return null;
        }
        return Relayout(sheet, sheet.Blocks.Where(b => b.Id != block.Id));
    }

    private static RunSheet? Reorder(RunSheet sheet, IReadOnlyList<int>? order, List<RunSheetProblem> problems)
    {
        order ??= [];
        var current = sheet.Blocks.Select(b => b.Id).ToList();
        if (order.Count != current.Count || !order.Order().SequenceEqual(current.Order()))
        {
            var missing = current.Except(order).Select(id => N(id)).ToList();
            var extra = order.Except(current).Select(id => N(id)).ToList();
            var twice = order.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => N(g.Key)).ToList();
            var details = new List<string>();
            if (missing.Count > 0) { details.Add($"missing: {string.Join(", ", missing)}"); }
            if (extra.Count > 0) { details.Add($"not in the sheet: {string.Join(", ", extra)}"); }
            if (twice.Count > 0) { details.Add($"listed twice: {string.Join(", ", twice)}"); }
            problems.Add(new RunSheetProblem(RunSheetProblemKind.BadOrder,
                $"The new order must list each of the {N(current.Count)} blocks exactly once ({string.Join("; ", details)}); reload the run sheet and order it again."));
            return null;
        }
        var frozen = FrozenCount(sheet);
        for (var i = 0; i < frozen; i++)
        {
            if (order[i] != current[i])
            {
                problems.Add(Started(sheet.Blocks[i], "moved"));
                return null;
            }
        }
        var byId = sheet.Blocks.ToDictionary(b => b.Id);
        return Relayout(sheet, order.Select(id => byId[id]));
    }

    private static RunSheet? Move(RunSheet sheet, MoveBlock c, List<RunSheetProblem> problems)
    {
        if (Known(sheet, c.BlockId, problems) is not { } block)
        {
            return null;
        }
        var frozen = FrozenCount(sheet);
        if (IndexOf(sheet, block.Id) < frozen)
        {
            problems.Add(Started(block, "moved"));
            return null;
        }
        if (c.ToIndex < frozen || c.ToIndex >= sheet.Blocks.Count)
        {
            problems.Add(new RunSheetProblem(frozen > 0 && c.ToIndex >= 0 && c.ToIndex < frozen ? RunSheetProblemKind.AlreadyStarted : RunSheetProblemKind.BadOrder,
                $"Block {Name(block)} can go to a position from {N(frozen)} to {N(sheet.Blocks.Count - 1)}{(frozen > 0 ? " (the blocks before have already started)" : "")}; you asked for {N(c.ToIndex)}.", block.Id));
            return null;
        }
        var blocks = sheet.Blocks.Where(b => b.Id != block.Id).ToList();
        blocks.Insert(c.ToIndex, block);
        return Relayout(sheet, blocks);
    }

    private static RunSheet? Change(RunSheet sheet, ChangeBlock c, List<RunSheetProblem> problems)
    {
        if (Known(sheet, c.BlockId, problems) is not { } block)
        {
            return null;
        }
        if (c.Block is null)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.BadParameter, "The change is empty; send the block's new content.", block.Id));
            return null;
        }
        var draft = FromDraft(block.Id, c.Block);
        if (IndexOf(sheet, block.Id) < FrozenCount(sheet) && (draft.Minutes != block.Minutes || draft.Kind != block.Kind))
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.AlreadyStarted,
                $"Block {Name(block)} has already started (or comes before a block that has), so its planned length and kind stay as they were; extend it instead, or change only its texts.", block.Id));
            return null;
        }
        if (block.Kind == BlockKind.Session && draft.Kind != BlockKind.Session && (sheet.Grid?.Sessions.Any(s => s.SlotBlockId == block.Id) ?? false))
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid,
                $"Block {Name(block)} is a slot of the grid with sessions posted; move those sessions before making it another kind of block.", block.Id));
            return null;
        }
        var changed = block with
        {
            Title = draft.Title, Minutes = draft.Minutes, Kind = draft.Kind, Purpose = draft.Purpose, Instructions = draft.Instructions,
            Materials = draft.Materials, RoundQuestion = draft.RoundQuestion, Roles = draft.Roles,
        };
        return Relayout(sheet, sheet.Blocks.Select(b => b.Id == block.Id ? changed : b));
    }

    private static RunSheet? Restart(RunSheet sheet, ChangeStart c, List<RunSheetProblem> problems)
    {
        if (FrozenCount(sheet) > 0)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.AlreadyStarted,
                "The meeting has already started, so its start cannot move; extend, skip or move the blocks still to come instead."));
            return null;
        }
        return Relayout(sheet with { Start = c.Start }, sheet.Blocks);
    }

    private static RunSheet? Extend(RunSheet sheet, ExtendBlock c, List<RunSheetProblem> problems)
    {
        if (Known(sheet, c.BlockId, problems) is not { } block)
        {
            return null;
        }
        if (block.Status is BlockStatus.Done or BlockStatus.Skipped)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.WrongState,
                $"Block {Name(block)} is {(block.Status == BlockStatus.Done ? "finished" : "skipped")}; only a running or coming block can be extended.", block.Id));
            return null;
        }
        if (c.Minutes == 0)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.BadParameter, "Extend by at least 1 minute (or a negative number of minutes to shorten).", block.Id));
            return null;
        }
        var total = (long)block.CurrentMinutes + c.Minutes;
        if (total < 1)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.BadDuration,
                $"Block {Name(block)} lasts {N(block.CurrentMinutes)} minutes; it can be shortened by at most {N(block.CurrentMinutes - 1)} minutes (skip it instead), not by {N(-c.Minutes)}.", block.Id,
                RunSheetDetail.Of(RunSheetDetailKind.ShortenedTooMuch, Short(block.Title), (long)block.CurrentMinutes, (long)block.CurrentMinutes - 1, -(long)c.Minutes)));
            return null;
        }
        if (total > RunSheetLimits.DayMinutes)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.BadDuration,
                $"Block {Name(block)} would last {N(total)} minutes, more than a day; extend it by less.", block.Id,
                RunSheetDetail.Of(RunSheetDetailKind.ExtendedBeyondADay, Short(block.Title), total)));
            return null;
        }
        return Replace(sheet, block with { ExtraMinutes = block.ExtraMinutes + c.Minutes });
    }

    private static RunSheet? Skip(RunSheet sheet, SkipBlock c, List<RunSheetProblem> problems)
    {
        if (Known(sheet, c.BlockId, problems) is not { } block)
        {
            return null;
        }
        if (block.Status != BlockStatus.Pending)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.WrongState, block.Status switch
            {
                BlockStatus.Running => $"Block {Name(block)} is running; finish it instead of skipping it.",
                BlockStatus.Done => $"Block {Name(block)} has already taken place; it cannot be skipped.",
                _ => $"Block {Name(block)} is already skipped.",
            }, block.Id));
            return null;
        }
        return Replace(sheet, block with { Skipped = true });
    }

    private static RunSheet? Restore(RunSheet sheet, RestoreBlock c, List<RunSheetProblem> problems)
    {
        if (Known(sheet, c.BlockId, problems) is not { } block)
        {
            return null;
        }
        if (!block.Skipped)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.WrongState, $"Block {Name(block)} is not skipped; there is nothing to restore.", block.Id));
            return null;
        }
        if (IndexOf(sheet, block.Id) < FrozenCount(sheet))
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.AlreadyStarted,
                $"A block after {Name(block)} has already started, so it cannot come back in its place; add a copy of it later in the run sheet instead.", block.Id));
            return null;
        }
        return Replace(sheet, block with { Skipped = false });
    }

    private static RunSheet? StartLive(RunSheet sheet, StartBlock c, List<RunSheetProblem> problems)
    {
        if (Known(sheet, c.BlockId, problems) is not { } block)
        {
            return null;
        }
        if (block.Status != BlockStatus.Pending)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.WrongState, block.Status switch
            {
                BlockStatus.Running => $"Block {Name(block)} is already running (since {Clock(block.ActualStart!.Value)}).",
                BlockStatus.Done => $"Block {Name(block)} has already taken place; add a new block to do it again.",
                _ => $"Block {Name(block)} is skipped; restore it before starting it.",
            }, block.Id));
            return null;
        }
        var index = IndexOf(sheet, block.Id);
        var waiting = sheet.Blocks.Take(index).Where(b => b.Status == BlockStatus.Pending).ToList();
        if (waiting.Count > 0)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.WrongState,
                $"{string.Join(", ", waiting.Select(Name))} {(waiting.Count == 1 ? "comes" : "come")} before {Name(block)} and {(waiting.Count == 1 ? "has" : "have")} not started; skip {(waiting.Count == 1 ? "it" : "them")}, or move {Name(block)} before {(waiting.Count == 1 ? "it" : "them")}, first.", block.Id));
            return null;
        }
        var blocks = sheet.Blocks.ToList();
        var lastEnd = sheet.Blocks.Take(index).Where(b => b.ActualEnd is not null).Select(b => b.ActualEnd!.Value).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        var running = sheet.Blocks.Take(index).FirstOrDefault(b => b.Status == BlockStatus.Running);
        if (running is not null && c.At < running.ActualStart)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.WrongState,
                $"Block {Name(running)} started at {Clock(running.ActualStart!.Value)}; {Name(block)} cannot start before that ({Clock(c.At)}).", block.Id));
            return null;
        }
        if (c.At < lastEnd)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.WrongState,
                $"The block before {Name(block)} finished at {Clock(lastEnd)}; {Name(block)} cannot start before that ({Clock(c.At)}).", block.Id));
            return null;
        }
        if (running is not null)
        {
            blocks[IndexOf(sheet, running.Id)] = running with { ActualEnd = c.At };
        }
        blocks[index] = block with { ActualStart = c.At };
        return sheet with { Blocks = blocks };
    }

    private static RunSheet? FinishLive(RunSheet sheet, FinishBlock c, List<RunSheetProblem> problems)
    {
        if (Known(sheet, c.BlockId, problems) is not { } block)
        {
            return null;
        }
        if (block.Status != BlockStatus.Running)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.WrongState,
                $"Block {Name(block)} is not running ({(block.Status == BlockStatus.Done ? "it has finished" : block.Status == BlockStatus.Skipped ? "it is skipped" : "it has not started")}); only the running block can be finished.", block.Id));
            return null;
        }
        if (c.At < block.ActualStart)
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.WrongState,
                $"Block {Name(block)} started at {Clock(block.ActualStart!.Value)}; it cannot finish before that ({Clock(c.At)}).", block.Id));
            return null;
        }
        return Replace(sheet, block with { ActualEnd = c.At });
    }

    internal static int IndexOf(RunSheet sheet, int blockId)
    {
        for (var i = 0; i < sheet.Blocks.Count; i++)
        {
            if (sheet.Blocks[i].Id == blockId)
            {
                return i;
            }
        }
        return -1;
    }

    private static RunSheet Replace(RunSheet sheet, RunSheetBlock block) =>
        sheet with { Blocks = sheet.Blocks.Select(b => b.Id == block.Id ? block : b).ToList() };

    /// <summary>The grid operations (Open Space and unconference marketplace).</summary>
    private static class Grid
    {
        private static OpenSpaceGrid? Existing(RunSheet sheet, List<RunSheetProblem> problems)
        {
            if (sheet.Grid is null)
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid, "This run sheet has no grid of sessions yet; add a space (a room or corner) first."));
            }
            return sheet.Grid;
        }

        public static RunSheet? AddSpace(RunSheet sheet, AddSpace c, List<RunSheetProblem> problems)
        {
            var grid = sheet.Grid ?? new OpenSpaceGrid();
            var name = c.Name?.Trim() ?? "";
            if (grid.Spaces.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid, $"The grid already has a space called \"{Short(name)}\"; give the new space another name.", null,
                    RunSheetDetail.Of(RunSheetDetailKind.SpaceNameTaken, Short(name))));
                return null;
            }
            return sheet with
            {
                Grid = grid with { Spaces = [.. grid.Spaces, new GridSpace(grid.NextSpaceId, name)], NextSpaceId = grid.NextSpaceId + 1 },
            };
        }

        public static RunSheet? RemoveSpace(RunSheet sheet, RemoveSpace c, List<RunSheetProblem> problems)
        {
            if (Existing(sheet, problems) is not { } grid)
            {
                return null;
            }
            var space = grid.Spaces.FirstOrDefault(s => s.Id == c.SpaceId);
            if (space is null)
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid, $"The grid has no space {N(c.SpaceId)}; reload the run sheet.", null,
                    RunSheetDetail.Of(RunSheetDetailKind.UnknownSpace, c.SpaceId)));
                return null;
            }
            var count = grid.Sessions.Count(s => s.SpaceId == space.Id);
            if (count > 0)
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid, $"The space \"{Short(space.Name)}\" has {N(count)} session(s); move or remove them before removing the space.", null,
                    RunSheetDetail.Of(RunSheetDetailKind.SpaceHasSessions, Short(space.Name), count)));
                return null;
            }
            return sheet with { Grid = grid with { Spaces = grid.Spaces.Where(s => s.Id != space.Id).ToList() } };
        }

        public static RunSheet? RenameSpace(RunSheet sheet, RenameSpace c, List<RunSheetProblem> problems)
        {
            if (Existing(sheet, problems) is not { } grid)
            {
                return null;
            }
            var space = grid.Spaces.FirstOrDefault(s => s.Id == c.SpaceId);
            if (space is null)
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid, $"The grid has no space {N(c.SpaceId)}; reload the run sheet.", null,
                    RunSheetDetail.Of(RunSheetDetailKind.UnknownSpace, c.SpaceId)));
                return null;
            }
            var name = c.Name?.Trim() ?? "";
            if (grid.Spaces.Any(s => s.Id != space.Id && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid, $"The grid already has a space called \"{Short(name)}\"; give this space another name.", null,
                    RunSheetDetail.Of(RunSheetDetailKind.SpaceNameTaken, Short(name))));
                return null;
            }
            return sheet with { Grid = grid with { Spaces = grid.Spaces.Select(s => s.Id == space.Id ? s with { Name = name } : s).ToList() } };
        }

        private static bool CellFree(RunSheet sheet, OpenSpaceGrid grid, int slotBlockId, int spaceId, int? exceptSession, List<RunSheetProblem> problems)
        {
            var slot = sheet.Find(slotBlockId);
            if (slot is null || slot.Kind != BlockKind.Session)
            {
                var slots = sheet.Blocks.Where(b => b.Kind == BlockKind.Session).Select(b => $"{Name(b)} ({Clock(b.Start)})").ToList();
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid, slots.Count == 0
                    ? "The run sheet has no session slots; add a block of the kind \"session\" first."
                    : $"Block {N(slotBlockId)} is not a session slot; choose one of {string.Join(", ", slots)}.", slotBlockId));
                return false;
            }
            var space = grid.Spaces.FirstOrDefault(s => s.Id == spaceId);
            if (space is null)
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid, $"The grid has no space {N(spaceId)}; choose one of {string.Join(", ", grid.Spaces.Select(s => $"\"{Short(s.Name)}\""))}.", null,
                    RunSheetDetail.Of(RunSheetDetailKind.UnknownSpace, spaceId)));
                return false;
            }
            var taken = grid.Sessions.FirstOrDefault(s => s.SlotBlockId == slotBlockId && s.SpaceId == spaceId && s.Id != exceptSession);
            if (taken is not null)
            {
                var free = grid.Spaces.Where(sp => !grid.Sessions.Any(s => s.SlotBlockId == slotBlockId && s.SpaceId == sp.Id)).Select(sp => $"\"{Short(sp.Name)}\"").ToList();
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid,
                    $"\"{Short(space.Name)}\" at {Clock(slot.Start)} already has the session \"{Short(taken.Title)}\"; "
                    + (free.Count > 0 ? $"choose a free space at that time ({string.Join(", ", free)}) or another time." : "every space is taken at that time; choose another time or add a space."),
                    slotBlockId, RunSheetDetail.Of(RunSheetDetailKind.CellTaken, Short(space.Name), Clock(slot.Start), Short(taken.Title), string.Join(", ", free), free.Count)));
                return false;
            }
            return true;
        }

        private static GridSession? Session(OpenSpaceGrid grid, int sessionId, List<RunSheetProblem> problems)
        {
            var session = grid.Sessions.FirstOrDefault(s => s.Id == sessionId);
            if (session is null)
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid, $"The grid has no session {N(sessionId)} (it may have been removed); reload the run sheet.", null,
                    RunSheetDetail.Of(RunSheetDetailKind.UnknownSession, sessionId)));
            }
            return session;
        }

        private static RunSheet With(RunSheet sheet, OpenSpaceGrid grid, IEnumerable<GridSession> sessions) =>
            sheet with { Grid = grid with { Sessions = sessions.ToList() } };

        public static RunSheet? Post(RunSheet sheet, PostSession c, List<RunSheetProblem> problems)
        {
            if (Existing(sheet, problems) is not { } grid || !CellFree(sheet, grid, c.SlotBlockId, c.SpaceId, null, problems))
            {
                return null;
            }
            var session = new GridSession
            {
                Id = grid.NextSessionId, SlotBlockId = c.SlotBlockId, SpaceId = c.SpaceId, Title = c.Title?.Trim() ?? "",
                ConvenerId = string.IsNullOrWhiteSpace(c.ConvenerId) ? null : c.ConvenerId,
            };
            return With(sheet, grid with { NextSessionId = grid.NextSessionId + 1 }, [.. grid.Sessions, session]);
        }

        public static RunSheet? Move(RunSheet sheet, MoveSession c, List<RunSheetProblem> problems)
        {
            if (Existing(sheet, problems) is not { } grid || Session(grid, c.SessionId, problems) is not { } session
                || !CellFree(sheet, grid, c.SlotBlockId, c.SpaceId, session.Id, problems))
            {
                return null;
            }
            return With(sheet, grid, grid.Sessions.Select(s => s.Id == session.Id ? s with { SlotBlockId = c.SlotBlockId, SpaceId = c.SpaceId } : s));
        }

        public static RunSheet? Remove(RunSheet sheet, RemoveSession c, List<RunSheetProblem> problems)
        {
            if (Existing(sheet, problems) is not { } grid || Session(grid, c.SessionId, problems) is not { } session)
            {
                return null;
            }
            return With(sheet, grid, grid.Sessions.Where(s => s.Id != session.Id));
        }

        public static RunSheet? Report(RunSheet sheet, ReportSession c, List<RunSheetProblem> problems)
        {
            if (Existing(sheet, problems) is not { } grid || Session(grid, c.SessionId, problems) is not { } session)
            {
                return null;
            }
            return With(sheet, grid, grid.Sessions.Select(s => s.Id == session.Id ? s with { Report = c.Report ?? "" } : s));
        }
    }
}
