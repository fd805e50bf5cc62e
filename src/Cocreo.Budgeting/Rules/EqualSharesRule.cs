using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Explanations;

namespace Cocreo.Budgeting.Rules;

/// <summary>
/// The Method of Equal Shares (equalshares.net; Peters, Pierczyński and Skowron 2021): every voter gets an equal share
/// of the budget; round by round, the project whose supporters can pay for it with the smallest largest payment per unit
/// of satisfaction is bought, its cost split as equally as their remaining money allows. With a completion for the
/// money left over and an optional comparison with the greedy outcome. Every decision is exact (see <see cref="Rational"/>).
/// </summary>
public sealed class EqualSharesRule : IBudgetingRule
{
    /// <inheritdoc />
    public string Name => "mes";

    /// <inheritdoc />
    public Outcome Compute(Instance instance, Profile profile, RuleOptions? options = null)
    {
        options ??= RuleOptions.Default;
        var election = new MultiProfile(instance, profile, options.TieBreaking);
        var run = new EqualSharesRun(election, options.Satisfaction);

        var add1 = options.Completion is EqualSharesCompletion.Add1 or EqualSharesCompletion.Add1WithoutExhaustiveStop or EqualSharesCompletion.Add1ThenUtilitarian;
        var share = run.EqualShare;
        var increments = 0;
        if (add1 && election.VoterCount > 0)
        {
            (share, increments) = RaisePerVoterBudget(election, run, options);
        }
        var (selected, rounds) = run.Run(share, explain: true);

        var added = new List<string>();
        if (options.Completion is EqualSharesCompletion.Utilitarian or EqualSharesCompletion.Add1ThenUtilitarian)
        {
            var before = selected.Count;
            selected = GreedyRule.Select(election, options.Satisfaction, null, false, selected).Selected;
            added.AddRange(selected.Skip(before).Select(p => instance.Projects[p].Id));
        }

        GreedyComparison? comparison = null;
        if (options.Comparison)
        {
            var greedy = GreedyRule.Select(election, options.Satisfaction, null, false, []).Selected;
            var (preferEqualShares, preferGreedy) = CountPreferences(election, selected, greedy);
            var switched = preferGreedy > preferEqualShares;
            comparison = new GreedyComparison(preferEqualShares, preferGreedy, switched, greedy.Select(p => instance.Projects[p].Id).ToArray());
            if (switched)
            {
                selected = greedy;
            }
        }

        var explanation = new EqualSharesExplanation(
            run.ToCurrency(share),
            increments,
            run.FreeProjects.Select(p => instance.Projects[p].Id).ToArray(),
            rounds,
            added,
            comparison);
        return election.Outcome(selected, explanation);
    }

    // add1: raise every voter's budget by one currency unit at a time (see EqualSharesCompletion). Where MES is certified
    // to select the same set of projects over a run of budgets, none of those steps can stop, so they are stepped over at once:
    // the result is the one-unit stepping's, budget and increments included (see EqualSharesRun.SelectsThroughout).
    private static (long Share, int Increments) RaisePerVoterBudget(MultiProfile election, EqualSharesRun run, RuleOptions options)
    {
        var increment = checked(election.VoterCount * election.MoneyScale);
        var start = options.Add1Start == Add1Start.WholeUnits ? election.Budget / increment * increment : run.EqualShare;
        var stopWhenExhaustive = options.Completion != EqualSharesCompletion.Add1WithoutExhaustiveStop;
        int Increments(long share) => checked((int)((share - start) / increment));
        var share = start;
        long? lastFitting = null;
        // Where certificates keep failing (outcomes that change every few units), try less often: a failed attempt
        // costs about one MES run, so this bounds what skipping can cost over plain stepping.
        long nextAttempt = 0, backOff = 1;
        while (true)
        {
            var (selected, _) = run.Run(share, explain: false);
            if (election.CostOf(selected) > election.Budget)
            {
                // Keep the last outcome that fitted; at the very start nothing fitted beyond the free projects.
                return lastFitting is { } last ? (last, Increments(last)) : (share, Increments(share));
            }
            var everything = selected.Count == run.FreeProjects.Count + run.Candidates.Count;
            if (everything || (stopWhenExhaustive && IsExhaustive(election, run, selected)))
            {
                return (share, Increments(share));
            }
            long steady = 0;
            if (Increments(share) >= nextAttempt)
            {
                steady = SteadySteps(run, share, increment, selected);
                backOff = steady > 0 ? 1 : Math.Min(backOff * 2, 64);
                nextAttempt = Increments(share) + (steady > 0 ? 0 : backOff);
            }
            lastFitting = checked(share + steady * increment);
            share = checked(lastFitting.Value + increment);
        }
    }

    // How many steps past `share` MES certainly keeps `selected`: the longest certified range found by doubling then
    // halving (a range that fails to certify only means a shorter skip, never a wrong one).
    private static long SteadySteps(EqualSharesRun run, long share, long increment, List<int> selected)
    {
        var maximum = Math.Min(1L << 40, (long.MaxValue / 4 - share) / increment);
        long certified = 0, failed = 1;
        while (failed <= maximum && run.SelectsThroughout(share, share + failed * increment, selected))
        {
            certified = failed;
            failed *= 2;
        }
        failed = Math.Min(failed, maximum + 1);
        while (failed - certified > 1)
        {
            var middle = certified + (failed - certified) / 2;
            if (run.SelectsThroughout(share, share + middle * increment, selected))
            {
                certified = middle;
            }
            else
            {
                failed = middle;
            }
        }
        return certified;
    }

    private static bool IsExhaustive(MultiProfile election, EqualSharesRun run, List<int> selected)
    {
        var left = election.Budget - election.CostOf(selected);
        return !run.Candidates.Any(p => !selected.Contains(p) && election.Cost[p] <= left);
    }

    // A voter prefers the outcome that funds more of the projects they voted for (equalshares.net's comparison).
    private static (long PreferEqualShares, long PreferGreedy) CountPreferences(MultiProfile election, List<int> equalShares, List<int> greedy)
    {
        var inEqualShares = new bool[election.ProjectCount];
        var inGreedy = new bool[election.ProjectCount];
        equalShares.ForEach(p => inEqualShares[p] = true);
        greedy.ForEach(p => inGreedy[p] = true);
        long preferEqualShares = 0, preferGreedy = 0;
        for (var g = 0; g < election.GroupCount; g++)
        {
            var fromEqualShares = election.GroupProjects[g].Count(p => inEqualShares[p]);
            var fromGreedy = election.GroupProjects[g].Count(p => inGreedy[p]);
            if (fromEqualShares > fromGreedy)
            {
                preferEqualShares += election.Multiplicity[g];
            }
            else if (fromGreedy > fromEqualShares)
            {
                preferGreedy += election.Multiplicity[g];
            }
        }
        return (preferEqualShares, preferGreedy);
    }
}

/// <summary>
/// One run of the Method of Equal Shares at a given per-voter budget. Kept between add1 increments so that the
/// supporters, satisfactions and first prices are worked out once.
/// </summary>
/// <remarks>
/// <para>Exactness. Money is counted in <em>shares</em>: currency × 10^d × n (n voters), so that costs, the equal
/// share B/n and every add1 budget are whole numbers. A project's price ρ solves Σ min(bᵢ, ρ·uᵢ) = cost over its
/// supporters (bᵢ money left, uᵢ satisfaction); ρ, the payments and the money left are <see cref="Rational"/>s, so
/// every comparison that picks a winner or a payer is exact. Nothing is rounded.</para>
/// <para>Speed. Voters with identical ballots form one group. Exact money left grows long denominators (each payment
/// divides a remainder among the payers), so comparing it voter by voter would be slow. But a voter's money left only
/// depends on which purchases they paid for and how, so few distinct amounts exist at any time: each group points to a
/// <em>budget class</em> holding the exact amount, and a pass over a project's supporters compares each class once.
/// ρ is found by the rich/poor fixpoint (all pay ρ·uᵢ; those who cannot pay all they have; repeat), usually two or
/// three passes. A project's ρ can only rise as voters spend, so each round recomputes projects in order of their last
/// ρ and stops at the first whose last ρ already exceeds the best of the round (equalshares.net's lazy re-check).
/// Without explanations (the many runs of add1), prices are first estimated in doubles; only projects whose estimate
/// is within a millionth of the best are priced exactly, the others being certified dearer (see MoneyAtPrice), so the
/// outcome is the exact one.</para>
/// </remarks>
internal sealed partial class EqualSharesRun
{
    private const int Broke = 0;

    private readonly MultiProfile _election;
    private readonly SupporterSatisfaction[] _satisfaction;
    private readonly bool[] _uniform;
    private readonly long[] _largestSatisfaction;
    private readonly long[] _costInShares;
    private readonly long[] _totalSatisfaction;
    private readonly bool[] _poor;
    private readonly long _sharesPerUnit;

    // Budget classes: _classOf[g] indexes _classValue, the exact money each voter of group g has left; class 0 is broke.
    private readonly int[] _classOf;
    private readonly List<Rational> _classValue = [];
    private readonly List<double> _classApproximately = [];
    private int[] _classStamp = [];
    private bool[] _classCannotPay = [];
    private long[] _classPoorVoters = [];
    private readonly List<int> _touchedClasses = [];
    private readonly List<(int Project, double Estimate)> _estimates = [];
    private int _stamp;

    public EqualSharesRun(MultiProfile election, SatisfactionMeasure measure)
    {
        _election = election;
        _sharesPerUnit = checked(election.MoneyScale * Math.Max(1, election.VoterCount));
        EqualShare = election.Budget;
        var projects = election.ProjectCount;
        _satisfaction = new SupporterSatisfaction[projects];
        _uniform = new bool[projects];
        _largestSatisfaction = new long[projects];
        _costInShares = new long[projects];
        _totalSatisfaction = new long[projects];
        var candidates = new List<int>();
        var free = new List<int>();
        var largestGroup = election.SupporterGroups.Max(groups => (int?)groups.Length) ?? 0;
        var each = new long[largestGroup];
        for (var p = 0; p < projects; p++)
        {
            var supporters = election.SupporterGroups[p].Length;
            var satisfaction = each.AsSpan(0, supporters);
            long total = 0, largest = 0;
            for (var i = 0; i < supporters; i++)
            {
                satisfaction[i] = election.Satisfaction(measure, p, election.Support(p, i));
                total = checked(total + election.Multiplicity[election.SupporterGroups[p][i]] * satisfaction[i]);
                largest = Math.Max(largest, satisfaction[i]);
            }
            _totalSatisfaction[p] = total;
            _uniform[p] = satisfaction.IsEmpty || !satisfaction.ContainsAnyExcept(satisfaction[0]);
            _largestSatisfaction[p] = largest;
            _satisfaction[p] = _uniform[p] ? new(null, _largestSatisfaction[p]) : new(satisfaction.ToArray(), 0);
            _costInShares[p] = checked(election.Cost[p] * Math.Max(1, election.VoterCount));
            if (election.Supporters[p] > 0 && election.Cost[p] == 0)
            {
                // A supported project that costs nothing is bought before anything else.
                free.Add(p);
            }
            else if (total > 0 && election.Cost[p] > 0)
            {
                candidates.Add(p);
            }
        }
        Candidates = candidates;
        FreeProjects = free;
        _classOf = new int[election.GroupCount];
        _poor = new bool[largestGroup];
    }

    /// <summary>The equal share B/n, in shares.</summary>
    public long EqualShare { get; }

    /// <summary>Projects MES can buy: they cost something and someone gains from them.</summary>
    public IReadOnlyList<int> Candidates { get; }

    /// <summary>Supported projects that cost nothing.</summary>
    public IReadOnlyList<int> FreeProjects { get; }

    public Rational ToCurrency(Rational shares) => shares / _sharesPerUnit;

    /// <summary>Runs MES with every voter starting from <paramref name="perVoterBudget"/> shares.</summary>
    public (List<int> Selected, List<EqualSharesRound> Rounds) Run(long perVoterBudget, bool explain)
    {
        _classValue.Clear();
        _classApproximately.Clear();
        AddClass(Rational.Zero);
        AddClass(perVoterBudget);
        Array.Fill(_classOf, perVoterBudget == 0 ? Broke : 1);
        var selected = new List<int>(FreeProjects);
        var rounds = new List<EqualSharesRound>();
        var remaining = new List<int>(Candidates);
        // The last price computed for each project: a lower bound on its price now. Its double is only used to order
        // the re-checks; what is skipped is decided exactly or with a margin far above the double's error.
        var lastPrice = new Rational[_election.ProjectCount];
        var approximatePrice = new double[_election.ProjectCount];
        foreach (var p in remaining)
        {
            lastPrice[p] = Rational.Create(_costInShares[p], _totalSatisfaction[p]);
            approximatePrice[p] = lastPrice[p].ToDouble();
        }
        var computed = new Rational?[_election.ProjectCount];
        var unaffordable = new List<(int Project, Rational MoneyBehind)>();

        while (remaining.Count > 0)
        {
            remaining.Sort((a, b) =>
            {
                var byPrice = approximatePrice[a].CompareTo(approximatePrice[b]);
                return byPrice != 0 ? byPrice : _election.Priority[a].CompareTo(_election.Priority[b]);
            });
            Array.Clear(computed);
            unaffordable.Clear();
            var (best, bestPrice) = !explain && TryChooseByEstimates(remaining, lastPrice, approximatePrice, out var chosen)
                ? chosen
                : ChooseExactly(remaining, lastPrice, approximatePrice, computed, unaffordable, explain);
            if (best < 0)
            {
                break;
            }
            var payments = Pay(best, bestPrice, explain);
            remaining.Remove(best);
            selected.Add(best);
            if (explain)
            {
                rounds.Add(Explain(best, bestPrice, payments!, remaining, computed, lastPrice, unaffordable));
            }
        }
        return (selected, rounds);
    }

    private int AddClass(Rational value)
    {
        _classValue.Add(value);
        _classApproximately.Add(value.ToDouble());
        return _classValue.Count - 1;
    }

    // Whether `money` < `due`. Doubles of exact rationals are within a few units in the last place (relative), so
    // when they differ by more than a millionth of a millionth the answer is certain; otherwise it is computed exactly.
    private static bool Below(Rational money, double moneyApproximately, Rational due, double dueApproximately)
    {
        var margin = 1e-12 * Math.Max(Math.Abs(moneyApproximately), Math.Abs(dueApproximately));
        if (moneyApproximately < dueApproximately - margin)
        {
            return true;
        }
        if (moneyApproximately > dueApproximately + margin)
        {
            return false;
        }
        return money < due;
    }

    // Whether voters of budget class c cannot pay `due`, decided once per class and pass.
    private bool CannotPay(int c, Rational due, double dueApproximately)
    {
        if (c >= _classStamp.Length)
        {
            var size = Math.Max(_classValue.Count, _classStamp.Length * 2);
            Array.Resize(ref _classStamp, size);
            Array.Resize(ref _classCannotPay, size);
            Array.Resize(ref _classPoorVoters, size);
        }
        if (_classStamp[c] != _stamp)
        {
            _classStamp[c] = _stamp;
            _classCannotPay[c] = Below(_classValue[c], _classApproximately[c], due, dueApproximately);
        }
        return _classCannotPay[c];
    }

    // Recomputes prices in order of their last price until the rest certainly cannot win; every price exact.
    private (int Best, Rational Price) ChooseExactly(
        List<int> remaining, Rational[] lastPrice, double[] approximatePrice, Rational?[] computed,
        List<(int Project, Rational MoneyBehind)> unaffordable, bool explain)
    {
        var best = -1;
        var bestPrice = Rational.Zero;
        for (var i = 0; i < remaining.Count; i++)
        {
            var p = remaining[i];
            if (best >= 0)
            {
                // Doubles of the prices are within 1e-15 of them (relative), so a last price more than 1e-9 above the
                // best is certainly above it, and so are those after it in this order: none can win this round.
                if (approximatePrice[p] > approximatePrice[best] * (1 + 1e-9))
                {
                    break;
                }
                if (lastPrice[p] > bestPrice)
                {
                    continue;
                }
            }
            if (!TryPrice(p, out var price))
            {
                if (explain)
                {
                    unaffordable.Add((p, MoneyBehind(p)));
                }
                remaining.RemoveAt(i--);
                continue;
            }
            lastPrice[p] = price;
            approximatePrice[p] = price.ToDouble();
            computed[p] = price;
            if (best < 0 || price < bestPrice || (price == bestPrice && _election.Priority[p] < _election.Priority[best]))
            {
                best = p;
                bestPrice = price;
            }
        }
        return (best, bestPrice);
    }

    // The same choice, with exact prices only for the projects that could win: the others' prices are estimated in
    // doubles and certified to be higher (see MoneyAtPrice). Estimates are within about 1e-12 of the prices; the margins
    // below are a million times wider. False when something is too close to call; the caller then chooses exactly.
    private bool TryChooseByEstimates(List<int> remaining, Rational[] lastPrice, double[] approximatePrice, out (int Best, Rational Price) chosen)
    {
        chosen = (-1, Rational.Zero);
        _estimates.Clear();
        var bestEstimate = double.PositiveInfinity;
        var bestProject = -1;
        for (var i = 0; i < remaining.Count; i++)
        {
            var p = remaining[i];
            if (approximatePrice[p] > bestEstimate * (1 + 1e-6))
            {
                break;
            }
            var estimate = ApproximatePrice(p);
            if (double.IsNaN(estimate))
            {
                // Seemingly unaffordable: that removes it for good, so make sure (all the money its supporters have,
                // certified below the cost, or else exactly).
                if (MoneyAtPrice(p, double.PositiveInfinity) < _costInShares[p] * (1 - 1e-9) || !TryPrice(p, out var exact))
                {
                    remaining.RemoveAt(i--);
                    continue;
                }
                estimate = exact.ToDouble();
            }
            _estimates.Add((p, estimate));
            if (estimate < bestEstimate)
            {
                bestEstimate = estimate;
                bestProject = p;
            }
        }
        if (bestProject < 0)
        {
            return true;
        }
        // The best estimate's project certainly costs less than `upper` per unit; every project skipped above has a last
        // price (a lower bound) more than 1e-6 above the estimate, so above `upper`: none of them can win or tie.
        var upper = bestEstimate * (1 + 1e-7);
        if (!(MoneyAtPrice(bestProject, upper) > _costInShares[bestProject] * (1 + 1e-9)))
        {
            return false;
        }
        var best = -1;
        var bestPrice = Rational.Zero;
        foreach (var (p, estimate) in _estimates)
        {
            if (estimate > bestEstimate * (1 + 1e-6))
            {
                // Its price is above `lower`, and `lower` is above `upper`: it cannot win or tie.
                var lower = estimate * (1 - 1e-7);
                if (MoneyAtPrice(p, lower) < _costInShares[p] * (1 - 1e-9))
                {
                    lastPrice[p] = Rational.Max(lastPrice[p], Rational.FromDouble(lower));
                    approximatePrice[p] = lastPrice[p].ToDouble();
                    continue;
                }
            }
            if (!TryPrice(p, out var price))
            {
                remaining.Remove(p);
                continue;
            }
            lastPrice[p] = price;
            approximatePrice[p] = price.ToDouble();
            if (best < 0 || price < bestPrice || (price == bestPrice && _election.Priority[p] < _election.Priority[best]))
            {
                best = p;
                bestPrice = price;
            }
        }
        chosen = (best, bestPrice);
        return best >= 0;
    }

    // The rich/poor fixpoint in doubles; NaN when the supporters seem unable to pay.
    private double ApproximatePrice(int p)
    {
        var groups = _election.SupporterGroups[p];
        var satisfaction = _satisfaction[p];
        var multiplicity = _election.Multiplicity;
        var poorMoney = 0.0;
        long richSatisfaction = 0;
        for (var i = 0; i < groups.Length; i++)
        {
            _poor[i] = _classOf[groups[i]] == Broke;
            if (!_poor[i])
            {
                richSatisfaction += multiplicity[groups[i]] * satisfaction[i];
            }
        }
        while (richSatisfaction > 0)
        {
            var price = (_costInShares[p] - poorMoney) / richSatisfaction;
            var changed = false;
            for (var i = 0; i < groups.Length; i++)
            {
                if (_poor[i])
                {
                    continue;
                }
                var money = _classApproximately[_classOf[groups[i]]];
                if (money < price * satisfaction[i])
                {
                    _poor[i] = true;
                    changed = true;
                    poorMoney += money * multiplicity[groups[i]];
                    richSatisfaction -= multiplicity[groups[i]] * satisfaction[i];
                }
            }
            if (!changed)
            {
                return price;
            }
        }
        return double.NaN;
    }

    // Σ min(bᵢ, ρ·uᵢ) over p's supporters, in doubles. Its rounding error is below 1e-10 of it (at most 10^5 terms,
    // each within a few units in the last place), so a sum under cost·(1 − 1e-9) means the exact sum is under the
    // cost and the price is above ρ; a sum over cost·(1 + 1e-9) means the price is below ρ.
    private double MoneyAtPrice(int p, double price)
    {
        var groups = _election.SupporterGroups[p];
        var satisfaction = _satisfaction[p];
        var total = 0.0;
        for (var i = 0; i < groups.Length; i++)
        {
            var c = _classOf[groups[i]];
            if (c != Broke)
            {
                var owed = double.IsPositiveInfinity(price) ? _classApproximately[c] : Math.Min(_classApproximately[c], price * satisfaction[i]);
                total += owed * _election.Multiplicity[groups[i]];
            }
        }
        return total;
    }

    // The rich/poor fixpoint: the least ρ with Σ min(bᵢ, ρ·uᵢ) ≥ cost, or false when the supporters cannot pay.
    private bool TryPrice(int p, out Rational price)
    {
        var groups = _election.SupporterGroups[p];
        var satisfaction = _satisfaction[p];
        var multiplicity = _election.Multiplicity;
        var poorMoney = Rational.Zero;
        long richSatisfaction = 0;
        for (var i = 0; i < groups.Length; i++)
        {
            _poor[i] = _classOf[groups[i]] == Broke;
            if (!_poor[i])
            {
                richSatisfaction += multiplicity[groups[i]] * satisfaction[i];
            }
        }
        while (true)
        {
            if (richSatisfaction == 0)
            {
                price = default;
                return false;
            }
            price = (_costInShares[p] - poorMoney) / richSatisfaction;
            var uniformPayment = _uniform[p] ? price * satisfaction[0] : default;
            var uniformApproximately = uniformPayment.ToDouble();
            _stamp++;
            _touchedClasses.Clear();
            for (var i = 0; i < groups.Length; i++)
            {
                if (_poor[i])
                {
                    continue;
                }
                var g = groups[i];
                var c = _classOf[g];
                var cannotPay = _uniform[p] ? CannotPay(c, uniformPayment, uniformApproximately) : _classValue[c] < price * satisfaction[i];
                if (cannotPay)
                {
                    // Cannot pay the equal share at this price, so pays all it has; the price rises for the others.
                    _poor[i] = true;
                    richSatisfaction -= multiplicity[g] * satisfaction[i];
                    if (c >= _classPoorVoters.Length)
                    {
                        CannotPay(c, default, 0);
                    }
                    if (_classPoorVoters[c] == 0)
                    {
                        _touchedClasses.Add(c);
                    }
                    _classPoorVoters[c] += multiplicity[g];
                }
            }
            if (_touchedClasses.Count == 0)
            {
                return true;
            }
            foreach (var c in _touchedClasses)
            {
                poorMoney += _classValue[c] * _classPoorVoters[c];
                _classPoorVoters[c] = 0;
            }
        }
    }

    // Supporters pay min(money left, ρ·u). Returns, when explaining, the voters paying each (amount, all they had).
    private Dictionary<(Rational Amount, bool All), long>? Pay(int p, Rational price, bool explain)
    {
        var groups = _election.SupporterGroups[p];
        var satisfaction = _satisfaction[p];
        var payments = explain ? new Dictionary<(Rational, bool), long>() : null;
        // Voters of one class who owe the same move to one new class.
        var moves = new Dictionary<(int Class, long Satisfaction), (int Class, Rational Paid, bool All)>();
        for (var i = 0; i < groups.Length; i++)
        {
            var g = groups[i];
            var c = _classOf[g];
            if (c == Broke)
            {
                continue;
            }
            if (!moves.TryGetValue((c, satisfaction[i]), out var move))
            {
                var due = price * satisfaction[i];
                var budget = _classValue[c];
                move = Below(due, due.ToDouble(), budget, _classApproximately[c])
                    ? (AddClass(budget - due), due, false)
                    : (Broke, budget, true);
                moves[(c, satisfaction[i])] = move;
            }
            _classOf[g] = move.Class;
            if (payments is not null)
            {
                payments[(move.Paid, move.All)] = payments.GetValueOrDefault((move.Paid, move.All)) + _election.Multiplicity[g];
            }
        }
        return payments;
    }

    private Rational MoneyBehind(int p)
    {
        var voters = new Dictionary<int, long>();
        foreach (var g in _election.SupporterGroups[p])
        {
            voters[_classOf[g]] = voters.GetValueOrDefault(_classOf[g]) + _election.Multiplicity[g];
        }
        var total = Rational.Zero;
        foreach (var (c, count) in voters)
        {
            total += _classValue[c] * count;
        }
        return total;
    }

    // Cost ÷ the largest payment ρ·u a supporter would make.
    private Rational EffectiveVoteCount(int p, Rational price) => Rational.FromInteger(_costInShares[p]) / (price * _largestSatisfaction[p]);

    private EqualSharesRound Explain(
        int chosen, Rational price, Dictionary<(Rational Amount, bool All), long> payments, List<int> remaining,
        Rational?[] computed, Rational[] lastPrice, List<(int Project, Rational MoneyBehind)> unaffordable)
    {
        var projects = _election.Instance.Projects;
        var runnersUp = new List<RunnerUp>();
        foreach (var p in remaining)
        {
            if (computed[p] is { } exact)
            {
                var reason = exact == price ? RunnerUpReason.LostTieBreak : RunnerUpReason.FewerEffectiveVotes;
                runnersUp.Add(new RunnerUp(projects[p].Id, reason, EffectiveVoteCount(p, exact), null));
            }
            else
            {
                runnersUp.Add(new RunnerUp(projects[p].Id, RunnerUpReason.FewerEffectiveVotesAtMost, EffectiveVoteCount(p, lastPrice[p]), null));
            }
        }
        foreach (var (p, money) in unaffordable)
        {
            runnersUp.Add(new RunnerUp(projects[p].Id, RunnerUpReason.CannotAfford, null, ToCurrency(money)));
        }
        var paid = payments
            .OrderByDescending(entry => entry.Key.Amount)
            .Select(entry => new SupporterPayment(ToCurrency(entry.Key.Amount), entry.Value, entry.Key.All))
            .ToArray();
        var largest = paid.Length == 0 ? Rational.Zero : paid[0].Amount;
        return new EqualSharesRound(projects[chosen].Id, projects[chosen].Cost, EffectiveVoteCount(chosen, price), largest, paid, runnersUp);
    }

    // What each supporter of a project gains from it. Often the same for all of them (approval ballots with cost or
    // cardinality satisfaction), then kept as one number instead of an array as long as the project's supporters.
    private readonly struct SupporterSatisfaction(long[]? each, long all)
    {
        public long this[int supporter] => each is null ? all : each[supporter];
    }
}
