using System.Text.Json.Serialization;

namespace Cocreo.Meetings.RunSheets;

/// <summary>What a block is for; the live views and the report group blocks by kind.</summary>
public enum BlockKind
{
    /// <summary>Everyone together: welcome, briefing, opening or closing circle.</summary>
    Plenary,
    /// <summary>A round of conversation (World Café, Circle, Fishbowl), usually with a question.</summary>
    Round,
    /// <summary>Participants post sessions onto the Open Space or unconference grid.</summary>
    Marketplace,
    /// <summary>Parallel sessions or team work (a slot of the grid in Open Space and unconferences).</summary>
    Session,
    /// <summary>A pause, a change of tables or of rooms: the only kind of block that stands for time without content.</summary>
    Break,
    /// <summary>Gathering what came out: harvest, reports, demos, reflections.</summary>
    Harvest,
}

/// <summary>Who does something in a block (the web translates the role).</summary>
public enum FacilitationRole
{
    /// <summary>Leads the meeting and operates the run sheet.</summary>
    LeadFacilitator,
    /// <summary>Supports the lead (a co-facilitator, a room facilitator).</summary>
    Facilitator,
    /// <summary>Stays at one table for every round of a World Café and welcomes the newcomers.</summary>
    TableHost,
    /// <summary>Proposes and hosts a session of an Open Space or unconference and writes its report.</summary>
    Convener,
    /// <summary>Keeps the circle: opens it, passes the talking piece, holds the agreements.</summary>
    CircleKeeper,
    /// <summary>Keeps the time and signals the end of a block.</summary>
    Timekeeper,
    /// <summary>Captures what is said (notes, drawings) for the harvest.</summary>
    Harvester,
    /// <summary>Presents or pitches (a speaker in the fishbowl, a team at the demos).</summary>
    Presenter,
}

/// <summary>A role in a block and, optionally, who takes it (an id the caller chooses, e.g. a user id; never a name).</summary>
public sealed record BlockRole(FacilitationRole Role, string? AssigneeId = null);

/// <summary>Where a block is in the meeting as it runs.</summary>
public enum BlockStatus
{
    /// <summary>Not started yet.</summary>
    Pending,
    /// <summary>Started and not finished.</summary>
    Running,
    /// <summary>Started and finished.</summary>
    Done,
    /// <summary>Skipped before it started.</summary>
    Skipped,
}

/// <summary>The editable content of a block (what an organiser or facilitator types); <see cref="RunSheetBlock"/> adds id, time and live state.</summary>
public sealed record BlockDraft
{
    /// <summary>A short title (required, at most <see cref="RunSheetLimits.TitleLength"/> characters).</summary>
    public required string Title { get; init; }
    /// <summary>Planned length in whole minutes (at least 1).</summary>
    public required int Minutes { get; init; }
    /// <summary>What the block is for.</summary>
    public BlockKind Kind { get; init; } = BlockKind.Plenary;
    /// <summary>Why the block is there, in a sentence for participants.</summary>
    public string Purpose { get; init; } = "";
    /// <summary>What facilitators do, step by step.</summary>
    public string Instructions { get; init; } = "";
    /// <summary>What to have ready (one item each).</summary>
    public IReadOnlyList<string> Materials { get; init; } = [];
    /// <summary>The question of a round, if any.</summary>
    public string? RoundQuestion { get; init; }
    /// <summary>Facilitation roles in this block.</summary>
    public IReadOnlyList<BlockRole> Roles { get; init; } = [];
}

/// <summary>
/// One block of a run sheet: its planned start and length (the plan, moved only by edits) and what happened live
/// (actual start and end, extensions, skipped). The projected times, with overruns shifting the rest, come from
/// <see cref="RunSheetClock"/>.
/// </summary>
public sealed record RunSheetBlock
{
    /// <summary>Unique in its sheet; never reused (see <see cref="RunSheet.NextBlockId"/>).</summary>
    public required int Id { get; init; }
    /// <summary>Planned start: the meeting's start plus the planned minutes of every block before it.</summary>
    public required DateTimeOffset Start { get; init; }
    /// <summary>Planned length in whole minutes.</summary>
    public required int Minutes { get; init; }
    /// <inheritdoc cref="BlockDraft.Title"/>
    public required string Title { get; init; }
    /// <inheritdoc cref="BlockDraft.Kind"/>
    public BlockKind Kind { get; init; } = BlockKind.Plenary;
    /// <inheritdoc cref="BlockDraft.Purpose"/>
    public string Purpose { get; init; } = "";
    /// <inheritdoc cref="BlockDraft.Instructions"/>
    public string Instructions { get; init; } = "";
    /// <inheritdoc cref="BlockDraft.Materials"/>
    public IReadOnlyList<string> Materials { get; init; } = [];
    /// <inheritdoc cref="BlockDraft.RoundQuestion"/>
    public string? RoundQuestion { get; init; }
    /// <inheritdoc cref="BlockDraft.Roles"/>
    public IReadOnlyList<BlockRole> Roles { get; init; } = [];

    /// <summary>When the lead facilitator started the block, if they did.</summary>
    public DateTimeOffset? ActualStart { get; init; }
    /// <summary>When the block finished, if it did.</summary>
    public DateTimeOffset? ActualEnd { get; init; }
    /// <summary>Minutes added (or, if negative, taken away) live; the plan keeps <see cref="Minutes"/>.</summary>
    public int ExtraMinutes { get; init; }
    /// <summary>Skipped before it started: it takes no time in the projection.</summary>
    public bool Skipped { get; init; }

    /// <summary>Planned end.</summary>
    [JsonIgnore]
    public DateTimeOffset End => Start.AddMinutes(Minutes);

    /// <summary>The length the block is now expected to take (planned plus extensions).</summary>
    [JsonIgnore]
    public int CurrentMinutes => Minutes + ExtraMinutes;

    /// <summary>Where the block is in the live meeting.</summary>
    [JsonIgnore]
    public BlockStatus Status => Skipped ? BlockStatus.Skipped
        : ActualEnd is not null ? BlockStatus.Done
        : ActualStart is not null ? BlockStatus.Running
        : BlockStatus.Pending;

    /// <summary>The editable content of the block.</summary>
    public BlockDraft ToDraft() => new()
    {
        Title = Title, Minutes = Minutes, Kind = Kind, Purpose = Purpose, Instructions = Instructions,
        Materials = Materials, RoundQuestion = RoundQuestion, Roles = Roles,
    };
}

/// <summary>A room or corner of an Open Space or unconference grid (a column of the grid).</summary>
public sealed record GridSpace(int Id, string Name);

/// <summary>A session posted onto the grid: a slot (a <see cref="BlockKind.Session"/> block) × a space, with its convener and report.</summary>
public sealed record GridSession
{
    /// <summary>Unique in the grid; never reused.</summary>
    public required int Id { get; init; }
    /// <summary>The session block (time slot) it takes place in.</summary>
    public required int SlotBlockId { get; init; }
    /// <summary>The space it takes place in.</summary>
    public required int SpaceId { get; init; }
    /// <summary>The topic, as posted at the marketplace.</summary>
    public required string Title { get; init; }
    /// <summary>Who convenes it (an id the caller chooses, e.g. a user id), if known.</summary>
    public string? ConvenerId { get; init; }
    /// <summary>The session's report, written by the convener (empty until then).</summary>
    public string Report { get; init; } = "";
}

/// <summary>
/// The time × space grid of an Open Space or unconference: the slots are the sheet's <see cref="BlockKind.Session"/>
/// blocks, the spaces are listed here, and each cell holds at most one session.
/// </summary>
public sealed record OpenSpaceGrid
{
    /// <summary>The spaces (columns), in display order.</summary>
    public IReadOnlyList<GridSpace> Spaces { get; init; } = [];
    /// <summary>The sessions posted so far.</summary>
    public IReadOnlyList<GridSession> Sessions { get; init; } = [];
    /// <summary>The id the next space gets.</summary>
    public int NextSpaceId { get; init; } = 1;
    /// <summary>The id the next session gets.</summary>
    public int NextSessionId { get; init; } = 1;
}

/// <summary>
/// A meeting's run sheet: the blocks in order, one after the other from <see cref="Start"/> with no gaps (pauses are
/// <see cref="BlockKind.Break"/> blocks), and a <see cref="Version"/> that every change must name (optimistic
/// concurrency: a change based on an older version is refused with the current sheet).
/// </summary>
public sealed record RunSheet
{
    /// <summary>The JSON layout this library writes; see <see cref="RunSheetJson"/>.</summary>
    public const int CurrentSchema = 1;

    /// <summary>The JSON layout version the sheet was written with.</summary>
    public int Schema { get; init; } = CurrentSchema;
    /// <summary>Starts at 1 and grows by one with every applied change.</summary>
    public long Version { get; init; } = 1;
    /// <summary>When the meeting starts (the first block starts then).</summary>
    public required DateTimeOffset Start { get; init; }
    /// <summary>The format the sheet was made from, if any.</summary>
    public MeetingFormat? Format { get; init; }
    /// <summary>The language the template wrote the texts in ("en", "sl").</summary>
    public string? Language { get; init; }
    /// <summary>The blocks, in order.</summary>
    public IReadOnlyList<RunSheetBlock> Blocks { get; init; } = [];
    /// <summary>The id the next block gets.</summary>
    public int NextBlockId { get; init; } = 1;
    /// <summary>The time × space grid (Open Space, unconference), if the meeting has one.</summary>
    public OpenSpaceGrid? Grid { get; init; }

    /// <summary>Planned end: the end of the last block (the start when there are none).</summary>
    [JsonIgnore]
    public DateTimeOffset PlannedEnd => Blocks.Count == 0 ? Start : Blocks[^1].End;

    /// <summary>The block with this id, or null.</summary>
    public RunSheetBlock? Find(int blockId) => Blocks.FirstOrDefault(b => b.Id == blockId);
}

/// <summary>The limits every sheet keeps (checked by <see cref="RunSheetValidator"/>).</summary>
public static class RunSheetLimits
{
    /// <summary>Blocks per sheet.</summary>
    public const int Blocks = 200;
    /// <summary>Characters in a title (block, space, session).</summary>
    public const int TitleLength = 200;
    /// <summary>Characters in a purpose or a round question.</summary>
    public const int PurposeLength = 1000;
    /// <summary>Characters in a block's instructions.</summary>
    public const int InstructionsLength = 4000;
    /// <summary>Materials per block.</summary>
    public const int Materials = 30;
    /// <summary>Roles per block.</summary>
    public const int Roles = 30;
    /// <summary>Characters in an id the caller chooses (assignee, convener).</summary>
    public const int IdLength = 100;
    /// <summary>Minutes in a day: a sheet lasts at most this long.</summary>
    public const int DayMinutes = 24 * 60;
    /// <summary>Spaces in a grid.</summary>
    public const int Spaces = 50;
    /// <summary>Sessions in a grid.</summary>
    public const int Sessions = 1000;
    /// <summary>Characters in a session report.</summary>
    public const int ReportLength = 20000;
}
