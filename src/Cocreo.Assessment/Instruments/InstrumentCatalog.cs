using System.Reflection;

namespace Cocreo.Assessment;

/// <summary>
/// The instruments shipped with this library (Co-Ready, Co-Serve, Co-Master), every version of each.
/// Old versions stay in the catalog so that answers given to them can still be scored by the rules they were answered under.
/// </summary>
public static class InstrumentCatalog
{
    /// <summary>The Co-Ready instrument: is our organisation ready for co-creation?</summary>
    public const string CoReady = "co-ready";

    /// <summary>The Co-Serve instrument: which service should we renew through co-creation?</summary>
    public const string CoServe = "co-serve";

    /// <summary>The Co-Master instrument: how good was our co-creation?</summary>
    public const string CoMaster = "co-master";

    private const string ResourcePrefix = "Cocreo.Assessment.Instruments.";

    private static readonly Lazy<IReadOnlyList<Instrument>> Shipped = new(LoadShipped);

    /// <summary>Every shipped instrument version, by id and then version.</summary>
    public static IReadOnlyList<Instrument> All => Shipped.Value;

    /// <summary>The instrument with this id and version.</summary>
    /// <exception cref="KeyNotFoundException">No such instrument or version; the message lists what exists.</exception>
    public static Instrument Load(string id, string version)
    {
        var instrument = All.FirstOrDefault(i => i.Id == id && i.Version == version);
        if (instrument is not null)
        {
            return instrument;
        }
        var versions = All.Where(i => i.Id == id).Select(i => i.Version).ToList();
        throw new KeyNotFoundException(versions.Count > 0
            ? $"Instrument {id} has no version {version}; the versions are {string.Join(", ", versions)}."
            : $"There is no instrument '{id}'; the instruments are {string.Join(", ", All.Select(i => i.Id).Distinct())}.");
    }

    /// <summary>The newest version of an instrument, for new assessments.</summary>
    /// <exception cref="KeyNotFoundException">No such instrument.</exception>
    public static Instrument Latest(string id) =>
        All.Where(i => i.Id == id).MaxBy(i => System.Version.Parse(i.Version))
            ?? throw new KeyNotFoundException(
                $"There is no instrument '{id}'; the instruments are {string.Join(", ", All.Select(i => i.Id).Distinct())}.");

    private static List<Instrument> LoadShipped()
    {
        var assembly = typeof(InstrumentCatalog).Assembly;
        var instruments = new List<Instrument>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..];
            var instrument = Instrument.Parse(Read(assembly, resource), fileName);
            // The file name is how people find a version in the repository; it must not lie.
            var expected = $"{instrument.Id}.{instrument.Version}.json";
            if (fileName != expected)
            {
                throw new InstrumentFormatException($"{fileName}: the file holds {instrument.Name}; name it {expected}.");
            }
            instruments.Add(instrument);
        }
        return [.. instruments.OrderBy(i => i.Id, StringComparer.Ordinal).ThenBy(i => System.Version.Parse(i.Version))];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
