using Cocreo.Meetings.TablePlans;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>What to change, per kind of problem the planner finds (the web's words, translated; the engine's English messages are not shown).</summary>
public static class TablePlanRules
{
    public static string Message(string kind) => kind switch
    {
        nameof(TablePlanProblemKind.NoTables) => "Enter a number of tables from 1 to 60.",
        nameof(TablePlanProblemKind.NoRounds) => "Enter a number of rounds from 1 to 12.",
        nameof(TablePlanProblemKind.NoSeats) => "Seats per table must be at least 1, or empty to size tables by the people present.",
        nameof(TablePlanProblemKind.NoParticipants) => "Nobody to seat: nobody is registered (or checked in) yet.",
        nameof(TablePlanProblemKind.DuplicateParticipant) => "Someone is listed twice; reload the page and try again.",
        nameof(TablePlanProblemKind.DuplicateAttribute) => "An attribute to mix on is chosen twice.",
        nameof(TablePlanProblemKind.MissingAttributeValue) => "Someone has no value for an attribute to mix on; reload the page and try again.",
        nameof(TablePlanProblemKind.MoreHostsThanTables) => "There are more hosts than tables: choose at most one host per table, or add tables.",
        nameof(TablePlanProblemKind.TwoHostsOnOneTable) => "A table has two hosts: choose one host per table.",
        nameof(TablePlanProblemKind.HostOfTwoTables) => "The same person hosts two tables: choose a different host for one of them.",
        nameof(TablePlanProblemKind.HostTableOutOfRange) => "A host is given a table that does not exist.",
        nameof(TablePlanProblemKind.UnknownHost) => "A host is no longer registered: choose another host.",
        nameof(TablePlanProblemKind.HostAbsent) => "A host is not checked in: check them in, or choose another host for their table (or none).",
        nameof(TablePlanProblemKind.UnknownAbsentee) => "Someone absent is not registered; reload the page and try again.",
        nameof(TablePlanProblemKind.MorePeopleThanSeats) => "There are more people than seats: add tables or seats per table, or leave seats per table empty.",
        nameof(TablePlanProblemKind.TooFewPeopleForTables) => "There are fewer than two people per table: use fewer tables.",
        nameof(TablePlanProblemKind.TooManyHeldRounds) => "More rounds are marked as held than the stored plan has: lower the rounds already held.",
        nameof(TablePlanProblemKind.HeldRoundTableCount) => "The rounds already held had a different number of tables: keep the number of tables of the stored plan, or mark no round as held.",
        nameof(TablePlanProblemKind.HeldRoundUnknownPerson) => "A round already held seats someone who is no longer in the meeting; reload the page and try again.",
        nameof(TablePlanProblemKind.HeldRoundPersonTwice) => "A round already held seats someone twice; reload the page and try again.",
        nameof(TablePlanProblemKind.BoundUnknown) => "A bound names an attribute that is not mixed on, or a value nobody has: check the bounds.",
        nameof(TablePlanProblemKind.BoundInvalid) => "A bound's minimum is above its maximum, or below zero.",
        nameof(TablePlanProblemKind.BoundInfeasible) => "A bound cannot be met by the people in the room (for example fewer residents than tables for “at least 1 resident”): loosen it or use fewer tables.",
        _ => "The table plan cannot be computed as asked.",
    };
}
