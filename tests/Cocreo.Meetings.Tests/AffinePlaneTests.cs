using Cocreo.Meetings.Bench;
using Cocreo.Meetings.TablePlans;

namespace Cocreo.Meetings.Tests;

/// <summary>
/// 64 people at 8 tables for 4 rounds: the affine plane of order 8 (points of GF(8)², tables = parallel lines) seats
/// them with nobody meeting twice, so the optimum is zero repeats; the planner must find such a plan.
/// </summary>
public class AffinePlaneTests
{
    private static int Multiply(int a, int b)
    {
        // GF(8) = GF(2)[x] / (x³ + x + 1).
        var product = 0;
        for (var i = 0; i < 3; i++)
        {
            if ((b >> i & 1) == 1)
            {
                product ^= a << i;
            }
        }
        for (var bit = 4; bit >= 3; bit--)
        {
            if ((product >> bit & 1) == 1)
            {
                product ^= 0b1011 << (bit - 3);
            }
        }
        return product;
    }

    [Fact]
    public void The_affine_plane_of_order_8_seats_64_people_4_rounds_without_a_repeat()
    {
        // The witness that zero is feasible: round k puts the point (x, y) at table y - m_k·x for slope m_k = k.
        var seen = new HashSet<(int, int)>();
        for (var m = 0; m < 4; m++)
        {
            var tables = new List<int>[8];
            for (var t = 0; t < 8; t++)
            {
                tables[t] = [];
            }
            for (var x = 0; x < 8; x++)
            {
                for (var y = 0; y < 8; y++)
                {
                    tables[y ^ Multiply(m, x)].Add(8 * x + y);
                }
            }
            foreach (var table in tables)
            {
                Assert.Equal(8, table.Count);
                for (var i = 0; i < table.Count; i++)
                {
                    for (var j = i + 1; j < table.Count; j++)
                    {
                        Assert.True(seen.Add((table[i], table[j])));
                    }
                }
            }
        }
    }

    private static TablePlanRequest Room64(int seed) => new()
    {
        // Four stakeholder groups of 16 and eight districts of 8, assigned so the two are independent.
        Participants = Enumerable.Range(0, 64).Select(i => new PlanParticipant($"p{i}", new Dictionary<string, string>
        {
            ["group"] = "g" + (i % 4),
            ["district"] = "d" + (i / 8),
        })).ToArray(),
        Tables = 8,
        Rounds = 4,
        Attributes = ["group", "district"],
        Bounds = Enumerable.Range(0, 4).Select(g => new DiversityBound("group", "g" + g, Min: 1, Max: 3)).ToArray(),
        Seed = seed,
    };

    [Fact]
    public void Planner_finds_zero_repeats_for_64_people_8_tables_4_rounds_and_meets_the_bounds()
    {
        var request = Room64(seed: 18);
        var plan = TablePlanner.Plan(request);
        Check.Valid(request, plan);
        Assert.Equal(0, Check.RepeatMeetings(plan));
        Assert.Empty(plan.RepeatedPairs);
        Assert.Equal(0, Check.BoundViolations(request, plan));
        Assert.Equal(0, plan.BoundViolations);
        Assert.All(plan.Rounds.SelectMany(r => r.Tables), t => Assert.Equal(8, t.Seats.Count));
    }

    [Fact]
    public void Planner_finds_zero_repeats_with_hosts_for_64_people_too()
    {
        var request = Room64(seed: 7);
        request = new TablePlanRequest
        {
            Participants = request.Participants,
            Tables = 8,
            Rounds = 4,
            Attributes = request.Attributes,
            Bounds = request.Bounds,
            Hosts = Enumerable.Range(0, 8).Select(t => new TableHost($"p{t * 8}", t + 1)).ToArray(),
            Seed = 7,
        };
        var plan = TablePlanner.Plan(request);
        Check.Valid(request, plan);
        Assert.Equal(0, Check.RepeatMeetings(plan));
        Assert.Equal(0, Check.BoundViolations(request, plan));
    }

    [Fact]
    public void Planner_finds_zero_repeats_for_200_people_20_tables_4_rounds_with_3_attributes()
    {
        var request = GeneratedRoom.Request(200, 20, 4, hosts: 20, seed: 3);
        var plan = TablePlanner.Plan(request);
        Check.Valid(request, plan);
        Assert.Equal(0, plan.RepeatedMeetings);
        Assert.All(plan.Diversity, d => Assert.True(d.Score >= 0.9, $"round {d.Round} table {d.Table} score {d.Score}"));
    }
}
