namespace Cocreo.Sortition.Tests;

/// <summary>
/// The restricted master program of the LEXIMIN stages lives through a whole run: columns arrive in batches, groups are
/// fixed, and GLOP (presolve and scaling off) warm-starts every solve from the last basis. These tests check that this
/// gives the same optimum as the same program built and solved in one go.
/// </summary>
public class FairnessLpTests
{
    [Fact]
    public void The_warm_started_unscaled_master_gives_the_optimum_of_the_same_program_solved_from_scratch()
    {
        var input = Instances.Generated(250, 25, 11);
        var groups = ProfileGroup.Form(input.Pool, input.Quotas);
        var space = new PanelSpace(input.Pool, input.Quotas, groups);
        using var pricing = PanelPricing.Create(space, PricingSolver.CpSat);
        var random = new Random(5);
        var panels = new List<Composition>();
        var known = new HashSet<Composition>();
        for (var attempt = 0; attempt < 300 && panels.Count < 120; attempt++)
        {
            var weight = Enumerable.Range(0, space.GroupCount).Select(_ => random.NextDouble()).ToArray();
            var panel = Composition.FromDense(pricing.Best(weight)!);
            if (known.Add(panel))
            {
                panels.Add(panel);
            }
        }
        Assert.True(panels.Count >= 60, $"only {panels.Count} distinct panels");

        using var warm = new FairnessLp(space.Capacity);
        var fixedGroup = -1;
        var fixedLevel = 0.0;
        for (var i = 0; i < panels.Count; i++)
        {
            warm.AddPanel(panels[i]);
            if (i % 15 == 14)
            {
                Assert.True(warm.Solve());
                if (i == 44)
                {
                    // Fix the group with the largest dual at a level below the value: the program stays feasible.
                    fixedGroup = Enumerable.Range(0, space.GroupCount).MaxBy(warm.GroupDual);
                    fixedLevel = warm.Z * 0.9;
                    warm.Fix(fixedGroup, fixedLevel);
                }
            }
        }
        Assert.True(warm.Solve());

        using var cold = new FairnessLp(space.Capacity);
        foreach (var panel in panels)
        {
            cold.AddPanel(panel);
        }
        cold.Fix(fixedGroup, fixedLevel);
        Assert.True(cold.Solve());

        Assert.Equal(cold.Z, warm.Z, 1e-9);
        Assert.Equal(cold.PanelThreshold, warm.PanelThreshold, 1e-9);
        // The warm solution is a lottery meeting every row: each open group at least z, the fixed group its level.
        var probability = new double[space.GroupCount];
        for (var i = 0; i < panels.Count; i++)
        {
            Assert.True(warm.Weight(i) >= -1e-12);
            for (var j = 0; j < panels[i].Groups.Length; j++)
            {
                var g = panels[i].Groups[j];
                probability[g] += warm.Weight(i) * panels[i].Seats[j] / space.Capacity[g];
            }
        }
        Assert.Equal(1, Enumerable.Range(0, panels.Count).Sum(warm.Weight), 1e-9);
        for (var g = 0; g < space.GroupCount; g++)
        {
            Assert.True(probability[g] >= (g == fixedGroup ? fixedLevel : warm.Z) - 1e-9, $"group {g}: {probability[g]} below its row");
        }
    }
}
