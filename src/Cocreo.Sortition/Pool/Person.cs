using System.Text.Json.Serialization;

namespace Cocreo.Sortition;

/// <summary>
/// A member of the pool of volunteers: a pseudonymous id, one value for every feature, an optional household
/// (a hash of the address, never the address), and contact details that no algorithm looks at.
/// </summary>
public sealed class Person
{
    private readonly int[] valueIndexes;

    /// <summary>Creates a person; <paramref name="valueIndexes"/> holds, for each feature of the pool, the index of the person's value.</summary>
    public Person(string id, IReadOnlyList<int> valueIndexes, string? household = null, ContactDetails? contact = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        this.valueIndexes = valueIndexes.ToArray();
        Household = household;
        Contact = contact ?? ContactDetails.None;
    }

    /// <summary>The pseudonymous id (the id column of the pool file, or the row number when it has none).</summary>
    public string Id { get; }

    /// <summary>For each feature of the pool (in order), the index of this person's value.</summary>
    public IReadOnlyList<int> ValueIndexes => valueIndexes;

    /// <summary>A SHA-256 hash identifying the person's household, or null when no household constraint applies.</summary>
    public string? Household { get; }

    /// <summary>Contact details carried for the organiser; never serialised, printed or used.</summary>
    [JsonIgnore]
    public ContactDetails Contact { get; }

    internal int[] Values => valueIndexes;

    /// <inheritdoc />
    public override string ToString() => Id;
}
