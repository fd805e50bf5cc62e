using System.Globalization;
using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Explanations;

namespace Cocreo.Budgeting.Rules;

/// <summary>The greedy rules pabulib names.</summary>
public enum GreedyVariant
{
    /// <summary><c>greedy</c>: walk down the ranking, select what fits, skip what no longer fits.</summary>
    Skip,

    /// <summary><c>greedy-no-skip</c>: walk down the ranking and stop at the first project that does not fit.</summary>
    NoSkip,

    /// <summary><c>greedy-threshold</c>: like <see cref="Skip"/>, among projects whose score reaches a threshold (required).</summary>
    Threshold,

    /// <summary>
    /// Poznań's rule (pabulib <c>greedy-custom</c>): like <see cref="NoSkip"/>, and the project it stops at is funded
    /// from reserve funds outside the budget when what is left covers at least <see cref="RuleOptions.ReserveShare"/>
    /// of its cost (Poznań: 80%). Pabulib marks such a project 2 in the <c>selected</c> column.
    /// </summary>
    NoSkipWithReserve,
}

/// <summary>
/// Greedy utilitarian welfare: rank projects by total satisfaction per unit of cost (with cost satisfaction: by votes,
/// or points, as cities count) and select down the ranking. A score threshold (<see cref="RuleOptions.ScoreThreshold"/>;
/// for greedy-threshold META <c>min_project_score_threshold</c> when none is given) makes projects below it ineligible
/// in every variant (Gdynia applies one with greedy-no-skip). Supported free projects rank first; projects nobody supports rank last and are still selected by
/// the skipping variants when money is left (as pabutools does).
/// </summary>
public sealed class GreedyRule(GreedyVariant variant = GreedyVariant.Skip) : IBudgetingRule
{
    /// <summary>The variant.</summary>
    public GreedyVariant Variant { get; } = variant;

    /// <inheritdoc />
    public string Name => Variant switch
    {
        GreedyVariant.NoSkip => "greedy-no-skip",
        GreedyVariant.Threshold => "greedy-threshold",
        GreedyVariant.NoSkipWithReserve => "greedy-reserve",
        _ => "greedy",
    };

    /// <inheritdoc />
    public Outcome Compute(Instance instance, Profile profile, RuleOptions? options = null)
    {
        options ??= RuleOptions.Default;
        var election = new MultiProfile(instance, profile, options.TieBreaking);
        var threshold = options.ScoreThreshold ?? (Variant == GreedyVariant.Threshold ? MetaThreshold(instance) : null);
        if (Variant == GreedyVariant.Threshold && threshold is null)
        {
            throw new ArgumentException("greedy-threshold needs a score threshold: give one, or META min_project_score_threshold.");
        }
        var stopAtFirstMisfit = Variant is GreedyVariant.NoSkip or GreedyVariant.NoSkipWithReserve;
        var (selected, steps) = Select(election, options.Satisfaction, threshold, stopAtFirstMisfit, []);
        var outcome = election.Outcome(selected, new GreedyExplanation(threshold, steps));
        if (Variant == GreedyVariant.NoSkipWithReserve && FundFromReserve(steps, options.ReserveShare) is { } funded)
        {
            return outcome with { FundedFromReserve = [instance.Projects.Single(project => project.Id == steps[funded].ProjectId)] };
        }
        return outcome;
    }

    // The project the walk stopped at is funded from reserve funds when what was left covers the share of its cost;
    // decimal arithmetic is exact for money amounts and a share like 0.8. Returns that step's index, or null.
    private static int? FundFromReserve(List<GreedyStep> steps, decimal reserveShare)
    {
        var stop = steps.FindIndex(step => step.Decision == GreedyDecision.DoesNotFit);
        if (stop < 0 || steps[stop].BudgetLeft < reserveShare * steps[stop].Cost)
        {
            return null;
        }
        steps[stop] = steps[stop] with { Decision = GreedyDecision.FundedFromReserve };
        return stop;
    }

    /// <summary>META <c>min_project_score_threshold</c>, or null.</summary>
    internal static long? MetaThreshold(Instance instance)
    {
        var text = instance.GetMeta("min_project_score_threshold");
        return text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (long)decimal.Ceiling(value) : null;
    }

    /// <summary>The projects in greedy order: satisfaction per unit of cost, highest first, exact; then the tie-breaking order.</summary>
    internal static int[] Ranking(MultiProfile election, SatisfactionMeasure satisfaction, IEnumerable<int> projects)
    {
        var ranking = projects.ToArray();
        Array.Sort(ranking, (a, b) =>
        {
            var byDensity = CompareDensity(election, satisfaction, b, a);
            return byDensity != 0 ? byDensity : election.Priority[a].CompareTo(election.Priority[b]);
        });
        return ranking;
    }

    // Compares total satisfaction ÷ cost of two projects exactly; a supported free project is worth infinitely much.
    private static int CompareDensity(MultiProfile election, SatisfactionMeasure satisfaction, int a, int b)
    {
        var sa = election.TotalSatisfaction(satisfaction, a);
        var sb = election.TotalSatisfaction(satisfaction, b);
        var ca = election.Cost[a];
        var cb = election.Cost[b];
        var infiniteA = ca == 0 && sa > 0;
        var infiniteB = cb == 0 && sb > 0;
        if (infiniteA || infiniteB)
        {
            return infiniteA.CompareTo(infiniteB);
        }
        if (ca == 0 || cb == 0)
        {
            // Unsupported free projects have density 0.
            return (ca == 0 ? Rational.Zero : Rational.Create(sa, ca)).CompareTo(cb == 0 ? Rational.Zero : Rational.Create(sb, cb));
        }
        return ((Int128)sa * cb).CompareTo((Int128)sb * ca);
    }

    /// <summary>Walks down the greedy ranking of the projects not already selected, from the money <paramref name="alreadySelected"/> leaves.</summary>
    internal static (List<int> Selected, List<GreedyStep> Steps) Select(
        MultiProfile election, SatisfactionMeasure satisfaction, long? threshold, bool stopAtFirstMisfit, IReadOnlyCollection<int> alreadySelected)
    {
        var selected = new List<int>(alreadySelected);
        var left = election.Budget - election.CostOf(alreadySelected);
        var steps = new List<GreedyStep>();
        var stopped = false;
        var candidates = Enumerable.Range(0, election.ProjectCount).Where(p => !alreadySelected.Contains(p));
        foreach (var p in Ranking(election, satisfaction, candidates))
        {
            GreedyDecision decision;
            if (stopped)
            {
                decision = GreedyDecision.AfterStop;
            }
            else if (threshold is { } minimum && election.Score[p] < minimum)
            {
                decision = GreedyDecision.BelowThreshold;
            }
            else if (election.Cost[p] <= left)
            {
                decision = GreedyDecision.Selected;
            }
            else
            {
                decision = GreedyDecision.DoesNotFit;
                stopped = stopAtFirstMisfit;
            }
            steps.Add(new GreedyStep(election.Instance.Projects[p].Id, election.Instance.Projects[p].Cost, election.Score[p], election.ToCurrency(left), decision));
            if (decision == GreedyDecision.Selected)
            {
                selected.Add(p);
                left -= election.Cost[p];
            }
        }
        return (selected, steps);
    }
}
