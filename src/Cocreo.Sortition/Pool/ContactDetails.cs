namespace Cocreo.Sortition;

/// <summary>
/// The columns of a pool file that are neither the id nor a feature (names, e-mail, phone, address...).
/// They are carried so that the organiser's own systems can reach selected people, and never used by
/// any algorithm. <see cref="ToString"/> deliberately withholds them so they cannot leak into logs.
/// </summary>
public sealed class ContactDetails
{
    private readonly Dictionary<string, string> values;

    /// <summary>Creates contact details from column name and value pairs.</summary>
    public ContactDetails(IEnumerable<KeyValuePair<string, string>> values)
    {
        this.values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No contact details.</summary>
    public static ContactDetails None { get; } = new([]);

    /// <summary>The names of the carried columns.</summary>
    public IReadOnlyCollection<string> Columns => values.Keys;

    /// <summary>The value of one carried column, for the organiser's own use (never shown by Cocreo's engine or CLI).</summary>
    public string? this[string column] => values.TryGetValue(column, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => "(contact details withheld)";
}
