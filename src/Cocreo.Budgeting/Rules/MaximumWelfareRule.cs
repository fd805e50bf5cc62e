using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Explanations;

namespace Cocreo.Budgeting.Rules;

/// <summary>
/// Maximum utilitarian welfare: the affordable set of projects with the largest total satisfaction, found exactly by
/// branch and bound on the knapsack problem (whole-number values and costs, exact bounds). Among several best sets the
/// tie-breaking order decides: the first project in that order is in the outcome if some best set holds it, and so on.
/// Projects nobody gains from are left out.
/// </summary>
public sealed class MaximumWelfareRule : IBudgetingRule
{
    /// <inheritdoc />
    public string Name => "max-welfare";

    /// <inheritdoc />
    public Outcome Compute(Instance instance, Profile profile, RuleOptions? options = null)
    {
        options ??= RuleOptions.Default;
        var election = new MultiProfile(instance, profile, options.TieBreaking);
        var value = Enumerable.Range(0, election.ProjectCount).Select(p => election.TotalSatisfaction(options.Satisfaction, p)).ToArray();
        var items = Enumerable.Range(0, election.ProjectCount).Where(p => value[p] > 0 && election.Cost[p] <= election.Budget).ToArray();
        var knapsack = new Knapsack(election.Cost, value);
        var best = knapsack.Best(items, election.Budget);

        // Fix projects one by one in tie-breaking order, keeping the optimum.
        var chosen = new List<int>();
        var open = items.OrderBy(p => election.Priority[p]).ToList();
        long capacity = election.Budget, gained = 0;
        var tied = false;
        while (open.Count > 0)
        {
            var p = open[0];
            open.RemoveAt(0);
            if (election.Cost[p] <= capacity && gained + value[p] + knapsack.Best(open, capacity - election.Cost[p]) == best)
            {
                if (knapsack.Best(open, capacity) == best - gained)
                {
                    tied = true;
                }
                chosen.Add(p);
                capacity -= election.Cost[p];
                gained += value[p];
            }
        }
        var total = options.Satisfaction == SatisfactionMeasure.Cost ? Rational.FromInteger(best) / election.MoneyScale : Rational.FromInteger(best);
        return election.Outcome(chosen, new MaximumWelfareExplanation(total, tied));
    }

    private sealed class Knapsack(long[] cost, long[] value)
    {
        private int[] _items = [];
        private long _best;

        /// <summary>The largest total value of items fitting in <paramref name="capacity"/>.</summary>
        public long Best(IReadOnlyCollection<int> items, long capacity)
        {
            // Densest first, compared exactly, so the fractional bound below is the LP relaxation.
            _items = items.Where(p => cost[p] <= capacity).ToArray();
            Array.Sort(_items, (a, b) =>
            {
                if (cost[a] == 0 || cost[b] == 0)
                {
                    return (cost[a] == 0 ? 0 : 1).CompareTo(cost[b] == 0 ? 0 : 1);
                }
                return ((Int128)value[b] * cost[a]).CompareTo((Int128)value[a] * cost[b]);
            });
            _best = 0;
            Search(0, capacity, 0);
            return _best;
        }

        private void Search(int next, long capacity, long gained)
        {
            if (gained > _best)
            {
                _best = gained;
            }
            if (next == _items.Length || !CanBeat(next, capacity, gained))
            {
                return;
            }
            var p = _items[next];
            if (cost[p] <= capacity)
            {
                Search(next + 1, capacity - cost[p], gained + value[p]);
            }
            Search(next + 1, capacity, gained);
        }

        // Whether the fractional (Dantzig) bound from here exceeds the best so far, compared exactly.
        private bool CanBeat(int next, long capacity, long gained)
        {
            var whole = gained;
            for (var i = next; i < _items.Length; i++)
            {
                var p = _items[i];
                if (cost[p] <= capacity)
                {
                    capacity -= cost[p];
                    whole += value[p];
                    continue;
                }
                // whole + value·capacity/cost > best  ⇔  whole·cost + value·capacity > best·cost
                return (Int128)whole * cost[p] + (Int128)value[p] * capacity > (Int128)_best * cost[p];
            }
            return whole > _best;
        }
    }
}
