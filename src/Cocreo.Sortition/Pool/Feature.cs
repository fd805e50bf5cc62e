namespace Cocreo.Sortition;

/// <summary>
/// A characteristic that quotas are set on (gender, age bracket, region...), with the values a person can have,
/// in the order the quota file lists them.
/// </summary>
public sealed class Feature
{
    private readonly Dictionary<string, int> indexByValue;

    /// <summary>Creates a feature; values must be distinct.</summary>
    public Feature(string name, IEnumerable<string> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Values = values.ToArray();
        indexByValue = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Values.Count; i++)
        {
            if (!indexByValue.TryAdd(Values[i], i))
            {
                throw new ArgumentException($"Feature '{name}' lists the value '{Values[i]}' twice.", nameof(values));
            }
        }
        if (Values.Count == 0)
        {
            throw new ArgumentException($"Feature '{name}' has no values.", nameof(values));
        }
    }

    /// <summary>The feature's name as written in the files (e.g. "Gender").</summary>
    public string Name { get; }

    /// <summary>The values, in file order (this order also breaks LEGACY's ties, as in the Sortition Foundation's code).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The position of a value in <see cref="Values"/>, or -1 when the feature has no such value.</summary>
    public int IndexOf(string value) => indexByValue.TryGetValue(value, out var index) ? index : -1;

    /// <inheritdoc />
    public override string ToString() => Name;
}
