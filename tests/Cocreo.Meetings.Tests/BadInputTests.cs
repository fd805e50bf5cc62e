using Cocreo.Meetings.Bench;
using Cocreo.Meetings.TablePlans;

namespace Cocreo.Meetings.Tests;

/// <summary>Every request that cannot be planned says what is wrong and what to change, with a code per problem.</summary>
public class BadInputTests
{
    private static readonly IReadOnlyList<PlanParticipant> People = GeneratedRoom.People(20, 5);

    private static TablePlanRequest Good(Func<TablePlanRequest, TablePlanRequest>? change = null)
    {
        var request = new TablePlanRequest { Participants = People, Tables = 4, Rounds = 3, Attributes = GeneratedRoom.Attributes };
        return change is null ? request : change(request);
    }

    private static TablePlanRequest With(
        TablePlanRequest r, IReadOnlyList<PlanParticipant>? participants = null, int? tables = null, int? rounds = null, int? seats = null,
        IReadOnlyList<string>? attributes = null, IReadOnlyList<TableHost>? hosts = null, IReadOnlyList<DiversityBound>? bounds = null,
        IReadOnlyList<HeldRound>? held = null, IReadOnlyCollection<string>? absent = null) => new()
    {
        Participants = participants ?? r.Participants,
        Tables = tables ?? r.Tables,
        Rounds = rounds ?? r.Rounds,
        SeatsPerTable = seats ?? r.SeatsPerTable,
        Attributes = attributes ?? r.Attributes,
        Hosts = hosts ?? r.Hosts,
        Bounds = bounds ?? r.Bounds,
        HeldRounds = held ?? r.HeldRounds,
        Absent = absent ?? r.Absent,
    };

    private static TablePlanProblem Refused(TablePlanRequest request, TablePlanProblemKind kind, params string[] mentions)
    {
        var error = Assert.Throws<TablePlanInputException>(() => TablePlanner.Plan(request));
        var problem = Assert.Single(error.Problems, p => p.Kind == kind);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, problem.Message, StringComparison.Ordinal);
        }
        Assert.Equal(error.Problems, TablePlanner.Validate(request));
        return problem;
    }

    [Fact]
    public void A_good_request_has_no_problems() => Assert.Empty(TablePlanner.Validate(Good()));

    [Fact]
    public void Zero_tables() => Refused(Good(r => With(r, tables: 0)), TablePlanProblemKind.NoTables, "at least one table");

    [Fact]
    public void Zero_rounds() => Refused(Good(r => With(r, rounds: 0)), TablePlanProblemKind.NoRounds, "at least one round");

    [Fact]
    public void Zero_seats() => Refused(Good(r => With(r, seats: 0)), TablePlanProblemKind.NoSeats, "seats");

    [Fact]
    public void Nobody_to_seat() => Refused(Good(r => With(r, participants: [])), TablePlanProblemKind.NoParticipants, "add participants");

    [Fact]
    public void More_hosts_than_tables() =>
        Refused(Good(r => With(r, hosts: Enumerable.Range(1, 5).Select(i => new TableHost($"p{i}", Math.Min(i, 4))).ToArray())),
            TablePlanProblemKind.MoreHostsThanTables, "5 table hosts for 4 tables", "remove 1 hosts");

    [Fact]
    public void Two_hosts_on_one_table() =>
        Refused(Good(r => With(r, hosts: [new TableHost("p1", 2), new TableHost("p2", 2)])), TablePlanProblemKind.TwoHostsOnOneTable, "Table 2", "p1", "p2");

    [Fact]
    public void One_host_for_two_tables() =>
        Refused(Good(r => With(r, hosts: [new TableHost("p1", 1), new TableHost("p1", 2)])), TablePlanProblemKind.HostOfTwoTables, "p1");

    [Fact]
    public void Host_table_out_of_range() =>
        Refused(Good(r => With(r, hosts: [new TableHost("p1", 7)])), TablePlanProblemKind.HostTableOutOfRange, "numbered 1 to 4");

    [Fact]
    public void Host_who_is_not_a_participant() =>
        Refused(Good(r => With(r, hosts: [new TableHost("nobody", 1)])), TablePlanProblemKind.UnknownHost, "nobody");

    [Fact]
    public void Host_who_is_absent() =>
        Refused(Good(r => With(r, hosts: [new TableHost("p3", 1)], absent: ["p3"])), TablePlanProblemKind.HostAbsent, "p3", "choose another host for table 1");

    [Fact]
    public void More_people_than_seats() =>
        Refused(Good(r => With(r, seats: 4)), TablePlanProblemKind.MorePeopleThanSeats, "20 people", "16", "add 1 tables", "seats per table to 5");

    [Fact]
    public void Too_few_people_for_the_tables() =>
        Refused(Good(r => With(r, tables: 11)), TablePlanProblemKind.TooFewPeopleForTables, "at most 10 tables");

    [Fact]
    public void A_participant_without_a_value() =>
        Refused(Good(r => With(r, participants: [.. People, new PlanParticipant("late", new Dictionary<string, string> { ["group"] = "business", ["age"] = "65+" })])),
            TablePlanProblemKind.MissingAttributeValue, "late", "district");

    [Fact]
    public void A_participant_listed_twice() =>
        Refused(Good(r => With(r, participants: [.. People, People[0]])), TablePlanProblemKind.DuplicateParticipant, "p1");

    [Fact]
    public void An_attribute_chosen_twice() =>
        Refused(Good(r => With(r, attributes: ["group", "group"])), TablePlanProblemKind.DuplicateAttribute, "group");

    [Fact]
    public void An_unknown_absentee() =>
        Refused(Good(r => With(r, absent: ["ghost"])), TablePlanProblemKind.UnknownAbsentee, "ghost");

    [Fact]
    public void More_held_rounds_than_rounds()
    {
        var round = new HeldRound([["p1"], ["p2"], ["p3"], ["p4"]]);
        Refused(Good(r => With(r, rounds: 1, held: [round, round])), TablePlanProblemKind.TooManyHeldRounds, "2 rounds", "1 rounds");
    }

    [Fact]
    public void Held_round_with_the_wrong_number_of_tables() =>
        Refused(Good(r => With(r, held: [new HeldRound([["p1"], ["p2"]])])), TablePlanProblemKind.HeldRoundTableCount, "lists 2 tables", "has 4");

    [Fact]
    public void Held_round_naming_a_stranger() =>
        Refused(Good(r => With(r, held: [new HeldRound([["p1", "stranger"], [], [], []])])), TablePlanProblemKind.HeldRoundUnknownPerson, "stranger");

    [Fact]
    public void Held_round_seating_someone_twice() =>
        Refused(Good(r => With(r, held: [new HeldRound([["p1"], ["p1"], [], []])])), TablePlanProblemKind.HeldRoundPersonTwice, "p1", "tables 1 and 2");

    [Fact]
    public void Bound_on_an_attribute_not_mixed_on() =>
        Refused(Good(r => With(r, bounds: [new DiversityBound("shoe size", "42", Min: 1)])), TablePlanProblemKind.BoundUnknown, "shoe size");

    [Fact]
    public void Bound_on_a_value_nobody_has() =>
        Refused(Good(r => With(r, bounds: [new DiversityBound("group", "astronauts", Min: 1)])), TablePlanProblemKind.BoundUnknown, "astronauts");

    [Fact]
    public void Bound_with_minimum_above_maximum() =>
        Refused(Good(r => With(r, bounds: [new DiversityBound("group", "residents", Min: 3, Max: 1)])), TablePlanProblemKind.BoundInvalid, "minimum no larger than the maximum");

    [Fact]
    public void Bound_that_needs_more_people_than_are_there()
    {
        var business = People.Count(p => p.Attributes["group"] == "business");
        var problem = Refused(Good(r => With(r, bounds: [new DiversityBound("group", "business", Min: business + 1)])), TablePlanProblemKind.BoundInfeasible);
        Assert.Contains("lower the minimum", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bound_that_leaves_people_without_a_seat() =>
        Refused(Good(r => With(r, bounds: [new DiversityBound("group", "residents", Max: 0)])), TablePlanProblemKind.BoundInfeasible, "raise the maximum");

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var error = Assert.Throws<TablePlanInputException>(() => TablePlanner.Plan(Good(r => With(r, rounds: 0, hosts: [new TableHost("nobody", 1)], absent: ["ghost"]))));
        Assert.Equal(
            [TablePlanProblemKind.NoRounds, TablePlanProblemKind.UnknownAbsentee, TablePlanProblemKind.UnknownHost],
            error.Problems.Select(p => p.Kind));
    }
}
