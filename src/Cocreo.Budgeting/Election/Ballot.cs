namespace Cocreo.Budgeting.Election;

/// <summary>
/// One voter's ballot: the projects they voted for and, for cumulative and scoring ballots, the points they gave.
/// For ordinal ballots the order of <see cref="Projects"/> is the voter's ranking, best first.
/// </summary>
public sealed class Ballot
{
    private readonly string[] _extraValues;

    /// <summary>Creates a ballot (the lists are copied).</summary>
    /// <param name="voterId">The voter's identifier, unique within the profile.</param>
    /// <param name="projects">The projects voted for (ranked best first for ordinal ballots), each at most once.</param>
    /// <param name="points">The points given to each project, in the same order (cumulative and scoring ballots), or null.</param>
    /// <param name="extraValues">The values of the profile's other vote columns (e.g. age), in column order.</param>
    public Ballot(string voterId, IReadOnlyList<Project> projects, IReadOnlyList<int>? points = null, IReadOnlyList<string>? extraValues = null)
        : this(voterId, projects.ToArray(), points?.ToArray(), extraValues?.ToArray() ?? [])
    {
        if (points is not null && points.Count != projects.Count)
        {
            throw new ArgumentException($"Voter {voterId} gives points to {points.Count} projects but votes for {projects.Count}.", nameof(points));
        }
    }

    private Ballot(string voterId, Project[] projects, int[]? points, string[] extraValues)
    {
        VoterId = voterId;
        Projects = projects;
        Points = points;
        _extraValues = extraValues;
    }

    // The reader has already checked the arrays and hands them over without copies.
    internal static Ballot FromCheckedArrays(string voterId, Project[] projects, int[]? points, string[] extraValues) =>
        new(voterId, projects, points, extraValues);

    /// <summary>The voter's identifier.</summary>
    public string VoterId { get; }

    /// <summary>The projects voted for; the voter's ranking for ordinal ballots.</summary>
    public IReadOnlyList<Project> Projects { get; }

    /// <summary>The points given to each project of <see cref="Projects"/>, or null when the ballot has no points.</summary>
    public IReadOnlyList<int>? Points { get; }

    /// <summary>The values of the profile's other vote columns, in the order of <see cref="Profile.ExtraColumns"/>.</summary>
    public IReadOnlyList<string> ExtraValues => _extraValues;
}
