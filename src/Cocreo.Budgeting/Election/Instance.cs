namespace Cocreo.Budgeting.Election;

/// <summary>
/// An election without its votes: the projects on the ballot, the budget to spend on them and the
/// descriptive metadata (pabulib META). Kept apart from the <see cref="Profile"/> as in pabutools.
/// </summary>
public sealed class Instance
{
    private readonly Dictionary<string, Project> _byId;
    private readonly List<KeyValuePair<string, string>> _meta;

    /// <summary>Creates an instance.</summary>
    /// <param name="budget">The money to spend.</param>
    /// <param name="projects">The projects, with unique identifiers.</param>
    /// <param name="meta">The metadata in file order (e.g. <c>vote_type</c>, <c>rule</c>); <c>budget</c> is kept in step with <paramref name="budget"/>.</param>
    /// <param name="projectColumns">The names of the projects' other columns, in file order.</param>
    public Instance(decimal budget, IEnumerable<Project> projects, IEnumerable<KeyValuePair<string, string>>? meta = null, IReadOnlyList<string>? projectColumns = null)
    {
        if (budget < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), "The budget cannot be negative.");
        }
        Budget = budget;
        Projects = projects.ToArray();
        ProjectColumns = projectColumns ?? [];
        _byId = new Dictionary<string, Project>(Projects.Count, StringComparer.Ordinal);
        for (var i = 0; i < Projects.Count; i++)
        {
            var project = Projects[i];
            if (project.Cost < 0)
            {
                throw new ArgumentException($"Project {project.Id} has a negative cost.", nameof(projects));
            }
            if (!_byId.TryAdd(project.Id, project))
            {
                throw new ArgumentException($"Project {project.Id} appears twice.", nameof(projects));
            }
            project.Index = i;
        }
        _meta = meta?.ToList() ?? [];
        if (!_meta.Any(entry => entry.Key == "budget"))
        {
            _meta.Add(KeyValuePair.Create("budget", budget.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The money to spend.</summary>
    public decimal Budget { get; }

    /// <summary>The projects, in file order.</summary>
    public IReadOnlyList<Project> Projects { get; }

    /// <summary>The names of the projects' columns other than <c>project_id</c> and <c>cost</c>, in file order.</summary>
    public IReadOnlyList<string> ProjectColumns { get; }

    /// <summary>The metadata (pabulib META section) in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Meta => _meta;

    /// <summary>A metadata value, or null.</summary>
    public string? GetMeta(string key)
    {
        foreach (var entry in _meta)
        {
            if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }
        return null;
    }

    /// <summary>The project with this identifier.</summary>
    public Project this[string id] => _byId[id];

    /// <summary>Finds a project by identifier.</summary>
    public bool TryGetProject(string id, out Project project) => _byId.TryGetValue(id, out project!);

    internal Dictionary<string, Project>.AlternateLookup<ReadOnlySpan<char>> ProjectsBySpan => _byId.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The total cost of some projects.</summary>
    public static decimal TotalCost(IEnumerable<Project> projects) => projects.Sum(project => project.Cost);
}
