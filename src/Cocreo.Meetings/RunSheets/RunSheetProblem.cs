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

/// <summary>
/// One problem and what to change, in English (the web layer localises by <see cref="Kind"/>, or by
/// <see cref="Detail"/> when the problem has one, with its numbers and names); <see cref="BlockId"/> when a block is at fault.
/// </summary>
public sealed record RunSheetProblem(RunSheetProblemKind Kind, string Message, int? BlockId = null, RunSheetDetail? Detail = null);

/// <summary>Which precise message a problem is, so another language can say it with the same numbers and names.</summary>
public enum RunSheetDetailKind
{
    /// <summary>Args: space name, time (HH:mm), the session there, the free spaces at that time (quoted, comma-separated), how many are free.</summary>
    CellTaken,
    /// <summary>Args: space name, number of sessions in it.</summary>
    SpaceHasSessions,
    /// <summary>Args: the name already used.</summary>
    SpaceNameTaken,
    /// <summary>Args: the space id.</summary>
    UnknownSpace,
    /// <summary>Args: the session id.</summary>
    UnknownSession,
    /// <summary>Args: block title, its minutes, the most it can be shortened by, the minutes asked.</summary>
    ShortenedTooMuch,
    /// <summary>Args: block title, the minutes it would last.</summary>
    ExtendedBeyondADay,
    /// <summary>Args: number of blocks, the limit, how many too many.</summary>
    TooManyBlocks,
    /// <summary>Args: block title, title length, the limit.</summary>
    TitleTooLong,
    /// <summary>Args: block title, its minutes (less than 1).</summary>
    TooShort,
    /// <summary>Args: block title, its minutes, a day's minutes.</summary>
    LongerThanADay,
    /// <summary>Args: block title, number of materials, the limit.</summary>
    TooManyMaterials,
    /// <summary>Args: block title, number of roles, the limit.</summary>
    TooManyRoles,
    /// <summary>Args: the sheet's minutes, its start (HH:mm), its end (HH:mm), the minutes over a day.</summary>
    SheetLongerThanADay,
}

/// <summary>A problem's kind of message and its arguments: names as strings (already shortened), numbers as <see cref="long"/>.</summary>
public sealed record RunSheetDetail(RunSheetDetailKind Kind, IReadOnlyList<object> Args)
{
    /// <summary>Makes a detail from its arguments (ints are widened to long).</summary>
    public static RunSheetDetail Of(RunSheetDetailKind kind, params object[] args) =>
        new(kind, args.Select(a => a is int i ? (object)(long)i : a).ToList());
}

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
