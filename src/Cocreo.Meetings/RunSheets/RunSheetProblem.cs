namespace Cocreo.Meetings.RunSheets;

/// <summary>What is wrong with a sheet, a change or a template's parameters, as a code the web layer can translate.</summary>
public enum RunSheetProblemKind
{
    /// <summary>The change was based on an older version than the current one.</summary>
    Conflict,
    /// <summary>The JSON cannot be read (malformed, or a layout this version does not know).</summary>
    UnreadableJson,
    /// <summary>More blocks than <see cref="RunSheetLimits.Blocks"/>.</summary>
    TooManyBlocks,
    /// <summary>A block id is not positive, is used twice, or is not below <see cref="RunSheet.NextBlockId"/>.</summary>
    BadBlockId,
    /// <summary>A change names a block the sheet does not have.</summary>
    UnknownBlock,
    /// <summary>A title is empty or too long.</summary>
    BadTitle,
    /// <summary>A text (purpose, instructions, question, material, report, id) is too long or a list too long.</summary>
    TextTooLong,
    /// <summary>A block's length is not positive or longer than a day.</summary>
    BadDuration,
    /// <summary>A block does not start where the one before ends (or the first not at the meeting's start): a gap.</summary>
    Gap,
    /// <summary>A block starts before the one before ends.</summary>
    Overlap,
    /// <summary>The sheet lasts more than a day.</summary>
    LongerThanADay,
    /// <summary>The live state of a block is impossible (ends before it starts, skipped after starting, two running...).</summary>
    BadLiveState,
    /// <summary>The change would rewrite what already happened (move, remove or retime a block that has started).</summary>
    AlreadyStarted,
    /// <summary>A live operation does not fit the block's state (finish a block that is not running, skip a finished one...).</summary>
    WrongState,
    /// <summary>A new order does not list every block exactly once, or a position is out of range.</summary>
    BadOrder,
    /// <summary>The grid is missing, or a space, slot or session is unknown or doubly used.</summary>
    BadGrid,
    /// <summary>A template's parameter is out of range or missing.</summary>
    BadParameter,
    /// <summary>What the template must fit does not fit in the time given.</summary>
    DoesNotFit,
}

/// <summary>One problem and what to change, in English (the web layer localises by <see cref="Kind"/>); <see cref="BlockId"/> when a block is at fault.</summary>
public sealed record RunSheetProblem(RunSheetProblemKind Kind, string Message, int? BlockId = null);

/// <summary>A template's parameters cannot give a run sheet; <see cref="Problems"/> says what to change.</summary>
public sealed class RunSheetInputException : Exception
{
    /// <summary>Creates the error from the problems found (at least one).</summary>
    public RunSheetInputException(IReadOnlyList<RunSheetProblem> problems)
        : base(string.Join(" ", problems.Select(p => p.Message)))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in the order checked.</summary>
    public IReadOnlyList<RunSheetProblem> Problems { get; }
}
