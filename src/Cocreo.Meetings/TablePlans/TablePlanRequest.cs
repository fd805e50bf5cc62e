namespace Cocreo.Meetings.TablePlans;

/// <summary>A person in the room: an id the caller chooses and a value for each attribute the organiser mixes on.</summary>
/// <param name="Id">Unique among the participants (e.g. a registration id).</param>
/// <param name="Attributes">Attribute name → value (e.g. "group" → "business"); every attribute of the request needs a value.</param>
public sealed record PlanParticipant(string Id, IReadOnlyDictionary<string, string> Attributes);

/// <summary>A table host: the participant stays at the same table in every round (tables are numbered from 1).</summary>
public sealed record TableHost(string ParticipantId, int Table);

/// <summary>
/// The organiser's bound on how many people with one attribute value sit at each table in each planned round
/// (e.g. at least one resident, at most three from business). Null means no bound on that side.
/// </summary>
public sealed record DiversityBound(string Attribute, string Value, int? Min = null, int? Max = null);

/// <summary>A round that has already taken place: <c>Tables[i]</c> lists who sat at table i + 1. It is kept as it is.</summary>
public sealed record HeldRound(IReadOnlyList<IReadOnlyList<string>> Tables);

/// <summary>What the organiser asks for: who, how many tables and rounds, what to mix on, who hosts, what already happened.</summary>
public sealed class TablePlanRequest
{
    /// <summary>Everyone registered or checked in, including those absent from the rounds still to plan.</summary>
    public required IReadOnlyList<PlanParticipant> Participants { get; init; }

    /// <summary>Number of tables (at least 1).</summary>
    public required int Tables { get; init; }

    /// <summary>Seats at each table; null derives it from the people present (the balanced size, rounded up).</summary>
    public int? SeatsPerTable { get; init; }

    /// <summary>Number of rounds in total, held rounds included (at least 1).</summary>
    public required int Rounds { get; init; }

    /// <summary>The attributes to mix on (names as in <see cref="PlanParticipant.Attributes"/>), most important first.</summary>
    public IReadOnlyList<string> Attributes { get; init; } = [];

    /// <summary>Table hosts, at most one per table.</summary>
    public IReadOnlyList<TableHost> Hosts { get; init; } = [];

    /// <summary>Bounds per table and round on attribute values; they take precedence over meeting new people.</summary>
    public IReadOnlyList<DiversityBound> Bounds { get; init; } = [];

    /// <summary>Rounds already held, in order (the first rounds of the plan); at most <see cref="Rounds"/>.</summary>
    public IReadOnlyList<HeldRound> HeldRounds { get; init; } = [];

    /// <summary>
    /// The plan computed before (all rounds, as <see cref="HeldRound"/> lists), when re-computing at the door: the
    /// search also starts from it (the absent left out, late arrivals added, sizes rebalanced) and keeps it where it is
    /// as good, so people already told their table keep it as far as possible. Ids no longer among the participants
    /// and rounds or tables beyond the request are ignored.
    /// </summary>
    public IReadOnlyList<HeldRound>? PreviousPlan { get; init; }

    /// <summary>Participants who are not there for the rounds still to plan (re-computation at the door).</summary>
    public IReadOnlyCollection<string> Absent { get; init; } = [];

    /// <summary>The seed of the search: the same request and seed give the same plan.</summary>
    public int Seed { get; init; }
}

/// <summary>How hard to search; the defaults suit a meeting of a few hundred people.</summary>
public sealed class TablePlanOptions
{
    /// <summary>Swap attempts of the local search; null chooses by the size of the room.</summary>
    public long? MaxIterations { get; init; }

    /// <summary>Steps of the tabu repair run when annealing leaves avoidable repeats; null chooses by the size of the room.</summary>
    public long? MaxTabuSteps { get; init; }

    /// <summary>
    /// A wall-clock limit on the local search. Off by default because a time limit makes the result depend on the
    /// machine's load; with it, the plan is still valid, but the same seed may give a different plan.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Let CP-SAT prove (or improve) the plan when the model is small; see <see cref="CpSatMaxCells"/>.</summary>
    public bool UseCpSat { get; init; } = true;

    /// <summary>The largest model handed to CP-SAT, in participant × table × planned round cells.</summary>
    public int CpSatMaxCells { get; init; } = 150;

    /// <summary>CP-SAT's deterministic time limit (its own work units, roughly seconds; keeps the result reproducible).</summary>
    public double CpSatDeterministicTime { get; init; } = 5;
}
