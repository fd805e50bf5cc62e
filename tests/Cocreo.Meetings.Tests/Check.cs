using Cocreo.Meetings.TablePlans;

namespace Cocreo.Meetings.Tests;

/// <summary>Independent checks of a plan, recomputed from its rounds (not from the planner's own figures).</summary>
internal static class Check
{
    /// <summary>Repeat meetings: for every pair, the rounds they share beyond the first.</summary>
    public static int RepeatMeetings(TablePlan plan)
    {
        var together = new Dictionary<(string, string), int>();
        foreach (var round in plan.Rounds)
        {
            foreach (var table in round.Tables)
            {
                var ids = table.Seats.Select(s => s.ParticipantId).Order(StringComparer.Ordinal).ToArray();
                for (var i = 0; i < ids.Length; i++)
                {
                    for (var j = i + 1; j < ids.Length; j++)
                    {
                        together[(ids[i], ids[j])] = together.GetValueOrDefault((ids[i], ids[j])) + 1;
                    }
                }
            }
        }
        return together.Values.Sum(m => Math.Max(0, m - 1));
    }

    /// <summary>Every present person seated exactly once per planned round, sizes within one, hosts at their tables.</summary>
    public static void Valid(TablePlanRequest request, TablePlan plan)
    {
        var absent = request.Absent.ToHashSet();
        var present = request.Participants.Select(p => p.Id).Where(id => !absent.Contains(id)).ToHashSet();
        Assert.Equal(request.Rounds, plan.Rounds.Count);
        foreach (var round in plan.Rounds.Where(r => !r.Held))
        {
            Assert.Equal(request.Tables, round.Tables.Count);
            var seated = round.Tables.SelectMany(t => t.Seats.Select(s => s.ParticipantId)).ToList();
            Assert.Equal(seated.Count, seated.Distinct().Count());
            Assert.True(present.SetEquals(seated), $"round {round.Number} seats exactly the people present");
            var sizes = round.Tables.Select(t => t.Seats.Count).ToArray();
            Assert.True(sizes.Max() - sizes.Min() <= 1, $"round {round.Number} sizes {string.Join(",", sizes)}");
            if (request.SeatsPerTable is { } seats)
            {
                Assert.True(sizes.Max() <= seats);
            }
            foreach (var host in request.Hosts)
            {
                var table = round.Tables[host.Table - 1];
                Assert.Contains(table.Seats, s => s.ParticipantId == host.ParticipantId && s.IsHost);
            }
        }
        Assert.True(plan.SizesBalanced);
        Assert.Equal(RepeatMeetings(plan), plan.RepeatedMeetings);
        foreach (var itinerary in plan.Itineraries)
        {
            for (var r = 0; r < plan.Rounds.Count; r++)
            {
                var table = itinerary.Tables[r];
                var seatedAt = plan.Rounds[r].Tables.SingleOrDefault(t => t.Seats.Any(s => s.ParticipantId == itinerary.ParticipantId));
                Assert.Equal(seatedAt?.Number, table);
            }
        }
    }

    /// <summary>Per table and planned round, how many people lie outside the organiser's bounds.</summary>
    public static int BoundViolations(TablePlanRequest request, TablePlan plan)
    {
        var byId = request.Participants.ToDictionary(p => p.Id);
        var violations = 0;
        foreach (var round in plan.Rounds.Where(r => !r.Held))
        {
            foreach (var table in round.Tables)
            {
                foreach (var bound in request.Bounds)
                {
                    var c = table.Seats.Count(s => byId[s.ParticipantId].Attributes[bound.Attribute] == bound.Value);
                    violations += Math.Max(0, (bound.Min ?? 0) - c) + Math.Max(0, c - (bound.Max ?? int.MaxValue));
                }
            }
        }
        return violations;
    }
}
