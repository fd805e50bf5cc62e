namespace Cocreo.Sortition;

/// <summary>The people who volunteered to be selected, described by the features the quotas are set on.</summary>
public sealed class Pool
{
    private readonly Dictionary<string, int> indexById;

    /// <summary>Creates a pool; ids must be distinct and every person must have a valid value for every feature.</summary>
    public Pool(IEnumerable<Feature> features, IEnumerable<Person> people)
    {
        Features = features.ToArray();
        People = people.ToArray();
        indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < People.Count; i++)
        {
            var person = People[i];
            if (!indexById.TryAdd(person.Id, i))
            {
                throw new ArgumentException($"The pool holds the id '{person.Id}' twice.", nameof(people));
            }
            if (person.ValueIndexes.Count != Features.Count)
            {
                throw new ArgumentException($"Person '{person.Id}' has {person.ValueIndexes.Count} feature values; the pool has {Features.Count} features.", nameof(people));
            }
            for (var f = 0; f < Features.Count; f++)
            {
                if ((uint)person.ValueIndexes[f] >= (uint)Features[f].Values.Count)
                {
                    throw new ArgumentException($"Person '{person.Id}' has no valid value for feature '{Features[f].Name}'.", nameof(people));
                }
            }
        }
    }

    /// <summary>The features, in the order of the quota file.</summary>
    public IReadOnlyList<Feature> Features { get; }

    /// <summary>The people, in the order of the pool file.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>The number of people in the pool (n).</summary>
    public int Count => People.Count;

    /// <summary>The position of the person with this id, or -1.</summary>
    public int IndexOf(string id) => indexById.TryGetValue(id, out var index) ? index : -1;

    /// <summary>The person with this id.</summary>
    /// <exception cref="KeyNotFoundException">No one in the pool has this id.</exception>
    public Person this[string id] => IndexOf(id) is var index and >= 0
        ? People[index]
        : throw new KeyNotFoundException($"No one in the pool has the id '{id}'.");

    /// <summary>The value a person has for a feature.</summary>
    public string ValueOf(Person person, int feature) => Features[feature].Values[person.Values[feature]];

    /// <summary>The number of people having each value of a feature.</summary>
    public int[] CountByValue(int feature)
    {
        var counts = new int[Features[feature].Values.Count];
        foreach (var person in People)
        {
            counts[person.Values[feature]]++;
        }
        return counts;
    }

    /// <summary>A pool of the people who satisfy the predicate, with the same features.</summary>
    public Pool Where(Func<Person, bool> keep) => new(Features, People.Where(keep));
}
