namespace Cocreo.Sortition.Tests;

public class LeximinTests
{
    [Theory]
    [InlineData("example_small_20", 20)]
    [InlineData("example_large_200", 200)]
    public void On_the_papers_examples_everyone_gets_k_over_n(string instance, int panelSize)
    {
        var input = Instances.Paper(instance, panelSize);

        var result = Leximin.Select(input.Pool, input.Quotas);

        var expected = (double)panelSize / input.Pool.Count;
        Assert.Equal(0.1, expected);
        Assert.All(result.Probabilities, p => Assert.Equal(expected, p.Probability, 1e-6));
        Assert.Equal(panelSize, result.Probabilities.Sum(p => p.Probability), 1e-6);
        Assert.Empty(result.Distribution!.Problems(input.Pool, input.Quotas));
        Assert.All(result.Distribution.Panels, panel => Assert.Equal(panelSize, panel.Size));
    }

    [Fact]
    public void Every_panel_of_the_scottish_distribution_meets_the_quotas_and_the_probabilities_sum_to_k()
    {
        var input = Instances.Scotland();

        var result = Leximin.Select(input.Pool, input.Quotas);

        Assert.True(result.Feasibility.IsFeasible);
        Assert.Empty(result.Distribution!.Problems(input.Pool, input.Quotas));
        Assert.Equal(22, result.Probabilities.Sum(p => p.Probability), 1e-6);
        // Expanding each panel into concrete people (the first members of each group) gives valid panels too.
        foreach (var panel in result.Distribution.Panels)
        {
            var people = panel.Seats.SelectMany(s => result.Distribution.Groups[s.Group].MemberIds.Take(s.Seats)).Select(id => input.Pool[id]).ToArray();
            Assert.Empty(input.Quotas.Violations(people));
        }
    }

    [Theory]
    [InlineData(1, 8, 3, false)]
    [InlineData(2, 9, 3, false)]
    [InlineData(3, 10, 4, false)]
    [InlineData(4, 10, 3, false)]
    [InlineData(5, 11, 4, false)]
    [InlineData(6, 9, 4, false)]
    [InlineData(7, 10, 3, true)]
    [InlineData(8, 10, 4, true)]
    [InlineData(9, 11, 3, true)]
    public void Small_random_pools_agree_with_brute_force_over_all_panels(int seed, int n, int k, bool households)
    {
        var input = Instances.RandomSmall(seed, n, k, households);
        // The seeds are chosen so that their random quotas are feasible; a seed that is not would test nothing.
        Assert.True(input is not null, $"the random quotas of seed {seed} are infeasible: choose another seed");

        var result = Leximin.Select(input!.Pool, input.Quotas);
        var byStages = Leximin.Select(input.Pool, input.Quotas, new LeximinOptions { StartFromRelaxation = false });
        // The paper's stages with nothing from the relaxation: every stage proved by pricing alone, on the warm-started,
        // unscaled master program.
        var pure = Leximin.Select(input.Pool, input.Quotas, new LeximinOptions { StartFromRelaxation = false, BoundStagesByRelaxation = false });
        var expected = BruteForce.Leximin(input);

        Assert.Equal(0, pure.Solver!.StagesByRelaxation);
        for (var i = 0; i < input.Pool.Count; i++)
        {
            Assert.Equal(expected[i], result.Probabilities[i].Probability, 1e-7);
            Assert.Equal(expected[i], byStages.Probabilities[i].Probability, 1e-7);
            Assert.Equal(expected[i], pure.Probabilities[i].Probability, 1e-7);
        }
        Assert.Empty(result.Distribution!.Problems(input.Pool, input.Quotas));
        Assert.Empty(byStages.Distribution!.Problems(input.Pool, input.Quotas));
        Assert.Empty(pure.Distribution!.Problems(input.Pool, input.Quotas));
    }

    [Fact]
    public void When_fractional_seats_promise_more_than_whole_panels_give_the_stages_find_the_true_leximin()
    {
        // With one person per value pair, the quotas (one of each value, two seats) are met by fractional seats in many
        // ways, but only {p1, p5} is a whole panel.
        var input = Instances.FromText(
            "category,feature,min,max\na,0,1,1\na,1,1,1\nb,0,1,1\nb,1,1,1\nc,0,1,1\nc,1,1,1\n",
            "id,a,b,c\np1,0,0,0\np2,0,1,1\np3,1,0,1\np4,1,1,0\np5,1,1,1\n",
            panelSize: 2);

        var result = Leximin.Select(input.Pool, input.Quotas);

        Assert.Equal([1, 0, 0, 0, 1], result.Probabilities.Select(p => Math.Round(p.Probability, 9)));
        Assert.Equal(BruteForce.Leximin(input), result.Probabilities.Select(p => p.Probability), (a, b) => Math.Abs(a - b) < 1e-7);
        Assert.Contains(result.Explanation, line => line.Contains("stage by stage", StringComparison.Ordinal));
    }

    [Fact]
    public void On_the_scottish_pool_the_classic_stages_and_the_relaxation_give_the_same_probabilities()
    {
        var input = Instances.Scotland();

        var fromRelaxation = Leximin.Select(input.Pool, input.Quotas);
        var byStages = Leximin.Select(input.Pool, input.Quotas, new LeximinOptions { StartFromRelaxation = false });

        Assert.Contains(fromRelaxation.Explanation, line => line.StartsWith("Proof of optimality", StringComparison.Ordinal));
        Assert.Contains(byStages.Explanation, line => line.Contains("stage by stage", StringComparison.Ordinal));
        Assert.Empty(byStages.Distribution!.Problems(input.Pool, input.Quotas));
        for (var i = 0; i < input.Pool.Count; i++)
        {
            Assert.Equal(fromRelaxation.Probabilities[i].Probability, byStages.Probabilities[i].Probability, 1e-6);
        }
    }

    [Fact]
    public void On_a_generated_mid_size_pool_the_pure_stages_the_bounded_stages_and_the_relaxation_agree()
    {
        // 250 people with seven independent features: most profiles are distinct, so the stages need many columns.
        var input = Instances.Generated(250, 25, 11);

        var fromRelaxation = Leximin.Select(input.Pool, input.Quotas);
        var pure = Leximin.Select(input.Pool, input.Quotas, new LeximinOptions { StartFromRelaxation = false, BoundStagesByRelaxation = false });
        var bounded = Leximin.Select(input.Pool, input.Quotas, new LeximinOptions { StartFromRelaxation = false });

        Assert.Equal(0, pure.Solver!.StagesByRelaxation);
        Assert.True(bounded.Solver!.StagesByRelaxation > 0);
        Assert.Null(pure.Solver.Gap);
        foreach (var stages in new[] { pure, bounded })
        {
            Assert.Empty(stages.Distribution!.Problems(input.Pool, input.Quotas));
            Assert.Equal(fromRelaxation.Statistics.Minimum, stages.Statistics.Minimum, 1e-6);
            for (var i = 0; i < input.Pool.Count; i++)
            {
                Assert.Equal(fromRelaxation.Probabilities[i].Probability, stages.Probabilities[i].Probability, 1e-6);
            }
        }
    }

    [Fact]
    public void A_run_stopped_by_its_time_limit_returns_a_valid_lottery_with_its_gap()
    {
        var input = Instances.Generated(250, 25, 11);

        var full = Leximin.Select(input.Pool, input.Quotas);
        var stopped = Leximin.Select(input.Pool, input.Quotas, new LeximinOptions { StartFromRelaxation = false, BoundStagesByRelaxation = false, TimeLimit = TimeSpan.Zero });

        Assert.Empty(stopped.Distribution!.Problems(input.Pool, input.Quotas));
        var gap = Assert.IsType<double>(stopped.Solver!.Gap);
        var reached = Assert.IsType<double>(stopped.Solver.StoppedAt);
        // Everyone has at least the value reached, and the stated bound is a true upper bound on the optimal minimum.
        Assert.True(stopped.Statistics.Minimum >= reached - 1e-9);
        Assert.True(reached <= full.Statistics.Minimum + 1e-9);
        Assert.True(reached + gap >= full.Statistics.Minimum - 1e-9);
        Assert.Contains(stopped.Explanation, line => line.Contains("time limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Maximin_reaches_the_same_lowest_probability_as_leximin()
    {
        var input = Instances.Scotland();

        var leximin = Leximin.Select(input.Pool, input.Quotas);
        var maximin = Maximin.Select(input.Pool, input.Quotas);

        Assert.Equal(leximin.Statistics.Minimum, maximin.Statistics.Minimum, 1e-7);
        Assert.Empty(maximin.Distribution!.Problems(input.Pool, input.Quotas));
    }

    [Fact]
    public void People_with_the_same_features_get_the_same_probability_and_the_explanation_says_why()
    {
        var input = Instances.Paper("example_small_20", 20);

        var result = Leximin.Select(input.Pool, input.Quotas);

        Assert.Equal(3, result.Distribution!.Groups.Count);
        Assert.Contains(result.Explanation, line => line.Contains("3 profile groups", StringComparison.Ordinal));
        Assert.Single(result.Levels);
        Assert.Equal(200, result.Levels[0].People);
    }

    [Fact]
    public void Infeasible_quotas_give_a_diagnosis_instead_of_an_exception()
    {
        var input = Instances.FromText("category,feature,min,max\ng,f,3,3\ng,m,3,3\n", "g\nf\nf\nm\nm\nm\n", panelSize: 4);

        var result = Leximin.Select(input.Pool, input.Quotas);

        Assert.False(result.Feasibility.IsFeasible);
        Assert.Null(result.Distribution);
        Assert.Empty(result.Probabilities);
    }
}
