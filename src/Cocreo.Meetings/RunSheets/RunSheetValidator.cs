using System.Globalization;

namespace Cocreo.Meetings.RunSheets;

/// <summary>Checks a whole sheet: limits, contiguous blocks from the start, one day at most, a coherent live state and grid.</summary>
public static class RunSheetValidator
{
    /// <summary>Every problem of the sheet, in order; empty when the sheet is valid.</summary>
    public static IReadOnlyList<RunSheetProblem> Validate(RunSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var problems = new List<RunSheetProblem>();
        void Add(RunSheetProblemKind kind, string message, int? block = null, RunSheetDetail? detail = null) => problems.Add(new RunSheetProblem(kind, message, block, detail));

        var blocks = sheet.Blocks ?? [];
        if (blocks.Count > RunSheetLimits.Blocks)
        {
            Add(RunSheetProblemKind.TooManyBlocks,
                $"The run sheet has {N(blocks.Count)} blocks; a run sheet holds at most {N(RunSheetLimits.Blocks)}, so remove {N(blocks.Count - RunSheetLimits.Blocks)} or merge some.",
                detail: RunSheetDetail.Of(RunSheetDetailKind.TooManyBlocks, blocks.Count, RunSheetLimits.Blocks, blocks.Count - RunSheetLimits.Blocks));
        }

        if (sheet.Start > DateTimeOffset.MaxValue.AddYears(-1) || sheet.Start < DateTimeOffset.MinValue.AddYears(1))
        {
            Add(RunSheetProblemKind.BadParameter, "The meeting's start is outside the calendar; give a real date and time.");
            return problems;
        }
        if (sheet.Version < 1)
        {
            Add(RunSheetProblemKind.BadParameter, $"The run sheet's version is {N(sheet.Version)}; versions start at 1.");
        }
        if (sheet.Language is { Length: > 16 })
        {
            Add(RunSheetProblemKind.TextTooLong, "The run sheet's language is not a language code (like \"en\" or \"sl\").");
        }
        if (sheet.Format is { } format && !Enum.IsDefined(format))
        {
            Add(RunSheetProblemKind.BadParameter, $"The run sheet's format ({N((int)format)}) is unknown.");
        }
        var ids = new HashSet<int>();
        var cursor = sheet.Start;
        RunSheetBlock? previous = null;
        var runningCount = 0;
        var pendingSeen = false;
        foreach (var block in blocks)
        {
            var name = Name(block);
            if (block.Id <= 0 || block.Id >= sheet.NextBlockId || !ids.Add(block.Id))
            {
                Add(RunSheetProblemKind.BadBlockId, $"Block {name} has the id {N(block.Id)}, which is not positive, is used twice or is not below the next id {N(sheet.NextBlockId)}; give it a new id.", block.Id);
            }
            CheckDraft(block.ToDraft(), name, block.Id, problems);

            if (block.Start > cursor)
            {
                var gap = Minutes(block.Start - cursor);
                Add(RunSheetProblemKind.Gap, previous is null
                    ? $"Block {name} starts {gap} after the meeting starts ({Clock(sheet.Start)}); start it at {Clock(sheet.Start)} or add a break before it."
                    : $"There {(gap == "1 minute" ? "is" : "are")} {gap} between {Name(previous)} (ends {Clock(cursor)}) and {name} (starts {Clock(block.Start)}); add a break there or start {name} at {Clock(cursor)}.",
                    block.Id);
            }
            else if (block.Start < cursor)
            {
                var overlap = Minutes(cursor - block.Start);
                Add(RunSheetProblemKind.Overlap, previous is null
                    ? $"Block {name} starts {overlap} before the meeting starts ({Clock(sheet.Start)}); start it at {Clock(sheet.Start)}."
                    : $"Block {name} starts at {Clock(block.Start)}, {overlap} before {Name(previous)} ends ({Clock(cursor)}); start it at {Clock(cursor)} or shorten {Name(previous)}.",
                    block.Id);
            }

            // Live state.
            if (block.ActualEnd is not null && block.ActualStart is null)
            {
                Add(RunSheetProblemKind.BadLiveState, $"Block {name} has an end but no start; record its start.", block.Id);
            }
            if (block.ActualEnd is { } end && block.ActualStart is { } start && end < start)
            {
                Add(RunSheetProblemKind.BadLiveState, $"Block {name} ends ({Clock(end)}) before it starts ({Clock(start)}); correct its end.", block.Id);
            }
            if (block.Skipped && block.ActualStart is not null)
            {
                Add(RunSheetProblemKind.BadLiveState, $"Block {name} is marked skipped but it started; it cannot be both.", block.Id);
            }
            if (block.ExtraMinutes != 0 && (block.CurrentMinutes < 1 || block.CurrentMinutes > RunSheetLimits.DayMinutes))
            {
                Add(RunSheetProblemKind.BadDuration, $"With its extension, block {name} would last {N(block.CurrentMinutes)} minutes; it must last between 1 minute and a day.", block.Id);
            }
            if (block.Status == BlockStatus.Running)
            {
                runningCount++;
            }
            if (block.ActualStart is not null && pendingSeen)
            {
                Add(RunSheetProblemKind.BadLiveState, $"Block {name} started although a block before it has not; skip or start the earlier blocks first, or move {name} before them.", block.Id);
            }
            if (block.Status == BlockStatus.Pending)
            {
                pendingSeen = true;
            }

            // Where the next block must start: the plan laid out from the start (so one misplaced block is one problem).
            cursor = cursor.AddMinutes(Math.Clamp(block.Minutes, 0, RunSheetLimits.DayMinutes + 1));
            previous = block;
        }
        if (runningCount > 1)
        {
            Add(RunSheetProblemKind.BadLiveState, $"{N(runningCount)} blocks are running at once; finish all but one.");
        }

        var length = cursor - sheet.Start;
        if (length > TimeSpan.FromMinutes(RunSheetLimits.DayMinutes))
        {
            Add(RunSheetProblemKind.LongerThanADay,
                $"The run sheet lasts {Minutes(length)} ({Clock(sheet.Start)} to {Clock(cursor)}); a run sheet covers at most one day (24 hours), so shorten it by {Minutes(length - TimeSpan.FromMinutes(RunSheetLimits.DayMinutes))} or split the meeting.",
                detail: RunSheetDetail.Of(RunSheetDetailKind.SheetLongerThanADay, (long)Math.Ceiling(length.TotalMinutes), Clock(sheet.Start), Clock(cursor),
                    (long)Math.Ceiling((length - TimeSpan.FromMinutes(RunSheetLimits.DayMinutes)).TotalMinutes)));
        }

        if (sheet.Grid is { } grid)
        {
            CheckGrid(sheet, grid, problems);
        }
        return problems;
    }

    /// <summary>Checks the content of a block (used for a block and for a draft before it is added).</summary>
    internal static void CheckDraft(BlockDraft draft, string name, int? blockId, List<RunSheetProblem> problems)
    {
        void Add(RunSheetProblemKind kind, string message, RunSheetDetail? detail = null) => problems.Add(new RunSheetProblem(kind, message, blockId, detail));
        var title = Short(draft.Title);
        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            Add(RunSheetProblemKind.BadTitle, $"A block ({name}) has no title; give it a short title.");
        }
        else if (draft.Title.Length > RunSheetLimits.TitleLength)
        {
            Add(RunSheetProblemKind.BadTitle, $"The title of block {name} has {N(draft.Title.Length)} characters; shorten it to at most {N(RunSheetLimits.TitleLength)} (put the rest in the purpose or instructions).",
                RunSheetDetail.Of(RunSheetDetailKind.TitleTooLong, title, draft.Title.Length, RunSheetLimits.TitleLength));
        }
        if (draft.Minutes < 1)
        {
            Add(RunSheetProblemKind.BadDuration, $"Block {name} lasts {N(draft.Minutes)} minutes; give it at least 1 minute, or remove it.",
                RunSheetDetail.Of(RunSheetDetailKind.TooShort, title, draft.Minutes));
        }
        else if (draft.Minutes > RunSheetLimits.DayMinutes)
        {
            Add(RunSheetProblemKind.BadDuration, $"Block {name} lasts {N(draft.Minutes)} minutes, more than a day ({N(RunSheetLimits.DayMinutes)} minutes); shorten it.",
                RunSheetDetail.Of(RunSheetDetailKind.LongerThanADay, title, draft.Minutes, RunSheetLimits.DayMinutes));
        }
        TooLong(draft.Purpose, RunSheetLimits.PurposeLength, $"The purpose of block {name}", (kind, message) => Add(kind, message));
        TooLong(draft.Instructions, RunSheetLimits.InstructionsLength, $"The instructions of block {name}", (kind, message) => Add(kind, message));
        TooLong(draft.RoundQuestion, RunSheetLimits.PurposeLength, $"The round question of block {name}", (kind, message) => Add(kind, message));
        var materials = draft.Materials ?? [];
        if (materials.Count > RunSheetLimits.Materials)
        {
            Add(RunSheetProblemKind.TextTooLong, $"Block {name} lists {N(materials.Count)} materials; list at most {N(RunSheetLimits.Materials)} (group small items).",
                RunSheetDetail.Of(RunSheetDetailKind.TooManyMaterials, title, materials.Count, RunSheetLimits.Materials));
        }
        foreach (var material in materials)
        {
            if (string.IsNullOrWhiteSpace(material))
            {
                Add(RunSheetProblemKind.TextTooLong, $"Block {name} lists an empty material; remove it.");
            }
            TooLong(material, RunSheetLimits.TitleLength, $"A material of block {name}", (kind, message) => Add(kind, message));
        }
        var roles = draft.Roles ?? [];
        if (roles.Count > RunSheetLimits.Roles)
        {
            Add(RunSheetProblemKind.TextTooLong, $"Block {name} has {N(roles.Count)} roles; give it at most {N(RunSheetLimits.Roles)}.",
                RunSheetDetail.Of(RunSheetDetailKind.TooManyRoles, title, roles.Count, RunSheetLimits.Roles));
        }
        foreach (var role in roles)
        {
            if (!Enum.IsDefined(role.Role))
            {
                Add(RunSheetProblemKind.BadParameter, $"Block {name} has an unknown role ({N((int)role.Role)}); choose one of the listed roles.");
            }
            TooLong(role.AssigneeId, RunSheetLimits.IdLength, $"An assignee id of block {name}", (kind, message) => Add(kind, message));
        }
        if (!Enum.IsDefined(draft.Kind))
        {
            Add(RunSheetProblemKind.BadParameter, $"Block {name} has an unknown kind ({N((int)draft.Kind)}); choose one of the listed kinds.");
        }
    }

    private static void CheckGrid(RunSheet sheet, OpenSpaceGrid grid, List<RunSheetProblem> problems)
    {
        void Add(string message) => problems.Add(new RunSheetProblem(RunSheetProblemKind.BadGrid, message));
        var spaces = grid.Spaces ?? [];
        if (spaces.Count > RunSheetLimits.Spaces)
        {
            Add($"The grid has {N(spaces.Count)} spaces; use at most {N(RunSheetLimits.Spaces)}.");
        }
        var spaceIds = new HashSet<int>();
        foreach (var space in spaces)
        {
            if (space.Id <= 0 || space.Id >= grid.NextSpaceId || !spaceIds.Add(space.Id))
            {
                Add($"The space \"{Short(space.Name)}\" has the id {N(space.Id)}, which is not positive, is used twice or is not below the next id {N(grid.NextSpaceId)}.");
            }
            if (string.IsNullOrWhiteSpace(space.Name) || space.Name.Length > RunSheetLimits.TitleLength)
            {
                Add($"A space's name is empty or longer than {N(RunSheetLimits.TitleLength)} characters; give each space a short name (e.g. \"Room 2\").");
            }
        }
        var sessions = grid.Sessions ?? [];
        if (sessions.Count > RunSheetLimits.Sessions)
        {
            Add($"The grid has {N(sessions.Count)} sessions; it holds at most {N(RunSheetLimits.Sessions)}.");
        }
        var sessionIds = new HashSet<int>();
        var cells = new Dictionary<(int, int), GridSession>();
        foreach (var session in sessions)
        {
            var title = Short(session.Title);
            if (session.Id <= 0 || session.Id >= grid.NextSessionId || !sessionIds.Add(session.Id))
            {
                Add($"The session \"{title}\" has the id {N(session.Id)}, which is not positive, is used twice or is not below the next id {N(grid.NextSessionId)}.");
            }
            if (string.IsNullOrWhiteSpace(session.Title) || session.Title.Length > RunSheetLimits.TitleLength)
            {
                Add($"A session's title is empty or longer than {N(RunSheetLimits.TitleLength)} characters; give it a short title.");
            }
            if (session.ConvenerId is { Length: > RunSheetLimits.IdLength })
            {
                Add($"The convener id of session \"{title}\" is longer than {N(RunSheetLimits.IdLength)} characters.");
            }
            if ((session.Report ?? "").Length > RunSheetLimits.ReportLength)
            {
                Add($"The report of session \"{title}\" has {N(session.Report!.Length)} characters; shorten it to at most {N(RunSheetLimits.ReportLength)}.");
            }
            var slot = sheet.Find(session.SlotBlockId);
            if (slot is null || slot.Kind != BlockKind.Session)
            {
                Add($"The session \"{title}\" is in a slot (block {N(session.SlotBlockId)}) that is not a session block of the sheet; move it to a session slot.");
            }
            if (!spaceIds.Contains(session.SpaceId))
            {
                Add($"The session \"{title}\" is in a space ({N(session.SpaceId)}) the grid does not have; move it to one of the grid's spaces.");
            }
            if (cells.TryGetValue((session.SlotBlockId, session.SpaceId), out var other))
            {
                Add($"The sessions \"{Short(other.Title)}\" and \"{title}\" are in the same space at the same time; move one of them.");
            }
            else
            {
                cells[(session.SlotBlockId, session.SpaceId)] = session;
            }
        }
    }

    private static void TooLong(string? text, int limit, string what, Action<RunSheetProblemKind, string> add)
    {
        if (text is not null && text.Length > limit)
        {
            add(RunSheetProblemKind.TextTooLong, $"{what} has {N(text.Length)} characters; shorten it to at most {N(limit)}.");
        }
    }

    internal static string N(long x) => x.ToString(CultureInfo.InvariantCulture);

    /// <summary>A block as named in messages: its position-independent id and its title.</summary>
    internal static string Name(RunSheetBlock block) => $"\"{Short(block.Title)}\"";

    internal static string Short(string? text)
    {
        text ??= "";
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
    }

    internal static string Clock(DateTimeOffset at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A duration in words: "1 minute", "25 minutes", "2 h 5 min" from two hours.</summary>
    internal static string Minutes(TimeSpan span)
    {
        var minutes = (long)Math.Ceiling(Math.Abs(span.TotalMinutes));
        return minutes switch
        {
            1 => "1 minute",
            < 120 => $"{N(minutes)} minutes",
            _ => $"{N(minutes / 60)} h {N(minutes % 60)} min",
        };
    }
}
