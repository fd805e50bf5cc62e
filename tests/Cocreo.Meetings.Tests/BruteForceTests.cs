using System.Numerics;
using Cocreo.Meetings.TablePlans;

namespace Cocreo.Meetings.Tests;

/// <summary>
/// Small rooms where every plan can be enumerated: the planner's (bound violations, repeat meetings, diversity
/// deviation) must equal the lexicographic optimum found by enumeration, and it must say it proved it.
/// </summary>
public class BruteForceTests
{
    private sealed record Instance(TablePlanRequest Request, string[] Ids);

    /// <summary>The lexicographic optimum over every plan of the request's planned rounds (enumeration with pruning).</summary>
    private static (int Violations, int Repeats, int Deviation) Optimum(TablePlanRequest request)
    {
        var ids = request.Participants.Select(p => p.Id).ToArray();
        var n = ids.Length;
        var T = request.Tables;
        var absent = request.Absent.ToHashSet();
        var present = Enumerable.Range(0, n).Where(p => !absent.Contains(ids[p])).ToArray();
        var hostOf = request.Hosts.ToDictionary(h => Array.IndexOf(ids, h.ParticipantId), h => h.Table - 1);
        var movable = present.Where(p => !hostOf.ContainsKey(p)).ToArray();

        int PairBit(int p, int q) => p > q ? p * (p - 1) / 2 + q : q * (q - 1) / 2 + p; // n ≤ 11 keeps this under 64
        ulong Mask(int[] table)
        {
            ulong mask = 0;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (table[p] >= 0 && table[p] == table[q])
                    {
                        mask |= 1UL << PairBit(p, q);
                    }
                }
            }
            return mask;
        }
        (int Violations, int Deviation) Mix(int[] table)
        {
            int violations = 0, deviation = 0;
            var seated = present.Where(p => table[p] >= 0).ToArray();
            for (var t = 0; t < T; t++)
            {
                var at = seated.Where(p => table[p] == t).ToArray();
                foreach (var attribute in request.Attributes)
                {
                    foreach (var value in request.Participants.Select(p => p.Attributes[attribute]).Distinct())
                    {
                        var having = seated.Count(p => request.Participants[p].Attributes[attribute] == value);
                        var c = at.Count(p => request.Participants[p].Attributes[attribute] == value);
                        var exact = (double)at.Length * having / seated.Length;
                        var (low, high) = ((int)Math.Floor(exact + 1e-9), (int)Math.Ceiling(exact - 1e-9));
                        deviation += c < low ? low - c : c > high ? c - high : 0;
                        foreach (var bound in request.Bounds.Where(b => b.Attribute == attribute && b.Value == value))
                        {
                            violations += Math.Max(0, (bound.Min ?? 0) - c) + Math.Max(0, c - (bound.Max ?? int.MaxValue));
                        }
                    }
                }
            }
            return (violations, deviation);
        }

        // Every way to seat one round with balanced sizes and the hosts at their tables.
        var options = new List<(ulong Mask, int Violations, int Deviation)>();
        var assignment = new int[n];
        var total = (int)Math.Pow(T, movable.Length);
        for (var code = 0; code < total; code++)
        {
            Array.Fill(assignment, -1);
            foreach (var (p, t) in hostOf)
            {
                assignment[p] = t;
            }
            var rest = code;
            foreach (var p in movable)
            {
                assignment[p] = rest % T;
                rest /= T;
            }
            var sizes = new int[T];
            foreach (var p in present)
            {
                sizes[assignment[p]]++;
            }
            if (sizes.Max() - sizes.Min() > 1)
            {
                continue;
            }
            var (v, d) = Mix(assignment);
            options.Add((Mask(assignment), v, d));
        }

        ulong heldOr = 0;
        var heldPop = 0;
        foreach (var round in request.HeldRounds)
        {
            var table = new int[n];
            Array.Fill(table, -1);
            for (var t = 0; t < round.Tables.Count; t++)
            {
                foreach (var id in round.Tables[t])
                {
                    table[Array.IndexOf(ids, id)] = t;
                }
            }
            var mask = Mask(table);
            heldOr |= mask;
            heldPop += BitOperations.PopCount(mask);
        }
        var best = (int.MaxValue, int.MaxValue, int.MaxValue);
        var planned = request.Rounds - request.HeldRounds.Count;
        void Search(int round, ulong or, int pop, int violations, int deviation)
        {
            var repeats = pop - BitOperations.PopCount(or);
            var here = (violations, repeats, deviation);
            if (here.CompareTo(best) >= 0)
            {
                return; // every term only grows as rounds are added
            }
            if (round == planned)
            {
                best = here;
                return;
            }
            foreach (var (mask, v, d) in options)
            {
                Search(round + 1, or | mask, pop + BitOperations.PopCount(mask), violations + v, deviation + d);
            }
        }
        Search(0, heldOr, heldPop, 0, 0);
        return best;
    }

    private static PlanParticipant Person(string id, string group, string age) =>
        new(id, new Dictionary<string, string> { ["group"] = group, ["age"] = age });

    [Fact]
    public void Nine_people_three_tables_four_rounds_with_hosts_match_the_enumerated_optimum()
    {
        // A host at each table; in four rounds each of the six others visits some table twice and meets its host twice.
        var request = new TablePlanRequest
        {
            Participants =
            [
                Person("a", "residents", "young"), Person("b", "residents", "old"), Person("c", "business", "old"),
                Person("d", "business", "young"), Person("e", "civil", "old"), Person("f", "residents", "young"),
                Person("g", "civil", "old"), Person("h", "residents", "old"), Person("i", "business", "young"),
            ],
            Tables = 3,
            Rounds = 4,
            Attributes = ["group", "age"],
            Hosts = [new TableHost("a", 1), new TableHost("c", 2), new TableHost("e", 3)],
            Seed = 5,
        };
        var expected = Optimum(request);
        var plan = TablePlanner.Plan(request);
        Check.Valid(request, plan);
        Assert.Equal(expected, (plan.BoundViolations, plan.RepeatedMeetings, plan.DiversityDeviation));
        Assert.True(plan.ProvenOptimal, plan.Method);
        Assert.True(expected.Repeats > 0, "the instance forces repeats, so the test checks their minimum");
    }

    [Fact]
    public void Eight_people_after_a_held_round_with_a_bound_match_the_enumerated_optimum()
    {
        var request = new TablePlanRequest
        {
            Participants =
            [
                Person("a", "residents", "young"), Person("b", "residents", "old"), Person("c", "residents", "old"),
                Person("d", "residents", "young"), Person("e", "business", "old"), Person("f", "business", "young"),
                Person("g", "civil", "old"), Person("h", "civil", "old"),
            ],
            Tables = 3,
            Rounds = 3,
            Attributes = ["group", "age"],
            HeldRounds = [new HeldRound([["a", "b", "c"], ["d", "e", "f"], ["g", "h"]])],
            Bounds = [new DiversityBound("group", "residents", Min: 1)],
            Seed = 11,
        };
        var expected = Optimum(request);
        var plan = TablePlanner.Plan(request);
        Check.Valid(request, plan);
        Assert.Equal(expected, (plan.BoundViolations, plan.RepeatedMeetings, plan.DiversityDeviation));
        Assert.True(plan.ProvenOptimal, plan.Method);
        Assert.Equal(["a", "b", "c"], plan.Rounds[0].Tables[0].Seats.Select(s => s.ParticipantId));
    }

    [Fact]
    public void The_annealing_alone_reaches_the_enumerated_optimum_on_a_small_room()
    {
        var request = new TablePlanRequest
        {
            Participants =
            [
                Person("a", "residents", "young"), Person("b", "residents", "old"), Person("c", "business", "old"),
                Person("d", "business", "young"), Person("e", "civil", "old"), Person("f", "residents", "young"),
                Person("g", "civil", "old"), Person("h", "residents", "old"),
            ],
            Tables = 3,
            Rounds = 2,
            Attributes = ["group", "age"],
            Bounds = [new DiversityBound("group", "residents", Max: 2)],
            Seed = 3,
        };
        var expected = Optimum(request);
        var plan = TablePlanner.Plan(request, new TablePlanOptions { UseCpSat = false });
        Check.Valid(request, plan);
        Assert.Equal(expected, (plan.BoundViolations, plan.RepeatedMeetings, plan.DiversityDeviation));
    }
}
