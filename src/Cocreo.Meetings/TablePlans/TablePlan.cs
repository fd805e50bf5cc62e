namespace Cocreo.Meetings.TablePlans;

/// <summary>A seat at a table in one round.</summary>
public sealed record Seat(string ParticipantId, bool IsHost);

/// <summary>One table in one round (numbered from 1).</summary>
public sealed record Table(int Number, IReadOnlyList<Seat> Seats);

/// <summary>One round: who sits where. <paramref name="Held"/> rounds were given and kept as they were.</summary>
public sealed record Round(int Number, bool Held, IReadOnlyList<Table> Tables);

/// <summary>A participant's path through the rounds: the table number per round, null when absent.</summary>
public sealed record Itinerary(string ParticipantId, IReadOnlyList<int?> Tables);

/// <summary>Two people who sit together in more than one round, and the rounds (numbered from 1).</summary>
public sealed record RepeatedPair(string First, string Second, IReadOnlyList<int> Rounds);

/// <summary>
/// How many people with one value sit at a table, against the room's share: <paramref name="Expected"/> is the
/// table's size times the value's share among the people present in that round; the fair counts are that number
/// rounded down or up. <paramref name="Deviation"/> is how far the count lies outside them.
/// </summary>
public sealed record ValueMix(string Value, int Count, double Expected, int Deviation, int? Min, int? Max);

/// <summary>One attribute's mix at one table.</summary>
public sealed record AttributeMix(string Attribute, IReadOnlyList<ValueMix> Values, int Deviation);

/// <summary>
/// A table's diversity in one round. <paramref name="Deviation"/> counts people over or under the room's shares
/// (summed over the attributes' values); <paramref name="BoundViolations"/> counts people over or under the
/// organiser's bounds; <paramref name="Score"/> is 1 when every value is as close to the room's share as whole
/// people allow and falls towards 0 as the table gets more one-sided.
/// </summary>
public sealed record TableDiversity(int Round, int Table, int Size, IReadOnlyList<AttributeMix> Attributes, int Deviation, int BoundViolations, double Score);

/// <summary>The plan and its explanation.</summary>
public sealed class TablePlan
{
    /// <summary>Every round, held ones included.</summary>
    public required IReadOnlyList<Round> Rounds { get; init; }

    /// <summary>One itinerary per participant, in the order of the request.</summary>
    public required IReadOnlyList<Itinerary> Itineraries { get; init; }

    /// <summary>Every pair that meets more than once.</summary>
    public required IReadOnlyList<RepeatedPair> RepeatedPairs { get; init; }

    /// <summary>Repeat meetings in total: a pair that meets three times counts 2 (the number the optimiser minimises).</summary>
    public required int RepeatedMeetings { get; init; }

    /// <summary>Repeat meetings that come from held rounds alone and that no plan can undo.</summary>
    public required int RepeatedMeetingsInHeldRounds { get; init; }

    /// <summary>Diversity per table and round, held rounds included.</summary>
    public required IReadOnlyList<TableDiversity> Diversity { get; init; }

    /// <summary>Sum of <see cref="TableDiversity.Deviation"/> over the planned rounds (the number minimised second).</summary>
    public required int DiversityDeviation { get; init; }

    /// <summary>Sum of <see cref="TableDiversity.BoundViolations"/> over the planned rounds (0 when every bound is met).</summary>
    public required int BoundViolations { get; init; }

    /// <summary>Whether in every planned round the table sizes differ by at most one (always true for a computed plan).</summary>
    public required bool SizesBalanced { get; init; }

    /// <summary>Whether CP-SAT proved that no plan has fewer bound violations, then fewer repeats, then less deviation.</summary>
    public required bool ProvenOptimal { get; init; }

    /// <summary>A short, technical description of how the plan was found (for logs and the explanation page).</summary>
    public required string Method { get; init; }
}
