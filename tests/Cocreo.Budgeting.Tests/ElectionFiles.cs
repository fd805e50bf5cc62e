using System.Collections.Concurrent;
using Cocreo.Budgeting.Pabulib;
using Cocreo.Testing;

namespace Cocreo.Budgeting.Tests;

/// <summary>Reads each conformance file once per test run.</summary>
internal static class ElectionFiles
{
    private static readonly ConcurrentDictionary<string, PabulibElection> Cache = new();

    public static PabulibElection Read(string fileName) =>
        Cache.GetOrAdd(fileName, name => PabulibReader.ReadFile(SharedData.Require("pabulib/" + name)));

    public static IEnumerable<string> AllFileNames()
    {
        var folder = SharedData.Root is { } root ? Path.Combine(root, "pabulib") : null;
        return folder is not null && Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.pb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!
            : [];
    }

    public static string[] Ids(IEnumerable<Election.Project> projects) => projects.Select(p => p.Id).Order(StringComparer.Ordinal).ToArray();
}
