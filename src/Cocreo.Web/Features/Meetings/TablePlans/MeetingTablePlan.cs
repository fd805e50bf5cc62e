using System.Text.Json;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>Who the plan seats: everyone registered (before the day) or those checked in (at the door).</summary>
public enum PlanBasis
{
    Registered,
    CheckedIn,
}

/// <summary>An organiser's bound: at least <paramref name="Min"/> and at most <paramref name="Max"/> people with this value at every table and round.</summary>
public sealed record BoundSetting(string Attribute, string Value, int? Min, int? Max);

/// <summary>What the organiser asks for. <paramref name="Hosts"/> holds one registration id (or null) per table, in table order.</summary>
public sealed record TablePlanSettings(int Tables, int Rounds, int? SeatsPerTable, IReadOnlyList<int?> Hosts, IReadOnlyList<string> MixOn, IReadOnlyList<BoundSetting> Bounds);

/// <summary>One table's mix in one round: counts per attribute and value (people who did not say under <see cref="StoredPlan.NotSaid"/>).</summary>
public sealed record StoredDiversity(int Round, int Table, int Size, double Score, int Deviation, int BoundViolations, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts);

/// <summary>Two registrations that meet in more than one round.</summary>
public sealed record StoredRepeat(int First, int Second, IReadOnlyList<int> Rounds);

/// <summary>
/// A computed plan as stored (JSON, <see cref="SchemaVersion"/>): registration ids per round and table (the host first),
/// and the engine's explanation. Names are never stored here; they are looked up when shown.
/// </summary>
public sealed record StoredPlan(
    int SchemaVersion,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> Rounds,
    IReadOnlyList<int> Hosts,
    int HeldRounds,
    int Present,
    IReadOnlyList<int> Absent,
    IReadOnlyList<StoredRepeat> RepeatedPairs,
    int RepeatedMeetings,
    int RepeatedMeetingsInHeldRounds,
    IReadOnlyList<StoredDiversity> Diversity,
    int DiversityDeviation,
    int BoundViolations,
    bool ProvenOptimal,
    string Method)
{
    public const int CurrentSchema = 1;

    /// <summary>The value used for people who preferred not to say (or were not asked).</summary>
    public const string NotSaid = "—";

    /// <summary>The table of a registration in each round (null: not seated in that round).</summary>
    public IReadOnlyList<int?> ItineraryOf(int registrationId) =>
        Rounds.Select(round => round.Select((table, i) => (table, i)).Where(x => x.table.Contains(registrationId)).Select(x => (int?)(x.i + 1)).FirstOrDefault()).ToList();
}

/// <summary>A meeting's table plan: the organiser's settings and the last computed plan, both as JSON.</summary>
public sealed class MeetingTablePlan
{
    public int MeetingId { get; private set; }
    public string Settings { get; private set; } = "";
    public string? Plan { get; private set; }
    public PlanBasis Basis { get; private set; }
    public DateTime? ComputedAt { get; private set; }

    /// <summary>Moved by every computation: two computations for the same meeting on two instances cannot both save (the second is refused and retried on the new plan).</summary>
    public int Version { get; private set; }

    private MeetingTablePlan()
    {
    }

    public static MeetingTablePlan For(int meetingId) => new() { MeetingId = meetingId };

    public TablePlanSettings? SettingsValue => Settings.Length == 0 ? null : JsonSerializer.Deserialize<TablePlanSettings>(Settings);

    public StoredPlan? PlanValue => Plan is null ? null : JsonSerializer.Deserialize<StoredPlan>(Plan);

    public void Store(TablePlanSettings settings, PlanBasis basis, StoredPlan plan, DateTime now)
    {
        Settings = JsonSerializer.Serialize(settings);
        Plan = JsonSerializer.Serialize(plan);
        Basis = basis;
        ComputedAt = now;
        Version++;
    }
}

/// <summary>What a round's table card and itinerary say besides the tables: its question and when it starts (either may be unknown).</summary>
public sealed record RoundCue(string? Question, DateTimeOffset? Start)
{
    public static readonly RoundCue None = new(null, null);
}

/// <summary>The questions and start times of the rounds, when the meeting's run sheet knows them (<see cref="RoundCue.None"/> where it does not).</summary>
/// <remarks>Fed by <see cref="RunSheetRoundQuestions"/> (the meeting's run sheet); <see cref="NoRoundQuestions"/> answers none.</remarks>
public interface ITableRoundQuestions
{
    Task<IReadOnlyList<RoundCue>> QuestionsAsync(int meetingId, int rounds, CancellationToken cancellationToken);
}

/// <summary>No questions known.</summary>
public sealed class NoRoundQuestions : ITableRoundQuestions
{
    public Task<IReadOnlyList<RoundCue>> QuestionsAsync(int meetingId, int rounds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RoundCue>>(Enumerable.Repeat(RoundCue.None, rounds).ToList());
}
