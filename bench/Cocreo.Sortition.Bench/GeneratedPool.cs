using System.Globalization;
using System.Text;

namespace Cocreo.Sortition.Bench;

/// <summary>
/// A synthetic pool shaped like the paper's largest instance, sf_e (n = 1,727, k = 110, 7 quota categories), whose
/// data is not public: seven features whose pool shares are skewed the way volunteer pools are (older, more educated,
/// more concerned) against quotas set around population shares. Features are drawn independently, which makes most
/// profiles distinct: a harder case for grouping than real pools, whose features correlate.
/// </summary>
internal static class GeneratedPool
{
    private sealed record Spec(string Name, string[] Values, double[] Population, double[] Pool);

    private static readonly Spec[] Specs =
    [
        new("gender", ["female", "male", "other"], [0.51, 0.48, 0.01], [0.55, 0.44, 0.01]),
        new("age", ["16-29", "30-44", "45-59", "60-74", "75+"], [0.22, 0.24, 0.25, 0.19, 0.10], [0.12, 0.20, 0.28, 0.28, 0.12]),
        new("education", ["none", "level 1", "level 2-3", "level 4+"], [0.18, 0.12, 0.30, 0.40], [0.06, 0.08, 0.26, 0.60]),
        new("region", ["north", "north-east", "east", "south-east", "south", "south-west", "west", "centre"],
            [0.14, 0.10, 0.12, 0.16, 0.13, 0.10, 0.11, 0.14], [0.10, 0.08, 0.13, 0.20, 0.15, 0.12, 0.09, 0.13]),
        new("ethnicity", ["white", "mixed", "asian", "black", "other"], [0.85, 0.03, 0.07, 0.03, 0.02], [0.90, 0.02, 0.05, 0.02, 0.01]),
        new("area", ["urban", "rural"], [0.80, 0.20], [0.75, 0.25]),
        new("climate concern", ["very", "fairly", "not very", "not at all"], [0.35, 0.40, 0.15, 0.10], [0.55, 0.30, 0.10, 0.05]),
    ];

    /// <summary>Writes categories.csv and respondents.csv (the paper's format) for a pool of n people and panel size k.</summary>
    public static void Write(string folder, int n = 1727, int k = 110, int seed = 2021)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var categories = new StringBuilder("category,feature,min,max\n");
        foreach (var spec in Specs)
        {
            for (var v = 0; v < spec.Values.Length; v++)
            {
                var target = spec.Population[v] * k;
                var slack = Math.Max(1, (int)Math.Round(0.1 * target));
                var min = Math.Max(0, (int)Math.Round(target) - slack);
                var max = (int)Math.Round(target) + slack;
                categories.Append(CultureInfo.InvariantCulture, $"{spec.Name},{spec.Values[v]},{min},{max}\n");
            }
        }
        File.WriteAllText(Path.Combine(folder, "categories.csv"), categories.ToString());
        var respondents = new StringBuilder(string.Join(',', Specs.Select(s => s.Name)) + "\n");
        for (var i = 0; i < n; i++)
        {
            respondents.Append(string.Join(',', Specs.Select(s => s.Values[Draw(s.Pool, random)]))).Append('\n');
        }
        File.WriteAllText(Path.Combine(folder, "respondents.csv"), respondents.ToString());
    }

    private static int Draw(double[] shares, Random random)
    {
        var u = random.NextDouble() * shares.Sum();
        for (var i = 0; i < shares.Length; i++)
        {
            u -= shares[i];
            if (u < 0)
            {
                return i;
            }
        }
        return shares.Length - 1;
    }
}
