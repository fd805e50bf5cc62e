namespace Cocreo.Web.Features.Meetings.Profiles;

/// <summary>One value's counts: registered and checked in, their shares among those who answered, and the population's share.</summary>
public sealed record ValueTurnout(string Label, int Registered, int CheckedIn, double? RegisteredShare, double? CheckedInShare, double? PopulationShare, bool UnderRepresented);

/// <summary>One attribute's turnout, with how many did not say.</summary>
public sealed record AttributeTurnout(string Name, IReadOnlyList<ValueTurnout> Values, int RegisteredNotSaid, int CheckedInNotSaid);

/// <summary>
/// Who came against who lives there: per attribute and value, the registered and checked-in counts and shares (among
/// the people who answered) against the population's share. A group is flagged when its share is below the
/// population's by more than <see cref="Margin"/> (percentage points) among those checked in, or among those
/// registered before anyone is checked in. Counts only; for the organisers.
/// </summary>
public static class Representativeness
{
    /// <summary>The margin in percentage points.</summary>
    public const double Margin = 5;

    /// <param name="people">Each active registration (not waiting): whether checked in, and the answers.</param>
    public static IReadOnlyList<AttributeTurnout> Of(IReadOnlyList<MixingAttribute> attributes, IReadOnlyList<(bool CheckedIn, IReadOnlyDictionary<string, string> Answers)> people)
    {
        var anyCheckedIn = people.Any(p => p.CheckedIn);
        return attributes.Select(a =>
        {
            int Count(string label, bool checkedIn) => people.Count(p => (!checkedIn || p.CheckedIn) && p.Answers.TryGetValue(a.Name, out var v) && v == label);
            var registeredSaid = a.Values.Sum(v => Count(v.Label, false));
            var checkedInSaid = a.Values.Sum(v => Count(v.Label, true));
            var values = a.Values.Select(v =>
            {
                var registered = Count(v.Label, false);
                var checkedIn = Count(v.Label, true);
                double? registeredShare = registeredSaid == 0 ? null : 100.0 * registered / registeredSaid;
                double? checkedInShare = checkedInSaid == 0 ? null : 100.0 * checkedIn / checkedInSaid;
                var population = (double?)v.Share;
                var compared = anyCheckedIn ? checkedInShare : registeredShare;
                var under = population is { } p && compared is { } c && c < p - Margin;
                return new ValueTurnout(v.Label, registered, checkedIn, registeredShare, checkedInShare, population, under);
            }).ToList();
            return new AttributeTurnout(a.Name, values, people.Count - registeredSaid, people.Count(p => p.CheckedIn) - checkedInSaid);
        }).ToList();
    }
}
