using Cocreo.Testing;

namespace Cocreo.Sortition.Tests;

/// <summary>Pools and quotas for the tests: the published instances, and small ones written inline.</summary>
internal static class Instances
{
    public static SelectionInput Paper(string instance, int panelSize)
    {
        var folder = SharedData.Require("sortition/" + instance);
        return PoolFiles.Read(Path.Combine(folder, "categories.csv"), Path.Combine(folder, "respondents.csv"), panelSize);
    }

    public static SelectionInput Scotland(int panelSize = 22, PoolReadOptions? options = null)
    {
        var folder = SharedData.Require("sortition/scotland_150");
        return PoolFiles.Read(Path.Combine(folder, "features.csv"), Path.Combine(folder, "candidates.csv"), panelSize, options);
    }

    /// <summary>A pool shaped like the paper's sf_e (seven independent features, quotas ±10 % around population shares), of n people.</summary>
    public static SelectionInput Generated(int n, int panelSize, int seed)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cocreo-sortition-generated-{n}-{panelSize}-{seed}-{Guid.NewGuid():N}");
        try
        {
            Cocreo.Sortition.Bench.GeneratedPool.Write(folder, n, panelSize, seed);
            return PoolFiles.Read(Path.Combine(folder, "categories.csv"), Path.Combine(folder, "respondents.csv"), panelSize);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Reads a quota file and a pool file given as text (the paper's or the Sortition Foundation's format).</summary>
    public static SelectionInput FromText(string quotas, string pool, int panelSize, PoolReadOptions? options = null) =>
        PoolFiles.Read(new StringReader(quotas), "quotas.csv", new StringReader(pool), "pool.csv", panelSize, options);

    /// <summary>
    /// A random small pool (n people, up to three features with two or three values each) with quotas around the pool
    /// shares, small enough to enumerate every panel. Returns null when the quotas happen to be infeasible.
    /// </summary>
    public static SelectionInput? RandomSmall(int seed, int n, int panelSize, bool households = false)
    {
        var random = new Random(seed);
        var features = Enumerable.Range(0, 1 + random.Next(3)).Select(f => (Name: "f" + f, Values: Enumerable.Range(0, 2 + random.Next(2)).Select(v => "v" + v).ToArray())).ToArray();
        var rows = Enumerable.Range(0, n).Select(_ => features.Select(f => f.Values[random.Next(f.Values.Length)]).ToArray()).ToArray();
        var quotas = "category,feature,min,max\n";
        foreach (var (name, values) in features)
        {
            foreach (var value in values)
            {
                var share = (double)rows.Count(r => r[Array.IndexOf(features.Select(x => x.Name).ToArray(), name)] == value) / n * panelSize;
                var min = Math.Max(0, (int)Math.Floor(share) - random.Next(2));
                var max = (int)Math.Ceiling(share) + random.Next(2);
                quotas += $"{name},{value},{min},{max}\n";
            }
        }
        var header = string.Join(',', features.Select(f => f.Name)) + (households ? ",address" : "");
        var pool = header + "\n" + string.Join("\n", rows.Select((r, i) => string.Join(',', r) + (households ? $",street {i / 2 + (i % 3 == 0 ? 100 : 0)}" : "")));
        var input = FromText(quotas, pool, panelSize, households ? new PoolReadOptions { HouseholdColumns = ["address"] } : null);
        return Feasibility.Check(input.Pool, input.Quotas).IsFeasible ? input : null;
    }
}
