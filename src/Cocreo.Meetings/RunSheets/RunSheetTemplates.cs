using System.Globalization;
using System.Resources;
using static Cocreo.Meetings.RunSheets.RunSheetValidator;

namespace Cocreo.Meetings.RunSheets;

/// <summary>The facilitation formats a run sheet can be made from.</summary>
public enum MeetingFormat
{
    /// <summary>Rounds of small-table conversation with a question per round; table hosts stay, the others move; a harvest.</summary>
    WorldCafe,
    /// <summary>An opening circle, a marketplace where participants post sessions onto a time × space grid, the sessions, a closing circle.</summary>
    OpenSpace,
    /// <summary>Rounds in one circle with a talking piece.</summary>
    Circle,
    /// <summary>Participants build the agenda at the start and run the sessions themselves (a time × space grid).</summary>
    Unconference,
    /// <summary>A few people talk in an inner circle with an empty chair; the others listen and may step in.</summary>
    Fishbowl,
    /// <summary>A day of teams building and testing ideas on a challenge, ending with demos.</summary>
    DesignSprint,
}

/// <summary>
/// What the organiser tells a template. Only <see cref="Start"/> is required; every other value has a default that
/// suits the format (see <see cref="RunSheetTemplates.Defaults"/>). Parameters a format does not use are ignored.
/// </summary>
public sealed record FormatParameters
{
    /// <summary>When the meeting starts.</summary>
    public required DateTimeOffset Start { get; init; }
    /// <summary>How long the meeting lasts, in minutes; null makes it as long as the other parameters need. Time left over goes to the welcome, a break and the closing.</summary>
    public int? TotalMinutes { get; init; }
    /// <summary>Rounds (World Café, Circle, Fishbowl).</summary>
    public int? Rounds { get; init; }
    /// <summary>Minutes per round (World Café, Circle, Fishbowl).</summary>
    public int? RoundMinutes { get; init; }
    /// <summary>The questions of the rounds: none (the facilitator adds them), one for every round, or one per round.</summary>
    public IReadOnlyList<string> RoundQuestions { get; init; } = [];
    /// <summary>Session slots (times) of the grid (Open Space, unconference).</summary>
    public int? Slots { get; init; }
    /// <summary>Minutes per session slot (Open Space, unconference).</summary>
    public int? SlotMinutes { get; init; }
    /// <summary>Spaces (rooms, corners) of the grid (Open Space, unconference).</summary>
    public int? Spaces { get; init; }
    /// <summary>Teams (design sprint / hackathon day).</summary>
    public int? Teams { get; init; }
    /// <summary>Minutes each team has for its demo (design sprint / hackathon day).</summary>
    public int? PitchMinutes { get; init; }
    /// <summary>The language of the texts: "en" or "sl" (others fall back to English).</summary>
    public string Language { get; init; } = "en";
}

/// <summary>A plain-language explanation of a format, in one language (the knowledge base links here).</summary>
/// <param name="Format">The format.</param>
/// <param name="Name">Its usual name.</param>
/// <param name="Purpose">What it is for (and when not to use it).</param>
/// <param name="HowItRuns">How it runs, from start to end.</param>
/// <param name="FacilitatorRole">What the facilitator does.</param>
public sealed record FormatGuide(MeetingFormat Format, string Name, string Purpose, string HowItRuns, string FacilitatorRole);

/// <summary>The range and default of a numeric parameter of a format.</summary>
public sealed record ParameterRange(string Name, int Min, int Max, int Default);

/// <summary>
/// Makes a valid run sheet from a format and a few parameters, for the facilitator to edit, and explains each format
/// in English and Slovenian. Texts live in <c>FormatText.resx</c> / <c>FormatText.sl.resx</c> beside this class (the
/// same English-key-plus-Slovenian arrangement as the web's <c>*Text.sl.resx</c>, but with stable keys because the
/// texts are long, and with the English in the neutral file because this library has no <c>T["..."]</c> helper).
/// </summary>
public static class RunSheetTemplates
{
    private static readonly ResourceManager Text = new("Cocreo.Meetings.RunSheets.FormatText", typeof(RunSheetTemplates).Assembly);

    /// <summary>Every format, in the order to offer them.</summary>
    public static IReadOnlyList<MeetingFormat> Formats { get; } = Enum.GetValues<MeetingFormat>();

    /// <summary>The numeric parameters a format uses, with their ranges and defaults.</summary>
    public static IReadOnlyList<ParameterRange> Defaults(MeetingFormat format) => format switch
    {
        MeetingFormat.WorldCafe => [new("rounds", 2, 8, 3), new("roundMinutes", 10, 60, 20)],
        MeetingFormat.Circle => [new("rounds", 1, 8, 3), new("roundMinutes", 5, 90, 20)],
        MeetingFormat.Fishbowl => [new("rounds", 1, 6, 2), new("roundMinutes", 10, 90, 30)],
        MeetingFormat.OpenSpace => [new("slots", 1, 12, 3), new("slotMinutes", 30, 120, 60), new("spaces", 2, RunSheetLimits.Spaces, 4)],
        MeetingFormat.Unconference => [new("slots", 1, 12, 4), new("slotMinutes", 20, 90, 45), new("spaces", 1, RunSheetLimits.Spaces, 3)],
        MeetingFormat.DesignSprint => [new("teams", 1, 30, 5), new("pitchMinutes", 2, 20, 5), new("totalMinutes", 240, RunSheetLimits.DayMinutes, 420)],
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };

    /// <summary>The plain-language explanation of a format in a language ("en", "sl"; others fall back to English).</summary>
    public static FormatGuide Explain(MeetingFormat format, string language)
    {
        var culture = Culture(language);
        return new FormatGuide(format, S($"{format}.Name", culture), S($"{format}.Purpose", culture), S($"{format}.HowItRuns", culture), S($"{format}.Facilitator", culture));
    }

    /// <summary>What is wrong with the parameters for this format; empty when <see cref="Create"/> will succeed.</summary>
    public static IReadOnlyList<RunSheetProblem> Check(MeetingFormat format, FormatParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var problems = new List<RunSheetProblem>();
        Build(format, parameters, problems);
        return problems;
    }

    /// <summary>
    /// The run sheet for this format and these parameters (version 1, texts in the parameters' language).
    /// Throws <see cref="RunSheetInputException"/> with every problem and what to change when it cannot be made.
    /// </summary>
    public static RunSheet Create(MeetingFormat format, FormatParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var problems = new List<RunSheetProblem>();
        var sheet = Build(format, parameters, problems);
        if (problems.Count > 0 || sheet is null)
        {
            throw new RunSheetInputException(problems);
        }
        return sheet;
    }

    private static RunSheet? Build(MeetingFormat format, FormatParameters p, List<RunSheetProblem> problems)
    {
        if (!Enum.IsDefined(format))
        {
            problems.Add(new RunSheetProblem(RunSheetProblemKind.BadParameter, $"There is no format {N((int)format)}; choose one of {string.Join(", ", Formats)}."));
            return null;
        }
        var culture = Culture(p.Language);
        var builder = new Builder(format, p, culture, problems);
        switch (format)
        {
            case MeetingFormat.WorldCafe: builder.WorldCafe(); break;
            case MeetingFormat.OpenSpace: builder.GridMeeting(open: true); break;
            case MeetingFormat.Unconference: builder.GridMeeting(open: false); break;
            case MeetingFormat.Circle: builder.Circle(); break;
            case MeetingFormat.Fishbowl: builder.Fishbowl(); break;
            case MeetingFormat.DesignSprint: builder.DesignSprint(); break;
        }
        return problems.Count > 0 ? null : builder.Sheet();
    }

    internal static CultureInfo Culture(string? language) =>
        language is not null && (language.Equals("sl", StringComparison.OrdinalIgnoreCase) || language.StartsWith("sl-", StringComparison.OrdinalIgnoreCase))
            ? CultureInfo.GetCultureInfo("sl")
            : CultureInfo.InvariantCulture;

    internal static string S(string key, CultureInfo culture, params object[] args)
    {
        var text = Text.GetString(key, culture) ?? throw new InvalidOperationException($"The run-sheet text {key} is missing.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }

    /// <summary>Every text key with its English and Slovenian text (for the tests that check the translation).</summary>
    internal static IEnumerable<(string Key, string English, string? Slovenian)> AllTexts()
    {
        var neutral = Text.GetResourceSet(CultureInfo.InvariantCulture, true, false)!;
        var sl = Text.GetResourceSet(CultureInfo.GetCultureInfo("sl"), true, false);
        foreach (System.Collections.DictionaryEntry entry in neutral)
        {
            var key = (string)entry.Key;
            yield return (key, (string)entry.Value!, sl?.GetString(key));
        }
    }

    /// <summary>A part of a template's plan: its block, a base length, and how much spare time it may take.</summary>
    private sealed class Part(BlockDraft draft, int baseMinutes, int stretch, int order)
    {
        public BlockDraft Draft { get; } = draft;
        public int Minutes { get; set; } = baseMinutes;
        /// <summary>How many spare minutes it takes at most (int.MaxValue for the part that takes what is left).</summary>
        public int Stretch { get; } = stretch;
        /// <summary>Parts with a lower order take spare time first.</summary>
        public int Order { get; } = order;
        /// <summary>A break that is left out when no spare time reaches it.</summary>
        public bool Optional { get; init; }
        /// <summary>An optional part that spare time reached.</summary>
        public bool Included { get; set; }
        /// <summary>Spare time is given to this part only in portions of at least this many minutes.</summary>
        public int MinimumStretch { get; init; }
        /// <summary>The block to use instead when the part was stretched (a change of tables that became a coffee break).</summary>
        public BlockDraft? StretchedDraft { get; init; }
        /// <summary>The block as it ends up.</summary>
        public BlockDraft Final => StretchedDraft is not null && Minutes > Base ? StretchedDraft : Draft;
        /// <summary>The length before spare time was shared out.</summary>
        public int Base { get; } = baseMinutes;
    }

    private sealed class Builder(MeetingFormat format, FormatParameters p, CultureInfo culture, List<RunSheetProblem> problems)
    {
        private readonly List<Part> parts = [];
        private readonly string name = S($"{format}.Name", CultureInfo.InvariantCulture);
        private int gridSpaces;

        private string T(string key, params object[] args) => S(key, culture, args);

        private int Param(int? given, string parameter, string one, string many)
        {
            var range = Defaults(format).Single(r => r.Name == parameter);
            var value = given ?? range.Default;
            if (value < range.Min)
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadParameter,
                    $"{Article(name)} {name} needs at least {N(range.Min)} {(range.Min == 1 ? one : many)}; you asked for {N(value)}."));
            }
            else if (value > range.Max)
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadParameter,
                    $"{Article(name)} {name} can have at most {N(range.Max)} {many}; you asked for {N(value)}."));
            }
            return value;
        }

        private static string Article(string word) => "AEIOU".Contains(word[0], StringComparison.Ordinal) ? "An" : "A";

        private IReadOnlyList<string?> Questions(int rounds)
        {
            var given = (p.RoundQuestions ?? []).Select(q => q?.Trim()).ToList();
            if (given.Any(string.IsNullOrEmpty))
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadParameter, "One of the round questions is empty; write it or leave it out."));
            }
            if (given.Any(q => q is { Length: > RunSheetLimits.PurposeLength }))
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.TextTooLong, $"A round question is longer than {N(RunSheetLimits.PurposeLength)} characters; shorten it."));
            }
            if (given.Count == 0)
            {
                return Enumerable.Repeat<string?>(null, rounds).ToList();
            }
            if (given.Count == 1)
            {
                return Enumerable.Repeat(given[0], rounds).ToList();
            }
            if (given.Count != rounds)
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadParameter,
                    $"You gave {N(given.Count)} questions for {N(rounds)} rounds; give one question per round, one question for all rounds, or none (and add them later)."));
            }
            return Enumerable.Range(0, rounds).Select(i => i < given.Count ? given[i] : null).ToList();
        }

        private BlockDraft Draft(string key, BlockKind kind, int minutes, string[] materials, FacilitationRole[] roles, object[]? titleArgs = null, string? question = null, string? instructionsKey = null) => new()
        {
            Title = T($"{key}.Title", titleArgs ?? []),
            Minutes = minutes,
            Kind = kind,
            Purpose = T($"{key}.Purpose"),
            Instructions = T(instructionsKey ?? $"{key}.Instructions"),
            Materials = materials.Select(m => T($"Material.{m}")).ToList(),
            RoundQuestion = question,
            Roles = roles.Select(r => new BlockRole(r)).ToList(),
        };

        private void Add(BlockDraft draft, int baseMinutes, int stretch = 0, int order = 0, bool optional = false, int minimumStretch = 0, BlockDraft? stretched = null) =>
            parts.Add(new Part(draft, baseMinutes, stretch, order) { Optional = optional, MinimumStretch = minimumStretch, StretchedDraft = stretched });

        /// <summary>
        /// The length of the repeated blocks (rounds, slots): as given; or, when only the meeting's length is given,
        /// as long as fits (in steps of 5 minutes, within the parameter's range) once the other blocks have their
        /// base length and the time they may grow by (<paramref name="reserve"/>: a longer welcome, a break); or the default.
        /// </summary>
        private int RepeatMinutes(int? given, string parameter, string one, string many, int count, int fixedMinutes, int reserve)
        {
            if (given is null && p.TotalMinutes is { } total && problems.Count == 0 && count > 0)
            {
                var range = Defaults(format).Single(r => r.Name == parameter);
                var fits = (total - fixedMinutes - reserve) / count / 5 * 5;
                return Math.Clamp(fits, range.Min, range.Max);
            }
            return Param(given, parameter, one, many);
        }

        /// <summary>Checks the total, then shares spare minutes out: by order, up to each part's stretch.</summary>
        private void Fit(string fixedParts, IReadOnlyList<string> advice)
        {
            if (p.TotalMinutes is { } total && (total < 1 || total > RunSheetLimits.DayMinutes))
            {
                problems.Add(new RunSheetProblem(RunSheetProblemKind.BadParameter,
                    $"The meeting lasts {N(total)} minutes; a run sheet lasts between 1 minute and a day ({N(RunSheetLimits.DayMinutes)} minutes)."));
                return;
            }
            if (problems.Count > 0)
            {
                return;
            }
            var needed = parts.Where(x => !x.Optional).Sum(x => x.Minutes);
            if (p.TotalMinutes is null)
            {
                if (needed > RunSheetLimits.DayMinutes)
                {
                    problems.Add(new RunSheetProblem(RunSheetProblemKind.DoesNotFit,
                        $"{fixedParts} need {N(needed)} minutes, more than a day ({N(RunSheetLimits.DayMinutes)} minutes): they overflow by {M(needed - RunSheetLimits.DayMinutes)}. {Capital(Or(advice, needed - RunSheetLimits.DayMinutes))}"));
                }
                parts.RemoveAll(x => x.Optional);
                return;
            }
            var length = p.TotalMinutes.Value;
            if (needed > length)
            {
                // Lengthening is advised only while the meeting still fits in a day.
                var tooLong = needed > RunSheetLimits.DayMinutes;
                IReadOnlyList<string> all = tooLong ? advice : ["lengthen the meeting by " + M(needed - length), .. advice];
                problems.Add(new RunSheetProblem(RunSheetProblemKind.DoesNotFit,
                    $"{fixedParts} need {N(needed)} minutes{(tooLong ? ", more than a day," : ",")} but the meeting lasts {N(length)} minutes: they overflow by {M(needed - length)}. {Capital(Or(all, needed - length))}"));
                return;
            }
            var spare = length - needed;
            foreach (var part in parts.OrderBy(x => x.Order))
            {
                if (part.Optional)
                {
                    if (spare < part.Minutes)
                    {
                        continue;
                    }
                    spare -= part.Minutes;
                    part.Included = true;
                }
                var take = Math.Min(spare, part.Stretch);
                if (take < part.MinimumStretch)
                {
                    continue;
                }
                part.Minutes += take;
                spare -= take;
            }
            parts.RemoveAll(x => x.Optional && !x.Included);
        }

        public RunSheet Sheet()
        {
            var sheet = new RunSheet
            {
                Start = p.Start,
                Format = format,
                Language = culture.Name.Length == 0 ? "en" : culture.Name,
                NextBlockId = parts.Count + 1,
                Blocks = parts.Select((part, i) => new RunSheetBlock
                {
                    Id = i + 1, Start = p.Start, Minutes = part.Minutes, Title = part.Final.Title, Kind = part.Final.Kind,
                    Purpose = part.Final.Purpose, Instructions = part.Final.Instructions, Materials = part.Final.Materials,
                    RoundQuestion = part.Final.RoundQuestion, Roles = part.Final.Roles,
                }).ToList(),
            };
            if (gridSpaces > 0)
            {
                sheet = sheet with
                {
                    Grid = new OpenSpaceGrid
                    {
                        Spaces = Enumerable.Range(1, gridSpaces).Select(i => new GridSpace(i, T("Space.Name", i))).ToList(),
                        NextSpaceId = gridSpaces + 1,
                    },
                };
            }
            return RunSheetEditor.Relayout(sheet, sheet.Blocks);
        }

        public void WorldCafe()
        {
            var rounds = Param(p.Rounds, "rounds", "round", "rounds");
            var minutes = RepeatMinutes(p.RoundMinutes, "roundMinutes", "minute per round", "minutes per round", rounds, 15 + 5 * (rounds - 1) + 20, 15 + 25);
            if (problems.Count > 0)
            {
                return;
            }
            var questions = Questions(rounds);
            Add(Draft("WorldCafe.Welcome", BlockKind.Plenary, 15, ["Projector", "NameTags"], [FacilitationRole.LeadFacilitator]), 15, stretch: 15, order: 1);
            var breakAfter = (rounds + 1) / 2;
            for (var r = 1; r <= rounds; r++)
            {
                Add(Draft("WorldCafe.Round", BlockKind.Round, minutes, ["Tablecloths", "Markers", "QuestionCards"],
                    [FacilitationRole.LeadFacilitator, FacilitationRole.TableHost], [r], questions[r - 1],
                    r == 1 ? "WorldCafe.Round.FirstInstructions" : "WorldCafe.Round.Instructions"), minutes);
                if (r < rounds)
                {
                    // Halfway, the change of tables becomes a coffee break when there is time for one.
                    Add(Draft("WorldCafe.Change", BlockKind.Break, 5, [], [FacilitationRole.Timekeeper]), 5,
                        stretch: r == breakAfter ? 25 : 0, order: 0, minimumStretch: 10,
                        stretched: Draft("WorldCafe.BreakChange", BlockKind.Break, 30, ["Refreshments"], [FacilitationRole.Timekeeper]));
                }
            }
            Add(Draft("WorldCafe.Harvest", BlockKind.Harvest, 20, ["Wall", "StickyNotes"], [FacilitationRole.LeadFacilitator, FacilitationRole.Harvester]), 20, stretch: int.MaxValue, order: 2);
            Fit($"The {N(rounds)} rounds of {N(minutes)} minutes, with the welcome, the table changes and the harvest,",
                ShortenRounds(rounds, minutes, 5, "round", "rounds"));
        }

        public void Circle()
        {
            var rounds = Param(p.Rounds, "rounds", "round", "rounds");
            var minutes = RepeatMinutes(p.RoundMinutes, "roundMinutes", "minute per round", "minutes per round", rounds, 30, 5 + 10 + (rounds > 1 ? 15 : 0));
            if (problems.Count > 0)
            {
                return;
            }
            var questions = Questions(rounds);
            Add(Draft("Circle.Opening", BlockKind.Plenary, 10, ["TalkingPiece", "Centrepiece"], [FacilitationRole.CircleKeeper]), 10, stretch: 5, order: 0);
            Add(Draft("Circle.CheckIn", BlockKind.Round, 10, ["TalkingPiece"], [FacilitationRole.CircleKeeper]), 10, stretch: 10, order: 1);
            var breakAfter = (rounds + 1) / 2;
            for (var r = 1; r <= rounds; r++)
            {
                Add(Draft("Circle.Round", BlockKind.Round, minutes, ["TalkingPiece"], [FacilitationRole.CircleKeeper], [r], questions[r - 1]), minutes);
                if (r == breakAfter && r < rounds)
                {
                    Add(Draft("Common.Break", BlockKind.Break, 15, ["Refreshments"], []), 15, stretch: 0, order: 2, optional: true);
                }
            }
            Add(Draft("Circle.CheckOut", BlockKind.Harvest, 10, ["TalkingPiece"], [FacilitationRole.CircleKeeper, FacilitationRole.Harvester]), 10, stretch: int.MaxValue, order: 3);
            Fit($"The {N(rounds)} rounds of {N(minutes)} minutes, with the opening, the check-in and the check-out,",
                ShortenRounds(rounds, minutes, 0, "round", "rounds"));
        }

        public void Fishbowl()
        {
            var rounds = Param(p.Rounds, "rounds", "round", "rounds");
            var minutes = RepeatMinutes(p.RoundMinutes, "roundMinutes", "minute per round", "minutes per round", rounds, 10 + 5 * (rounds - 1) + 15, 10 + 10 * (rounds - 1));
            if (problems.Count > 0)
            {
                return;
            }
            var questions = Questions(rounds);
            Add(Draft("Fishbowl.Intro", BlockKind.Plenary, 10, ["Chairs", "Microphones"], [FacilitationRole.LeadFacilitator]), 10, stretch: 10, order: 0);
            for (var r = 1; r <= rounds; r++)
            {
                Add(Draft("Fishbowl.Round", BlockKind.Round, minutes, ["Chairs", "Microphones"],
                    [FacilitationRole.LeadFacilitator, FacilitationRole.Presenter, FacilitationRole.Harvester], [r], questions[r - 1]), minutes);
                if (r < rounds)
                {
                    Add(Draft("Fishbowl.Change", BlockKind.Break, 5, [], [FacilitationRole.LeadFacilitator]), 5, stretch: 10, order: 1);
                }
            }
            Add(Draft("Fishbowl.Harvest", BlockKind.Harvest, 15, ["StickyNotes"], [FacilitationRole.LeadFacilitator, FacilitationRole.Harvester]), 15, stretch: int.MaxValue, order: 2);
            Fit($"The {N(rounds)} rounds of {N(minutes)} minutes, with the introduction, the changes of speakers and the reflections,",
                ShortenRounds(rounds, minutes, 5, "round", "rounds"));
        }

        public void GridMeeting(bool open)
        {
            var slots = Param(p.Slots, "slots", "session slot", "session slots");
            gridSpaces = Param(p.Spaces, "spaces", "space", "spaces");
            var minutes = RepeatMinutes(p.SlotMinutes, "slotMinutes", "minute per session", "minutes per session", slots,
                (open ? 20 : 15) + 30 + 10 * (slots - 1) + (open ? 30 : 20), 10 + 15);
            if (problems.Count > 0)
            {
                return;
            }
            var prefix = open ? "OpenSpace" : "Unconference";
            Add(Draft($"{prefix}.Opening", BlockKind.Plenary, open ? 20 : 15, open ? ["ChairsInCircle", "Paper", "Markers"] : ["Projector", "NameTags"],
                [FacilitationRole.LeadFacilitator]), open ? 20 : 15, stretch: 10, order: 0);
            Add(Draft($"{prefix}.Marketplace", BlockKind.Marketplace, 30, ["GridWall", "Paper", "Markers", "StickyNotes"],
                [FacilitationRole.LeadFacilitator, FacilitationRole.Convener]), 30, stretch: 15, order: 1);
            var lunchAfter = (slots + 1) / 2;
            for (var s = 1; s <= slots; s++)
            {
                Add(Draft($"{prefix}.Slot", BlockKind.Session, minutes, ["ReportForms", "Markers"], [FacilitationRole.Convener, FacilitationRole.Harvester], [s]), minutes);
                if (s < slots)
                {
                    // Halfway, the move between spaces becomes a long break (lunch) when there is time for one.
                    Add(Draft($"{prefix}.Move", BlockKind.Break, 10, ["Refreshments"], [FacilitationRole.Timekeeper]), 10,
                        stretch: s == lunchAfter ? 50 : 0, order: 2, minimumStretch: 20,
                        stretched: Draft("Common.LongBreak", BlockKind.Break, 60, ["Refreshments"], [FacilitationRole.Timekeeper]));
                }
            }
            Add(Draft($"{prefix}.Closing", BlockKind.Harvest, open ? 30 : 20, ["ChairsInCircle", "ReportForms"],
                [FacilitationRole.LeadFacilitator, FacilitationRole.Harvester]), open ? 30 : 20, stretch: int.MaxValue, order: 3);
            Fit($"The {N(slots)} session slots of {N(minutes)} minutes, with the opening, the marketplace, the moves between spaces and the closing,",
                ShortenRounds(slots, minutes, 10, "session slot", "session slots"));
        }

        public void DesignSprint()
        {
            var teams = Param(p.Teams, "teams", "team", "teams");
            var pitch = Param(p.PitchMinutes, "pitchMinutes", "minute per demo", "minutes per demo");
            var total = Param(p.TotalMinutes, "totalMinutes", "minute", "minutes");
            if (problems.Count > 0)
            {
                return;
            }
            const int minimumWork = 120;
            var demos = teams * (pitch + 1);
            var fixedMinutes = 30 + 30 + 45 + demos + 20;
            var work = total - fixedMinutes;
            if (work < minimumWork)
            {
                var fewerTeams = (int)Math.Ceiling((minimumWork - work) / (double)(pitch + 1));
                var advice = fewerTeams < teams ? (fewerTeams == 1 ? ", or have one team fewer" : $", or have {N(fewerTeams)} teams fewer") : "";
                problems.Add(new RunSheetProblem(RunSheetProblemKind.DoesNotFit,
                    $"A design sprint day needs at least {N(minimumWork)} minutes of team work; with {N(teams)} team{(teams == 1 ? "" : "s")} presenting for {N(pitch)} minutes each, the briefing, team forming, lunch and closing, only {N(Math.Max(0, work))} minutes are left in {N(total)} minutes: they overflow by {M(minimumWork - work)}. Lengthen the day by {M(minimumWork - work)}, shorten the demos{advice}."));
                return;
            }
            var first = work / 2 / 5 * 5;
            Add(Draft("Sprint.Briefing", BlockKind.Plenary, 30, ["Projector", "ChallengeBrief"], [FacilitationRole.LeadFacilitator, FacilitationRole.Presenter]), 30);
            Add(Draft("Sprint.Teams", BlockKind.Plenary, 30, ["StickyNotes", "Markers"], [FacilitationRole.LeadFacilitator, FacilitationRole.Facilitator]), 30);
            Add(Draft("Sprint.Work", BlockKind.Session, first, ["Paper", "Markers", "Prototyping"], [FacilitationRole.Facilitator], [1]), first);
            Add(Draft("Sprint.Lunch", BlockKind.Break, 45, ["Refreshments"], []), 45);
            Add(Draft("Sprint.Work", BlockKind.Session, work - first, ["Paper", "Markers", "Prototyping"], [FacilitationRole.Facilitator], [2]), work - first);
            Add(Draft("Sprint.Demos", BlockKind.Harvest, demos, ["Projector", "Microphones"], [FacilitationRole.LeadFacilitator, FacilitationRole.Presenter, FacilitationRole.Timekeeper]), demos);
            Add(Draft("Sprint.Closing", BlockKind.Plenary, 20, [], [FacilitationRole.LeadFacilitator, FacilitationRole.Harvester]), 20);
        }

        private static string M(int minutes) => minutes == 1 ? "1 minute" : $"{N(minutes)} minutes";

        private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

        private static string Or(IReadOnlyList<string> advice, int over) => advice.Count switch
        {
            0 => $"remove {N(over)} minutes from the blocks.",
            1 => advice[0] + ".",
            _ => string.Join(", ", advice.Take(advice.Count - 1)) + " or " + advice[^1] + ".",
        };

        /// <summary>What to change when the repeated blocks (rounds, slots) do not fit: shorter ones, or fewer.</summary>
        private IReadOnlyList<string> ShortenRounds(int count, int minutes, int between, string one, string many)
        {
            var needed = parts.Where(x => !x.Optional).Sum(x => x.Minutes);
            var over = p.TotalMinutes is { } total ? needed - total : needed - RunSheetLimits.DayMinutes;
            var advice = new List<string>();
            if (over <= 0)
            {
                return advice;
            }
            var range = Defaults(format)[1];
            var each = (int)Math.Ceiling(over / (double)count);
            if (minutes - each >= range.Min)
            {
                advice.Add($"shorten the {many} by {M(each)} each");
            }
            var fewer = (int)Math.Ceiling(over / (double)(minutes + between));
            if (count - fewer >= Defaults(format)[0].Min)
            {
                advice.Add(fewer == 1 ? $"hold one {one} fewer" : $"hold {N(fewer)} {many} fewer");
            }
            return advice;
        }
    }
}
