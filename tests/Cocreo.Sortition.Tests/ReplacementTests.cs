namespace Cocreo.Sortition.Tests;

public class ReplacementTests
{
    [Theory]
    [InlineData("first seed", 2)]
    [InlineData("second seed", 5)]
    // Its relaxation leaves levels of 1e-17 where they are 0; once they made GLOP fail.
    [InlineData("third seed", 3)]
    public void Every_possible_replacement_keeps_every_quota_of_the_panel(string seed, int dropoutCount)
    {
        var input = Instances.Scotland();
        var distribution = Leximin.Select(input.Pool, input.Quotas).Distribution!;
        var panel = Lottery.Draw(distribution, seed).Members;
        var dropouts = panel.Take(dropoutCount).ToArray();

        var plan = Replacement.Plan(input.Pool, input.Quotas, panel, dropouts);

        Assert.True(plan.Selection.Feasibility.IsFeasible);
        Assert.DoesNotContain(plan.Candidates.People, p => panel.Contains(p.Id));
        var replacements = plan.Selection.Distribution!;
        Assert.Empty(replacements.Problems(plan.Candidates, plan.VacancyQuotas));
        Assert.Equal(dropoutCount, plan.Selection.Probabilities.Sum(p => p.Probability), 1e-6);
        // Whatever replacement set the lottery draws, the renewed panel meets the original quotas.
        foreach (var option in replacements.Panels)
        {
            var newcomers = option.Seats.SelectMany(s => replacements.Groups[s.Group].MemberIds.Take(s.Seats));
            var renewed = plan.Remaining.Concat(newcomers).Select(id => input.Pool[id]).ToArray();
            Assert.Empty(input.Quotas.Violations(renewed));
        }
        var drawn = Lottery.Draw(replacements, seed + " replacements");
        Assert.Empty(input.Quotas.Violations(plan.Remaining.Concat(drawn.Members).Select(id => input.Pool[id]).ToArray()));
        Assert.Equal(drawn.Members, Lottery.Draw(replacements, seed + " replacements").Members);
    }

    [Fact]
    public void A_lone_dropout_no_candidate_can_stand_in_for_is_diagnosed_with_the_smallest_relaxation()
    {
        var input = Instances.Scotland();
        var panel = Lottery.Draw(Leximin.Select(input.Pool, input.Quotas).Distribution!, "first seed").Members;

        var plan = Replacement.Plan(input.Pool, input.Quotas, panel, [panel[0]]);

        // The 21 who stay sit at so many bounds that the one newcomer would need a profile no candidate has.
        Assert.False(plan.Selection.Feasibility.IsFeasible);
        Assert.NotEmpty(plan.Selection.Feasibility.Conflict);
        var relaxed = plan.VacancyQuotas.With(plan.Selection.Feasibility.Relaxation.Select(r => r.Quota with { Min = r.NewMin, Max = r.NewMax }));
        Assert.True(Feasibility.Check(plan.Candidates, relaxed).IsFeasible);
    }

    [Fact]
    public void No_replacement_shares_a_household_with_a_member_who_stays()
    {
        var input = Instances.FromText(
            "category,feature,min,max\ng,f,1,1\ng,m,1,1\n",
            "id,g,address\na,f,1 Main St\nb,m,2 Main St\nc,m,1 Main St\nd,m,3 Main St\ne,f,4 Main St\n",
            panelSize: 2,
            new PoolReadOptions { HouseholdColumns = ["address"] });

        var plan = Replacement.Plan(input.Pool, input.Quotas, ["a", "b"], ["b"]);

        Assert.Equal(["d"], plan.Candidates.People.Where(p => p.Values[0] == 1).Select(p => p.Id));
        Assert.Equal(1.0, plan.Selection.Probabilities.Single(p => p.Id == "d").Probability, 1e-9);
    }

    [Fact]
    public void When_no_candidate_can_keep_the_quotas_the_plan_says_so()
    {
        var input = Instances.FromText("category,feature,min,max\ng,f,1,1\ng,m,1,1\n", "id,g\na,f\nb,m\nc,f\n", panelSize: 2);

        var plan = Replacement.Plan(input.Pool, input.Quotas, ["a", "b"], ["b"]);

        Assert.False(plan.Selection.Feasibility.IsFeasible);
        Assert.Null(plan.Selection.Distribution);
    }

    [Fact]
    public void A_dropout_who_is_not_on_the_panel_is_refused()
    {
        var input = Instances.FromText("category,feature,min,max\ng,f,1,1\ng,m,1,1\n", "id,g\na,f\nb,m\nc,f\n", panelSize: 2);

        var error = Assert.Throws<ArgumentException>(() => Replacement.Plan(input.Pool, input.Quotas, ["a", "b"], ["c"]));

        Assert.Contains("'c' dropped out but is not on the panel", error.Message, StringComparison.Ordinal);
    }
}
