namespace Cocreo.Budgeting.Pabulib;

/// <summary>A .pb file that cannot be read: says where (file and line) and what to fix.</summary>
public sealed class PabulibFormatException : FormatException
{
    /// <summary>Creates the error.</summary>
    public PabulibFormatException(string source, int line, string problem)
        : base(line > 0 ? $"{source}, line {line}: {problem}" : $"{source}: {problem}")
    {
        Source = source;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file (or stream name) that was read.</summary>
    public new string Source { get; }

    /// <summary>The line where the problem is (1-based; 0 when it concerns the whole file).</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}

/// <summary>Something odd in a .pb file that does not stop it from being read (e.g. META counts that disagree with the data).</summary>
/// <param name="Line">The line concerned (1-based; 0 when it concerns the whole file).</param>
/// <param name="Message">What is odd.</param>
public sealed record PabulibWarning(int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}

/// <summary>What a .pb file holds: the election (<see cref="Election.Instance"/>), its ballots (<see cref="Election.Profile"/>) and any warnings.</summary>
/// <param name="Instance">The projects, budget and metadata.</param>
/// <param name="Profile">The ballots.</param>
/// <param name="Warnings">Oddities found while reading.</param>
public sealed record PabulibElection(Election.Instance Instance, Election.Profile Profile, IReadOnlyList<PabulibWarning> Warnings)
{
    /// <summary>
    /// The officially selected projects: those whose <c>selected</c> column is 1. Pabulib marks with 2 a project
    /// funded from outside the budget (reserve funds), which is not part of what the rule chose. Null when the
    /// file has no <c>selected</c> column.
    /// </summary>
    public IReadOnlyList<Election.Project>? OfficiallySelected => MarkedInSelectedColumn("1");

    /// <summary>The projects the <c>selected</c> column marks 2: funded from reserve funds outside the budget (empty when none).</summary>
    public IReadOnlyList<Election.Project> OfficiallyFundedFromReserve => MarkedInSelectedColumn("2") ?? [];

    private Election.Project[]? MarkedInSelectedColumn(string mark) =>
        Instance.ProjectColumns.Contains("selected", StringComparer.OrdinalIgnoreCase)
            ? Instance.Projects.Where(project => project["selected"]?.Trim() == mark).ToArray()
            : null;
}
