namespace Cocreo.Meetings.TablePlans;

/// <summary>What is wrong with a table-plan request, as a code the web layer can translate.</summary>
public enum TablePlanProblemKind
{
    /// <summary>Zero or negative tables.</summary>
    NoTables,
    /// <summary>Zero or negative rounds.</summary>
    NoRounds,
    /// <summary>Seats per table given as zero or less.</summary>
    NoSeats,
    /// <summary>Nobody to seat.</summary>
    NoParticipants,
    /// <summary>Two participants share an id, or an id is empty.</summary>
    DuplicateParticipant,
    /// <summary>An attribute is named twice or is empty.</summary>
    DuplicateAttribute,
    /// <summary>A participant has no value for an attribute to mix on.</summary>
    MissingAttributeValue,
    /// <summary>More hosts than tables.</summary>
    MoreHostsThanTables,
    /// <summary>Two hosts for one table.</summary>
    TwoHostsOnOneTable,
    /// <summary>One person hosts two tables.</summary>
    HostOfTwoTables,
    /// <summary>A host's table number is not between 1 and the number of tables.</summary>
    HostTableOutOfRange,
    /// <summary>A host is not among the participants.</summary>
    UnknownHost,
    /// <summary>A host is absent.</summary>
    HostAbsent,
    /// <summary>An absent person is not among the participants.</summary>
    UnknownAbsentee,
    /// <summary>More people present than seats.</summary>
    MorePeopleThanSeats,
    /// <summary>Fewer than two people per table.</summary>
    TooFewPeopleForTables,
    /// <summary>More held rounds than rounds.</summary>
    TooManyHeldRounds,
    /// <summary>A held round does not have one list per table.</summary>
    HeldRoundTableCount,
    /// <summary>A held round names someone who is not a participant.</summary>
    HeldRoundUnknownPerson,
    /// <summary>A held round seats someone twice.</summary>
    HeldRoundPersonTwice,
    /// <summary>A bound names an attribute that is not mixed on or a value nobody has.</summary>
    BoundUnknown,
    /// <summary>A bound's minimum is above its maximum or negative.</summary>
    BoundInvalid,
    /// <summary>A bound cannot be met with the people present.</summary>
    BoundInfeasible,
}

/// <summary>One problem with a request and what to change, in English (the web layer localises by <see cref="Kind"/>).</summary>
public sealed record TablePlanProblem(TablePlanProblemKind Kind, string Message);

/// <summary>The request cannot be planned as it is; <see cref="Problems"/> lists every problem and what to change.</summary>
public sealed class TablePlanInputException : Exception
{
    /// <summary>Creates the error from the problems found (at least one).</summary>
    public TablePlanInputException(IReadOnlyList<TablePlanProblem> problems)
        : base(string.Join(" ", problems.Select(p => p.Message)))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in the order checked.</summary>
    public IReadOnlyList<TablePlanProblem> Problems { get; }
}
