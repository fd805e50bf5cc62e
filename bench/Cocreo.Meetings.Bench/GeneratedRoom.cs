using Cocreo.Meetings.TablePlans;

namespace Cocreo.Meetings.Bench;

/// <summary>
/// A generated World Café room: people with three attributes drawn with uneven shares, like a real registration list
/// (stakeholder group 5 values, district 6, age band 4). Shared with the tests.
/// </summary>
public static class GeneratedRoom
{
    /// <summary>The attributes generated rooms mix on.</summary>
    public static readonly string[] Attributes = ["group", "district", "age"];

    private static readonly (string Name, string[] Values, double[] Weights)[] Shapes =
    [
        ("group", ["residents", "business", "civil society", "public sector", "research"], [0.40, 0.15, 0.20, 0.15, 0.10]),
        ("district", ["centre", "north", "south", "east", "west", "outskirts"], [0.25, 0.20, 0.15, 0.15, 0.15, 0.10]),
        ("age", ["16-29", "30-44", "45-64", "65+"], [0.20, 0.30, 0.30, 0.20]),
    ];

    /// <summary>People p1..pN with attribute values drawn from the seed.</summary>
    public static IReadOnlyList<PlanParticipant> People(int count, int seed)
    {
        var random = new Random(seed);
        var people = new List<PlanParticipant>(count);
        for (var i = 1; i <= count; i++)
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, values, weights) in Shapes)
            {
                var u = random.NextDouble();
                var k = 0;
                while (k < values.Length - 1 && u >= weights[k])
                {
                    u -= weights[k];
                    k++;
                }
                attributes[name] = values[k];
            }
            people.Add(new PlanParticipant("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), attributes));
        }
        return people;
    }

    /// <summary>A room of <paramref name="count"/> people at <paramref name="tables"/> tables for <paramref name="rounds"/> rounds, the first people hosting.</summary>
    public static TablePlanRequest Request(int count, int tables, int rounds, int hosts, int seed) => new()
    {
        Participants = People(count, seed),
        Tables = tables,
        Rounds = rounds,
        Attributes = Attributes,
        Hosts = Enumerable.Range(1, hosts).Select(i => new TableHost("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i)).ToArray(),
        Seed = seed,
    };
}
