using Cocreo.Testing;

namespace Cocreo.Sortition.Tests;

public class PaperExampleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("example_small_20", 20)]
    [InlineData("example_large_200", 200)]
    public void Leximin_gives_every_person_k_over_n(string instance, int panelSize)
    {
        var folder = SharedData.Require("sortition/" + instance);
        var input = PoolFiles.Read(Path.Combine(folder, "categories.csv"), Path.Combine(folder, "respondents.csv"), panelSize);

        var result = Leximin.Select(input.Pool, input.Quotas);

        foreach (var line in result.Explanation) output.WriteLine(line);
        output.WriteLine(result.Solver!.ToString());
        var expected = (double)panelSize / input.Pool.Count;
        Assert.All(result.Probabilities, p => Assert.Equal(expected, p.Probability, 1e-6));
        Assert.Equal(panelSize, result.Probabilities.Sum(p => p.Probability), 1e-6);
        Assert.Empty(result.Distribution!.Problems(input.Pool, input.Quotas));
    }
}
