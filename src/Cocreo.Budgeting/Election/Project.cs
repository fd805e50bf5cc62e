namespace Cocreo.Budgeting.Election;

/// <summary>
/// A project citizens can vote for: its identifier, its cost and whatever else its election publishes about it
/// (name, category, official vote count, whether it was selected ...), kept as the text of the pabulib columns.
/// </summary>
public sealed class Project
{
    private readonly IReadOnlyList<string> _columns;
    private readonly string[] _values;

    internal Project(string id, decimal cost, IReadOnlyList<string> columns, string[] values, int index)
    {
        Id = id;
        Cost = cost;
        _columns = columns;
        _values = values;
        Index = index;
    }

    /// <summary>Creates a project with no other fields than its identifier and cost.</summary>
    public Project(string id, decimal cost)
        : this(id, cost, [], [], -1)
    {
    }

    /// <summary>The identifier (pabulib <c>project_id</c>), unique within its instance.</summary>
    public string Id { get; }

    /// <summary>What the project costs, in the currency of its instance.</summary>
    public decimal Cost { get; }

    /// <summary>The position of the project in its instance.</summary>
    public int Index { get; internal set; }

    /// <summary>The other columns of the project, in the order of the file, with their values.</summary>
    public IEnumerable<KeyValuePair<string, string>> Fields => _columns.Select((column, i) => KeyValuePair.Create(column, _values[i]));

    /// <summary>The value of another column (e.g. <c>name</c>, <c>votes</c>, <c>selected</c>), or null when the project has none.</summary>
    public string? this[string column]
    {
        get
        {
            for (var i = 0; i < _columns.Count; i++)
            {
                if (string.Equals(_columns[i], column, StringComparison.OrdinalIgnoreCase))
                {
                    return _values[i];
                }
            }
            return null;
        }
    }

    /// <summary>The project's name when it has one, else its identifier.</summary>
    public string Name => this["name"] is { Length: > 0 } name ? name : Id;

    /// <inheritdoc />
    public override string ToString() => Id;
}
