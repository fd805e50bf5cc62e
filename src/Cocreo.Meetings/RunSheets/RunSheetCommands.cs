using System.Text.Json.Serialization;

namespace Cocreo.Meetings.RunSheets;

/// <summary>
/// A change to a run sheet: an edit of the plan or a live operation. <see cref="RunSheetEditor.Apply"/> applies it to a
/// sheet and returns the new sheet (version + 1). In JSON a command carries its name in <c>"op"</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
[JsonDerivedType(typeof(AddBlock), "addBlock")]
[JsonDerivedType(typeof(RemoveBlock), "removeBlock")]
[JsonDerivedType(typeof(ReorderBlocks), "reorderBlocks")]
[JsonDerivedType(typeof(MoveBlock), "moveBlock")]
[JsonDerivedType(typeof(ChangeBlock), "changeBlock")]
[JsonDerivedType(typeof(ChangeStart), "changeStart")]
[JsonDerivedType(typeof(ExtendBlock), "extendBlock")]
[JsonDerivedType(typeof(SkipBlock), "skipBlock")]
[JsonDerivedType(typeof(RestoreBlock), "restoreBlock")]
[JsonDerivedType(typeof(StartBlock), "startBlock")]
[JsonDerivedType(typeof(FinishBlock), "finishBlock")]
[JsonDerivedType(typeof(AddSpace), "addSpace")]
[JsonDerivedType(typeof(RemoveSpace), "removeSpace")]
[JsonDerivedType(typeof(RenameSpace), "renameSpace")]
[JsonDerivedType(typeof(PostSession), "postSession")]
[JsonDerivedType(typeof(MoveSession), "moveSession")]
[JsonDerivedType(typeof(RemoveSession), "removeSession")]
[JsonDerivedType(typeof(ReportSession), "reportSession")]
public abstract record RunSheetCommand;

/// <summary>Adds a block at a position (0 = first; null = at the end). Later blocks move later. It cannot go before a block that has started.</summary>
public sealed record AddBlock(BlockDraft Block, int? Index = null) : RunSheetCommand;

/// <summary>Removes a block that has not started; later blocks move earlier.</summary>
public sealed record RemoveBlock(int BlockId) : RunSheetCommand;

/// <summary>Puts the blocks in a new order (every block's id exactly once); blocks that have started keep their place.</summary>
public sealed record ReorderBlocks(IReadOnlyList<int> Order) : RunSheetCommand;

/// <summary>Moves one block that has not started to a position (0 = first), after every block that has started.</summary>
public sealed record MoveBlock(int BlockId, int ToIndex) : RunSheetCommand;

/// <summary>Replaces a block's content; the length and kind of a block that has started cannot change (use <see cref="ExtendBlock"/> live).</summary>
public sealed record ChangeBlock(int BlockId, BlockDraft Block) : RunSheetCommand;

/// <summary>Moves the whole meeting to a new start, before any block has started.</summary>
public sealed record ChangeStart(DateTimeOffset Start) : RunSheetCommand;

/// <summary>Live: adds minutes to a block that has not finished (negative minutes shorten it, down to 1 minute); the rest shifts.</summary>
public sealed record ExtendBlock(int BlockId, int Minutes) : RunSheetCommand;

/// <summary>Live: skips a block that has not started; it takes no time and the rest moves earlier.</summary>
public sealed record SkipBlock(int BlockId) : RunSheetCommand;

/// <summary>Live: takes a skipped block back into the plan.</summary>
public sealed record RestoreBlock(int BlockId) : RunSheetCommand;

/// <summary>Live: starts a block at an actual time; the running block, if any, finishes then. Every block before it must have started or been skipped.</summary>
public sealed record StartBlock(int BlockId, DateTimeOffset At) : RunSheetCommand;

/// <summary>Live: finishes the running block at an actual time.</summary>
public sealed record FinishBlock(int BlockId, DateTimeOffset At) : RunSheetCommand;

/// <summary>Adds a space (a column) to the grid, creating the grid if the sheet has none.</summary>
public sealed record AddSpace(string Name) : RunSheetCommand;

/// <summary>Removes a space that has no session.</summary>
public sealed record RemoveSpace(int SpaceId) : RunSheetCommand;

/// <summary>Gives a space another name (unique in the grid, ignoring case); its sessions stay where they are.</summary>
public sealed record RenameSpace(int SpaceId, string Name) : RunSheetCommand;

/// <summary>Posts a session onto a free cell of the grid (the marketplace).</summary>
public sealed record PostSession(int SlotBlockId, int SpaceId, string Title, string? ConvenerId = null) : RunSheetCommand;

/// <summary>Moves a session to another free cell.</summary>
public sealed record MoveSession(int SessionId, int SlotBlockId, int SpaceId) : RunSheetCommand;

/// <summary>Takes a session off the grid.</summary>
public sealed record RemoveSession(int SessionId) : RunSheetCommand;

/// <summary>Sets the report of a session (the convener's notes).</summary>
public sealed record ReportSession(int SessionId, string Report) : RunSheetCommand;

/// <summary>What became of a change.</summary>
public enum RunSheetOutcome
{
    /// <summary>Applied: <see cref="RunSheetResult.Sheet"/> is the new sheet, one version later.</summary>
    Applied,
    /// <summary>Based on an older version: <see cref="RunSheetResult.Sheet"/> is the current sheet, to show the person.</summary>
    Conflict,
    /// <summary>Not possible: <see cref="RunSheetResult.Problems"/> says why; <see cref="RunSheetResult.Sheet"/> is unchanged.</summary>
    Refused,
}

/// <summary>The outcome of a change, the sheet to show (new or current) and, unless applied, what went wrong.</summary>
public sealed record RunSheetResult(RunSheetOutcome Outcome, RunSheet Sheet, IReadOnlyList<RunSheetProblem> Problems)
{
    /// <summary>True when the change was applied.</summary>
    public bool Applied => Outcome == RunSheetOutcome.Applied;
}
