using System.ComponentModel.DataAnnotations;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>The numbers an organiser gives a format, as typed (the start on the platform's wall clock).</summary>
public sealed class FormatForm
{
    [Required(ErrorMessage = "Enter when the meeting starts.")]
    public DateTime? Start { get; set; }

    public int? TotalMinutes { get; set; }
    public int? Rounds { get; set; }
    public int? RoundMinutes { get; set; }

    /// <summary>One question per line: none, one for every round, or one per round.</summary>
    [StringLength(20_000, ErrorMessage = "The round questions can have at most {1} characters.")]
    public string? Questions { get; set; }

    public int? Slots { get; set; }
    public int? SlotMinutes { get; set; }
    public int? Spaces { get; set; }
    public int? Teams { get; set; }
    public int? PitchMinutes { get; set; }

    /// <summary>The version of the sheet this one replaces (none for a meeting's first).</summary>
    public long? Replaces { get; set; }

    /// <summary>Fills the form from the meeting: its start and length, the format's counts.</summary>
    public void From(Meeting meeting, MeetingFormat format, DateDisplay dates)
    {
        Start = dates.Local(meeting.StartsAt);
        var minutes = (int)Math.Round((meeting.EndsAt - meeting.StartsAt).TotalMinutes);
        foreach (var range in RunSheetTemplates.Defaults(format))
        {
            switch (range.Name)
            {
                case "rounds": Rounds = range.Default; break;
                case "slots": Slots = range.Default; break;
                case "spaces": Spaces = range.Default; break;
                case "teams": Teams = range.Default; break;
                case "pitchMinutes": PitchMinutes = range.Default; break;
            }
        }
        if (minutes is >= 1 and <= RunSheetLimits.DayMinutes)
        {
            TotalMinutes = minutes;
        }
    }

    public FormatParameters ToParameters(DateDisplay dates, string language) => new()
    {
        Start = new DateTimeOffset(dates.ToUtc(Start!.Value)),
        TotalMinutes = TotalMinutes,
        Rounds = Rounds,
        RoundMinutes = RoundMinutes,
        RoundQuestions = (Questions ?? "").Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList(),
        Slots = Slots,
        SlotMinutes = SlotMinutes,
        Spaces = Spaces,
        Teams = Teams,
        PitchMinutes = PitchMinutes,
        Language = language,
    };

    /// <summary>The numbers a format uses, each with its form field and label.</summary>
    public static IReadOnlyList<(ParameterRange Range, string Field, string Label)> Fields(MeetingFormat format, IStringLocalizer<RunSheetText> T) =>
        RunSheetTemplates.Defaults(format).Select(r => (r, Field(r.Name), Label(r.Name, T))).ToList();

    /// <summary>Checks each number against the format's range, so the refusal has its numbers in the reader's language.</summary>
    public void Check(MeetingFormat format, ModelStateDictionary state, string prefix, IStringLocalizer<RunSheetText> T)
    {
        var values = Values();
        foreach (var (range, field, label) in Fields(format, T))
        {
            if (values[field] is { } value && (value < range.Min || value > range.Max))
            {
                state.AddModelError($"{prefix}.{field}", T["{0}: give a number from {1} to {2}.", label, range.Min, range.Max]);
            }
        }
        if (TotalMinutes is { } total && (total < 1 || total > RunSheetLimits.DayMinutes) && !Fields(format, T).Any(f => f.Field == nameof(TotalMinutes)))
        {
            state.AddModelError($"{prefix}.{nameof(TotalMinutes)}", T["{0}: give a number from {1} to {2}.", T["Length of the meeting (minutes)"], 1, RunSheetLimits.DayMinutes]);
        }
    }

    private Dictionary<string, int?> Values() => new()
    {
        [nameof(TotalMinutes)] = TotalMinutes,
        [nameof(Rounds)] = Rounds,
        [nameof(RoundMinutes)] = RoundMinutes,
        [nameof(Slots)] = Slots,
        [nameof(SlotMinutes)] = SlotMinutes,
        [nameof(Spaces)] = Spaces,
        [nameof(Teams)] = Teams,
        [nameof(PitchMinutes)] = PitchMinutes,
    };

    private static string Field(string parameter) => char.ToUpperInvariant(parameter[0]) + parameter[1..];

    private static string Label(string parameter, IStringLocalizer<RunSheetText> T) => parameter switch
    {
        "rounds" => T["Rounds"],
        "roundMinutes" => T["Minutes per round"],
        "slots" => T["Session slots"],
        "slotMinutes" => T["Minutes per session slot"],
        "spaces" => T["Spaces (rooms or corners)"],
        "teams" => T["Teams"],
        "pitchMinutes" => T["Minutes per team's demo"],
        "totalMinutes" => T["Length of the meeting (minutes)"],
        _ => parameter,
    };
}

/// <summary>The names of formats and block kinds in the reader's language.</summary>
public static class RunSheetNames
{
    public static string Format(MeetingFormat format) => RunSheetTemplates.Explain(format, Cultures.Current).Name;

    public static string Kind(BlockKind kind, IStringLocalizer<RunSheetText> T) => kind switch
    {
        BlockKind.Plenary => T["Plenary"],
        BlockKind.Round => T["Round"],
        BlockKind.Marketplace => T["Marketplace"],
        BlockKind.Session => T["Sessions"],
        BlockKind.Break => T["Break"],
        BlockKind.Harvest => T["Harvest"],
        _ => kind.ToString(),
    };

    public static string Role(FacilitationRole role, IStringLocalizer<RunSheetText> T) => role switch
    {
        FacilitationRole.LeadFacilitator => T["lead facilitator"],
        FacilitationRole.Facilitator => T["facilitator"],
        FacilitationRole.TableHost => T["table hosts"],
        FacilitationRole.Convener => T["conveners"],
        FacilitationRole.CircleKeeper => T["circle keeper"],
        FacilitationRole.Timekeeper => T["timekeeper"],
        FacilitationRole.Harvester => T["harvester"],
        FacilitationRole.Presenter => T["presenters"],
        _ => role.ToString(),
    };
}
