using Cocreo.Meetings.Bench;
using Cocreo.Meetings.TablePlans;

namespace Cocreo.Meetings.Tests;

/// <summary>Hosts stay put; re-computation at the door keeps the held rounds and seats only who is there; same seed, same plan.</summary>
public class RecomputeTests
{
    [Fact]
    public void Hosts_never_move_and_are_marked_as_hosts()
    {
        var request = GeneratedRoom.Request(90, 9, 5, hosts: 6, seed: 4);
        var plan = TablePlanner.Plan(request);
        Check.Valid(request, plan);
        foreach (var host in request.Hosts)
        {
            var itinerary = plan.Itineraries.Single(i => i.ParticipantId == host.ParticipantId);
            Assert.All(itinerary.Tables, t => Assert.Equal(host.Table, t));
            Assert.All(plan.Rounds, r => Assert.Equal(host.ParticipantId, r.Tables[host.Table - 1].Seats[0].ParticipantId));
        }
        Assert.Equal(6, plan.Rounds[0].Tables.Count(t => t.Seats.Any(s => s.IsHost)));
    }

    [Fact]
    public void Recomputing_at_the_door_keeps_the_held_rounds_and_leaves_the_absent_out()
    {
        // 49 people at 7 tables: the affine plane of order 7 seats 4 rounds without a repeat.
        var request = GeneratedRoom.Request(49, 7, 4, hosts: 7, seed: 8);
        var first = TablePlanner.Plan(request);
        var held = first.Rounds.Take(2)
            .Select(r => new HeldRound(r.Tables.Select(t => (IReadOnlyList<string>)t.Seats.Select(s => s.ParticipantId).ToArray()).ToArray()))
            .ToArray();
        // Four people who sat at four different tables in round 3 and in round 4 stay away: the first plan's rounds 3
        // and 4 without them are still balanced and free of repeats, so zero repeats is feasible.
        var absent = new List<string>();
        var hosts = request.Hosts.Select(h => h.ParticipantId).ToHashSet();
        foreach (var itinerary in first.Itineraries.Where(i => !hosts.Contains(i.ParticipantId)))
        {
            var clash = absent.Any(a => first.Itineraries.Single(i => i.ParticipantId == a) is var other
                && (other.Tables[2] == itinerary.Tables[2] || other.Tables[3] == itinerary.Tables[3]));
            if (!clash && absent.Count < 4)
            {
                absent.Add(itinerary.ParticipantId);
            }
        }
        Assert.Equal(4, absent.Count);
        var again = new TablePlanRequest
        {
            Participants = request.Participants,
            Tables = request.Tables,
            Rounds = request.Rounds,
            Attributes = request.Attributes,
            Hosts = request.Hosts,
            HeldRounds = held,
            Absent = absent,
            PreviousPlan = first.Rounds.Select(r => new HeldRound(r.Tables.Select(t => (IReadOnlyList<string>)t.Seats.Select(s => s.ParticipantId).ToArray()).ToArray())).ToArray(),
            Seed = 99,
        };
        var plan = TablePlanner.Plan(again);
        Check.Valid(again, plan);
        for (var r = 0; r < 2; r++)
        {
            Assert.True(plan.Rounds[r].Held);
            for (var t = 0; t < request.Tables; t++)
            {
                Assert.Equal(first.Rounds[r].Tables[t].Seats.Select(s => s.ParticipantId).Order(), plan.Rounds[r].Tables[t].Seats.Select(s => s.ParticipantId).Order());
            }
        }
        foreach (var id in absent)
        {
            var itinerary = plan.Itineraries.Single(i => i.ParticipantId == id);
            Assert.NotNull(itinerary.Tables[0]);
            Assert.Null(itinerary.Tables[2]);
            Assert.Null(itinerary.Tables[3]);
        }
        // 45 people at 7 tables: sizes 7 and 6; nobody who met in the held rounds meets again.
        Assert.Equal(0, first.RepeatedMeetings);
        Assert.All(plan.Rounds.Skip(2).SelectMany(r => r.Tables), t => Assert.InRange(t.Seats.Count, 6, 7));
        Assert.Equal(0, plan.RepeatedMeetings);
    }

    [Fact]
    public void A_held_repeat_is_reported_but_not_charged_to_the_planner()
    {
        var people = GeneratedRoom.People(12, 1);
        var table1 = people.Take(4).Select(p => p.Id).ToArray();
        var table2 = people.Skip(4).Take(4).Select(p => p.Id).ToArray();
        var table3 = people.Skip(8).Select(p => p.Id).ToArray();
        var round = new HeldRound([table1, table2, table3]);
        var request = new TablePlanRequest
        {
            Participants = people,
            Tables = 3,
            Rounds = 3,
            Attributes = GeneratedRoom.Attributes,
            HeldRounds = [round, round],
            Seed = 1,
        };
        var plan = TablePlanner.Plan(request);
        Check.Valid(request, plan);
        // The held rounds repeat 18 pairs. In round 3 each table of 4 draws from 3 held tables, so at least one
        // pair per table meets a third time: 21 is the least possible (and CP-SAT proves it).
        Assert.Equal(18, plan.RepeatedMeetingsInHeldRounds);
        Assert.Equal(21, plan.RepeatedMeetings);
        Assert.Equal(18, plan.RepeatedPairs.Count);
        Assert.All(plan.RepeatedPairs, pair => Assert.Equal([1, 2], pair.Rounds.Take(2)));
        Assert.Equal(3, plan.RepeatedPairs.Count(pair => pair.Rounds.Count == 3));
    }

    [Fact]
    public void The_same_request_and_seed_give_the_same_plan()
    {
        static string Fingerprint(TablePlan plan) => string.Join("|", plan.Rounds.Select(r => string.Join(";", r.Tables.Select(t => string.Join(",", t.Seats.Select(s => s.ParticipantId))))));
        var request = GeneratedRoom.Request(120, 12, 4, hosts: 12, seed: 21);
        var a = TablePlanner.Plan(request);
        var b = TablePlanner.Plan(request);
        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.Equal(a.Method, b.Method);
        var small = new TablePlanRequest
        {
            Participants = GeneratedRoom.People(8, 2),
            Tables = 3,
            Rounds = 2,
            Attributes = GeneratedRoom.Attributes,
            Seed = 6,
        };
        Assert.Equal(Fingerprint(TablePlanner.Plan(small)), Fingerprint(TablePlanner.Plan(small)));
    }

    [Fact]
    public void The_explanation_counts_each_table_against_the_rooms_shares()
    {
        var request = GeneratedRoom.Request(40, 4, 2, hosts: 0, seed: 12);
        var plan = TablePlanner.Plan(request);
        var byId = request.Participants.ToDictionary(p => p.Id);
        foreach (var d in plan.Diversity)
        {
            var table = plan.Rounds[d.Round - 1].Tables[d.Table - 1];
            Assert.Equal(table.Seats.Count, d.Size);
            foreach (var mix in d.Attributes)
            {
                Assert.Equal(d.Size, mix.Values.Sum(v => v.Count));
                Assert.Equal(d.Size, mix.Values.Sum(v => v.Expected), 6);
                foreach (var value in mix.Values)
                {
                    Assert.Equal(table.Seats.Count(s => byId[s.ParticipantId].Attributes[mix.Attribute] == value.Value), value.Count);
                    var allowed = value.Count >= Math.Floor(value.Expected - 1e-9) && value.Count <= Math.Ceiling(value.Expected + 1e-9);
                    Assert.Equal(allowed, value.Deviation == 0);
                }
            }
            Assert.InRange(d.Score, 0, 1);
        }
        Assert.Equal(plan.Diversity.Sum(d => d.Deviation), plan.DiversityDeviation);
    }
}
