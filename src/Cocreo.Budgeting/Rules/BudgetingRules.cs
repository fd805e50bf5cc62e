using Cocreo.Budgeting.Election;

namespace Cocreo.Budgeting.Rules;

/// <summary>Finds rules by the names the command line and pabulib's META <c>rule</c> use.</summary>
public static class BudgetingRules
{
    /// <summary>The rule names the command line accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["greedy", "greedy-no-skip", "greedy-threshold", "greedy-reserve", "mes", "phragmen", "max-welfare"];

    /// <summary>The rule with this command-line name (<see cref="Names"/>), or null.</summary>
    public static IBudgetingRule? FromName(string name) => name.Trim().ToLowerInvariant() switch
    {
        "greedy" => new GreedyRule(GreedyVariant.Skip),
        "greedy-no-skip" => new GreedyRule(GreedyVariant.NoSkip),
        "greedy-threshold" => new GreedyRule(GreedyVariant.Threshold),
        "greedy-reserve" => new GreedyRule(GreedyVariant.NoSkipWithReserve),
        "mes" or "equalshares" or "equal-shares" => new EqualSharesRule(),
        "phragmen" or "seq-phragmen" => new SequentialPhragmenRule(),
        "max-welfare" or "maxwelfare" => new MaximumWelfareRule(),
        _ => null,
    };

    /// <summary>
    /// The rule and options that a pabulib META <c>rule</c> names, as the city applied it: greedy rules rank by votes
    /// (or points) with the META score threshold; <c>equalshares/add1</c> is MES with add1 (pabutools; Świecie, Assen);
    /// <c>equalshares/add1-comparison</c> is Wieliczka's: add1 from whole currency units without the exhaustiveness
    /// stop, then the comparison with greedy; <c>greedy-custom</c> is Poznań's, the only city that uses the name (its META
    /// comment describes it): <see cref="GreedyVariant.NoSkipWithReserve"/>. Null for rules Cocreo does not know (e.g. <c>unknown</c>).
    /// </summary>
    public static (IBudgetingRule Rule, RuleOptions Options)? FromPabulibMeta(Instance instance)
    {
        var options = RuleOptions.Default with { ScoreThreshold = GreedyRule.MetaThreshold(instance) };
        return instance.GetMeta("rule")?.Trim().ToLowerInvariant() switch
        {
            "greedy" => (new GreedyRule(GreedyVariant.Skip), options),
            "greedy-no-skip" => (new GreedyRule(GreedyVariant.NoSkip), options),
            "greedy-threshold" => (new GreedyRule(GreedyVariant.Threshold), options),
            "greedy-custom" => (new GreedyRule(GreedyVariant.NoSkipWithReserve), options),
            "equalshares" => (new EqualSharesRule(), RuleOptions.Default),
            "equalshares/add1" => (new EqualSharesRule(), RuleOptions.Default with { Completion = EqualSharesCompletion.Add1 }),
            "equalshares/add1-comparison" => (new EqualSharesRule(), RuleOptions.Default with
            {
                Completion = EqualSharesCompletion.Add1WithoutExhaustiveStop,
                Add1Start = Add1Start.WholeUnits,
                Comparison = true,
            }),
            _ => null,
        };
    }
}
