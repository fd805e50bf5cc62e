using Cocreo.Meetings.Bench;
using Cocreo.Meetings.TablePlans;

namespace Cocreo.Meetings.Tests;

/// <summary>Rooms at the edges: one table, every round held, no attributes, uneven table sizes, a seat limit.</summary>
public class EdgeCaseTests
{
    [Fact]
    public void One_table_seats_everyone_together_and_reports_the_unavoidable_repeats()
    {
        var request = new TablePlanRequest { Participants = GeneratedRoom.People(5, 1), Tables = 1, Rounds = 2, Seed = 1 };
        var plan = TablePlanner.Plan(request);
        Check.Valid(request, plan);
        Assert.Equal(10, plan.RepeatedMeetings);
        Assert.True(plan.ProvenOptimal);
    }

    [Fact]
    public void When_every_round_is_held_the_plan_only_explains_them()
    {
        var people = GeneratedRoom.People(6, 2);
        var request = new TablePlanRequest
        {
            Participants = people,
            Tables = 2,
            Rounds = 1,
            Attributes = GeneratedRoom.Attributes,
            HeldRounds = [new HeldRound([["p1", "p2", "p3"], ["p4", "p5", "p6"]])],
        };
        var plan = TablePlanner.Plan(request);
        Assert.True(plan.Rounds[0].Held);
        Assert.Equal(["p4", "p5", "p6"], plan.Rounds[0].Tables[1].Seats.Select(s => s.ParticipantId));
        Assert.Equal(2, plan.Diversity.Count);
        Assert.Equal(0, plan.DiversityDeviation); // only planned rounds count
    }

    [Fact]
    public void Without_attributes_every_table_scores_one_and_sizes_are_balanced()
    {
        var request = new TablePlanRequest { Participants = GeneratedRoom.People(23, 3), Tables = 4, Rounds = 3, SeatsPerTable = 6, Seed = 2 };
        var plan = TablePlanner.Plan(request);
        Check.Valid(request, plan);
        Assert.All(plan.Diversity, d => Assert.Equal(1.0, d.Score));
        Assert.All(plan.Rounds, r => Assert.Equal([5, 6, 6, 6], r.Tables.Select(t => t.Seats.Count).Order()));
    }

    [Fact]
    public void A_tight_bound_is_met_when_the_room_allows_it()
    {
        var people = GeneratedRoom.People(60, 9);
        var residents = people.Count(p => p.Attributes["group"] == "residents");
        var perTable = residents / 6;
        var request = new TablePlanRequest
        {
            Participants = people,
            Tables = 6,
            Rounds = 3,
            Attributes = GeneratedRoom.Attributes,
            Bounds = [new DiversityBound("group", "residents", Min: perTable, Max: perTable + 1)],
            Seed = 4,
        };
        var plan = TablePlanner.Plan(request);
        Check.Valid(request, plan);
        Assert.Equal(0, Check.BoundViolations(request, plan));
        Assert.Equal(0, plan.BoundViolations);
    }
}
