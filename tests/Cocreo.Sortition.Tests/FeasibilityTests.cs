namespace Cocreo.Sortition.Tests;

public class FeasibilityTests
{
    [Fact]
    public void The_scottish_quotas_can_be_met_for_a_panel_of_22()
    {
        var input = Instances.Scotland();

        Assert.True(Feasibility.Check(input.Pool, input.Quotas).IsFeasible);
    }

    [Fact]
    public void Minimums_adding_up_to_more_than_the_panel_are_diagnosed_with_the_conflict_and_the_smallest_relaxation()
    {
        var input = Instances.Scotland();
        // Female at least 13 and Male at least 11 need 24 seats on a panel of 22.
        var quotas = input.Quotas.With([input.Quotas[0, 0] with { Min = 13, Max = 13 }, input.Quotas[0, 1] with { Min = 11 }]);

        var report = Feasibility.Check(input.Pool, quotas);

        Assert.False(report.IsFeasible);
        Assert.Contains(report.Findings, f => f.Contains("Gender: the minimums add up to 24, more than the panel size 22", StringComparison.Ordinal));
        Assert.Equal(["Gender=Female at least 13", "Gender=Male at least 11"], report.Conflict.Select(b => b.ToString()).Order());
        Assert.Equal(2, report.Relaxation.Sum(r => r.Quota.Min - r.NewMin + r.NewMax - r.Quota.Max));
        AssertRelaxationWorks(input.Pool, quotas, report);
        AssertConflictIsIrreducible(input.Pool, quotas, report);
    }

    [Fact]
    public void A_minimum_no_one_in_the_pool_can_fill_is_named()
    {
        var input = Instances.Scotland();
        var quotas = input.Quotas.With([input.Quotas[1, 0] with { Min = 1, Max = 1 }]); // age 0-15: nobody in the pool

        var report = Feasibility.Check(input.Pool, quotas);

        Assert.False(report.IsFeasible);
        Assert.Contains("age_bracket=0-15: the quota asks for at least 1, but only 0 people in the pool have this value.", report.Findings);
        Assert.Equal(["age_bracket=0-15 at least 1"], report.Conflict.Select(b => b.ToString()));
        AssertRelaxationWorks(input.Pool, quotas, report);
    }

    [Fact]
    public void Quotas_that_interact_across_features_are_diagnosed_by_the_integer_program()
    {
        // Every single-feature count adds up, but no whole panel exists (fractional seats would do).
        var input = Instances.FromText(
            "category,feature,min,max\na,0,1,1\na,1,1,1\nb,0,1,1\nb,1,1,1\nc,0,1,1\nc,1,1,1\n",
            "id,a,b,c\np1,0,0,0\np2,0,1,1\np3,1,0,1\np4,1,1,0\n",
            panelSize: 2);

        var report = Feasibility.Check(input.Pool, input.Quotas);

        Assert.False(report.IsFeasible);
        Assert.Empty(report.Findings);
        Assert.NotEmpty(report.Conflict);
        AssertConflictIsIrreducible(input.Pool, input.Quotas, report);
        AssertRelaxationWorks(input.Pool, input.Quotas, report);
    }

    [Fact]
    public void Relaxing_within_the_flexible_bounds_is_preferred()
    {
        // One more seat is needed: raising f's maximum (not flexible) or m's maximum (flexible up to 3) both cost one seat.
        var input = Instances.FromText(
            "feature,value,min,max,min_flex,max_flex\ng,f,2,2,2,2\ng,m,0,2,0,3\n",
            "g\nf\nf\nf\nm\nm\nm\n",
            panelSize: 5);

        var report = Feasibility.Check(input.Pool, input.Quotas);

        Assert.False(report.IsFeasible);
        var relaxation = Assert.Single(report.Relaxation);
        Assert.Equal("m", relaxation.Quota.Value);
        Assert.Equal(3, relaxation.NewMax);
        Assert.False(relaxation.BeyondFlexibleBounds);
    }

    [Fact]
    public void A_pool_smaller_than_the_panel_cannot_be_fixed_by_relaxing_quotas()
    {
        var input = Instances.FromText("category,feature,min,max\ng,f,0,5\ng,m,0,5\n", "g\nf\nm\n", panelSize: 5);

        var report = Feasibility.Check(input.Pool, input.Quotas);

        Assert.False(report.IsFeasible);
        Assert.False(report.RelaxationSuffices);
        Assert.Contains("The pool has 2 people; the panel needs 5.", report.Findings);
    }

    private static void AssertRelaxationWorks(Pool pool, QuotaSet quotas, FeasibilityReport report)
    {
        var relaxed = quotas.With(report.Relaxation.Select(r => r.Quota with { Min = r.NewMin, Max = r.NewMax }));
        Assert.True(Feasibility.Check(pool, relaxed).IsFeasible);
    }

    private static void AssertConflictIsIrreducible(Pool pool, QuotaSet quotas, FeasibilityReport report)
    {
        // The conflicting bounds alone (every other bound dropped) are infeasible...
        Assert.False(Feasibility.Check(pool, KeepOnly(quotas, report.Conflict)).IsFeasible);
        // ...and dropping any one of them makes the rest feasible.
        foreach (var bound in report.Conflict)
        {
            Assert.True(Feasibility.Check(pool, KeepOnly(quotas, report.Conflict.Where(b => b != bound).ToArray())).IsFeasible);
        }
    }

    private static QuotaSet KeepOnly(QuotaSet quotas, IReadOnlyCollection<QuotaBound> bounds) =>
        new(quotas.Features, quotas.Quotas.Select(q => q with
        {
            Min = bounds.Any(b => b.IsMinimum && b.Quota == q) ? q.Min : 0,
            Max = bounds.Any(b => !b.IsMinimum && b.Quota == q) ? q.Max : quotas.PanelSize,
        }), quotas.PanelSize, quotas.OnePerHousehold);
}
