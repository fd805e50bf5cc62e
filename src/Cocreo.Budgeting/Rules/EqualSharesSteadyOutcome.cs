namespace Cocreo.Budgeting.Rules;

/// <summary>
/// add1's skip-ahead: a certificate that MES selects the same set of projects for every per-voter budget in a range,
/// so that add1 can step over the whole range at once and still end exactly where one-unit steps end.
/// </summary>
/// <remarks>
/// <para>Why skipping is sound. add1's stopping tests (over budget, exhaustive, everything selected) only look at the
/// selected set. While it stays the same none of the steps in between can stop, so add1 may jump to the first budget
/// past the range and carry on; its final budget and number of increments are those of one-unit steps.</para>
/// <para>Bounds affine in the budget. Let t = from + δ, δ in [0, Δ]. Every voter group's money and every project's price
/// is bounded below and above by functions affine in δ, each kept as its values at the two ends of the range; an affine
/// inequality that holds at both ends holds throughout. Money starts exactly affine (t). A price ceiling R(δ) of a
/// project is certified by Σ min(Lᵢ(δ), R(δ)·uᵢ) ≥ cost at both ends, L the lower money bounds: a sum of minima of
/// affine functions is concave in δ, so it is ≥ cost throughout, and MES's price (the least ρ with
/// Σ min(mᵢ, ρ·uᵢ) ≥ cost, which falls as money rises) is at most R and the project affordable. A price floor Q(δ) is
/// certified by Σ (Uᵢ(δ) or Q(δ)·uᵢ, one chosen per voter) &lt; cost at both ends, U the upper money bounds: that
/// affine sum is at least Σ min(mᵢ, Q·uᵢ), so the price is above Q. A floor from an earlier round stays valid, since at
/// a fixed budget a project's price only rises from round to round. Paying: new money max(0, m − ρ·u) is convex in δ,
/// so its chord through the ends (from U and Q) bounds it above, and λ·(L − R·u), λ ∈ {0, 1}, bounds it below.</para>
/// <para>Rounds. A project can win a round at some budget of the range unless another one's ceiling is below its floor
/// at both ends. Near ties make the order of purchases change with the budget while the set does not, so every
/// possible winner is followed, and histories that bought the same set are merged (lower ends the smaller, upper ends
/// the larger: still bounds of both). The range is certified when every history ends, with nothing open affordable at
/// any budget, on the same set. Doubles are rounded outwards with margins far above their rounding errors; a check too
/// close to call fails, which only shortens the skip.</para>
/// </remarks>
internal sealed partial class EqualSharesRun
{
    // Rounding of one product, min or difference of doubles is below 1.2e-16 of its size; margins are ten times that.
    private const double Rounding = 1.2e-15;

    // Beyond this many histories in one round the budgets are too close to call: no skip. A history holds four numbers
    // per money class (0.75 MB on Warszawa 2026), so this also bounds memory: 8 took 3–5 MB more at the peak on city
    // files and saved no time; 2 took 1.8× the time on Toulouse 2024 (docs/benchmarks.md).
    internal const int MostHistories = 4;

    // Histories are large (four numbers per money class); reusing them keeps the garbage, and the process's memory, low.
    private readonly Stack<History> _spareHistories = new();
    private double[] _ceiling0 = [];
    private double[] _ceiling1 = [];

    // Money classes: only target projects are ever paid for (a history that buys another one fails), so voter groups
    // that support the same target projects, each as much, have the same money bounds in every history. Histories keep
    // bounds per class, not per group (Warszawa 2026: 23,472 classes for 51,202 groups). Remade when the target changes.
    private bool[] _classesTarget = [];
    private int[] _moneyClassOf = [];
    private int _moneyClasses;
    private int[] _paidStamp = [];
    private int _paidRound;

    /// <summary>
    /// Whether MES selects exactly the projects of <paramref name="selected"/> at every per-voter budget from
    /// <paramref name="from"/> to <paramref name="to"/> shares. False when it cannot be certified, which does not mean
    /// that the outcome changes.
    /// </summary>
    public bool SelectsThroughout(long from, long to, IReadOnlyList<int> selected)
    {
        if (_ceiling0.Length != _election.ProjectCount)
        {
            _ceiling0 = new double[_election.ProjectCount];
            _ceiling1 = new double[_election.ProjectCount];
        }
        var target = new bool[_election.ProjectCount];
        foreach (var p in selected)
        {
            target[p] = true;
        }
        MakeMoneyClasses(target);
        var histories = new List<History> { Spare().Start(this, from, to) };
        var next = new Dictionary<string, History>();
        var order = new List<int>();
        var candidates = new List<int>();
        try
        {
            while (histories.Count > 0)
            {
                for (var h = 0; h < histories.Count; h++)
                {
                    var history = histories[h];
                    if (!PossibleWinners(history, order, candidates))
                    {
                        return false;
                    }
                    // With no candidate, nothing open is affordable at any budget of the range: this history has ended.
                    if (candidates.Count == 0 && (history.Bought.Count != selected.Count - FreeProjects.Count || history.Bought.Any(p => !target[p])))
                    {
                        return false;
                    }
                    foreach (var c in candidates)
                    {
                        if (!target[c])
                        {
                            // It may be bought at some budget of the range, and it is not in the outcome to certify.
                            return false;
                        }
                        var bought = Spare().CopyFrom(history);
                        TryRaisePriceFloor(bought, c);
                        PayThroughout(bought, c);
                        var key = string.Join(',', bought.Bought.Order());
                        if (next.TryGetValue(key, out var same))
                        {
                            same.Merge(bought);
                            _spareHistories.Push(bought);
                        }
                        else
                        {
                            next[key] = bought;
                        }
                        if (next.Count > MostHistories)
                        {
                            return false;
                        }
                    }
                    // Done with: its memory can hold the next round's copies.
                    _spareHistories.Push(history);
                    histories[h] = null!;
                }
                histories.Clear();
                histories.AddRange(next.Values);
                next.Clear();
            }
            return true;
        }
        finally
        {
            // Every history goes back for reuse, also when the certificate fails half-way: a history is four numbers
            // per money class, and dropping them would leave megabytes for the GC at every failed attempt.
            foreach (var history in histories)
            {
                if (history is not null)
                {
                    _spareHistories.Push(history);
                }
            }
            foreach (var history in next.Values)
            {
                _spareHistories.Push(history);
            }
        }
    }

    // The open projects that may win this round at some budget of the range, each with its ceiling; false when one
    // might be affordable at some budgets only, which this certificate does not follow.
    private bool PossibleWinners(History history, List<int> order, List<int> candidates)
    {
        candidates.Clear();
        order.Clear();
        for (var p = 0; p < history.Open.Length; p++)
        {
            if (history.Open[p])
            {
                order.Add(p);
            }
        }
        order.Sort((a, b) => history.LeastFloor(a).CompareTo(history.LeastFloor(b)));
        var best = -1;
        var uncertain = new List<int>();
        foreach (var p in order)
        {
            if (best >= 0)
            {
                if (history.LeastFloor(p) > Math.Max(_ceiling0[best], _ceiling1[best]))
                {
                    // It and every project after it in this order cost more than `best` throughout.
                    break;
                }
                if (Beaten(history, p, best))
                {
                    continue;
                }
                TryRaisePriceFloor(history, p);
                if (Beaten(history, p, best))
                {
                    continue;
                }
            }
            if (!TryPriceCeiling(history, p))
            {
                if (UnaffordableThroughout(history, p))
                {
                    history.Open[p] = false;
                }
                else
                {
                    uncertain.Add(p);
                }
                continue;
            }
            candidates.Add(p);
            if (best < 0 || _ceiling0[p] + _ceiling1[p] < _ceiling0[best] + _ceiling1[best])
            {
                best = p;
            }
        }
        if (best < 0)
        {
            return uncertain.Count == 0;
        }
        // Projects priced before `best` was found may still have stale floors.
        candidates.RemoveAll(p => p != best && BeatenAfterRaisingFloor(history, p, best));
        return uncertain.TrueForAll(p => BeatenAfterRaisingFloor(history, p, best));
    }

    /// <summary>How many histories certificates have made so far (the rest were reused).</summary>
    public int HistoriesMade { get; private set; }

    private History Spare()
    {
        while (_spareHistories.TryPop(out var history))
        {
            if (history.Capacity >= _moneyClasses)
            {
                return history;
            }
        }
        HistoriesMade++;
        return new History(_moneyClasses + _moneyClasses / 4, _election.ProjectCount);
    }

    private void MakeMoneyClasses(bool[] target)
    {
        if (_classesTarget.AsSpan().SequenceEqual(target))
        {
            return;
        }
        _classesTarget = (bool[])target.Clone();
        var classes = new Dictionary<int, int>(new SameTargetSupport(_election, target));
        _moneyClassOf = new int[_election.GroupCount];
        for (var g = 0; g < _moneyClassOf.Length; g++)
        {
            if (!classes.TryGetValue(g, out var c))
            {
                c = classes[g] = classes.Count;
            }
            _moneyClassOf[g] = c;
        }
        _moneyClasses = classes.Count;
        _paidStamp = new int[_moneyClasses];
    }

    // Groups alike in their support for the target projects.
    private sealed class SameTargetSupport(MultiProfile election, bool[] target) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y)
        {
            var (i, j) = (0, 0);
            var (xs, ys) = (election.GroupProjects[x], election.GroupProjects[y]);
            while (true)
            {
                while (i < xs.Length && !target[xs[i]])
                {
                    i++;
                }
                while (j < ys.Length && !target[ys[j]])
                {
                    j++;
                }
                if (i == xs.Length || j == ys.Length)
                {
                    return i == xs.Length && j == ys.Length;
                }
                if (xs[i] != ys[j] || election.GroupSupport[x][i] != election.GroupSupport[y][j])
                {
                    return false;
                }
                i++;
                j++;
            }
        }

        public int GetHashCode(int group)
        {
            var hash = new HashCode();
            var projects = election.GroupProjects[group];
            for (var i = 0; i < projects.Length; i++)
            {
                if (target[projects[i]])
                {
                    hash.Add(projects[i]);
                    hash.Add(election.GroupSupport[group][i]);
                }
            }
            return hash.ToHashCode();
        }
    }

    private bool BeatenAfterRaisingFloor(History history, int p, int by)
    {
        if (!Beaten(history, p, by))
        {
            TryRaisePriceFloor(history, p);
        }
        return Beaten(history, p, by);
    }

    private bool Beaten(History history, int p, int by) =>
        history.Floor0[p] > _ceiling0[by] && history.Floor1[p] > _ceiling1[by];

    // Supporters pay min(m, ρ·u): new money max(0, m − ρ·u), bounded above by its chord and below by λ·(L − R·u).
    // p is a target project, so every group of a money class supports it, each as much: a class pays once.
    private void PayThroughout(History history, int p)
    {
        var groups = _election.SupporterGroups[p];
        var satisfaction = _satisfaction[p];
        _paidRound++;
        for (var i = 0; i < groups.Length; i++)
        {
            var c = _moneyClassOf[groups[i]];
            if (_paidStamp[c] == _paidRound)
            {
                continue;
            }
            _paidStamp[c] = _paidRound;
            var u = satisfaction[i];
            history.High0[c] = PaidAtLeast(history.High0[c], history.Floor0[p] * u);
            history.High1[c] = PaidAtLeast(history.High1[c], history.Floor1[p] * u);
            var low0 = PaidAtMost(history.Low0[c], _ceiling0[p] * u);
            var low1 = PaidAtMost(history.Low1[c], _ceiling1[p] * u);
            // λ = 0 (nobody has less than nothing) unless the line is the better bound over the range.
            (history.Low0[c], history.Low1[c]) = low0 + low1 > 0 ? (low0, low1) : (0, 0);
        }
        history.Open[p] = false;
        history.Bought.Add(p);
    }

    private static double PaidAtLeast(double money, double paid) => Math.Max(0, money - paid + Rounding * (money + Math.Abs(paid)));

    private static double PaidAtMost(double money, double paid) => money - paid - Rounding * (Math.Abs(money) + paid);

    // A floating sum of n terms, each within a rounding of its value, is within (n + 2) roundings of the sum of the
    // terms' sizes (the cost's own rounding included).
    private double SumMargin(int p, double magnitude) => Rounding * (_election.SupporterGroups[p].Length + 2) * (magnitude + _costInShares[p]);

    private bool UnaffordableThroughout(History history, int p)
    {
        double total0 = 0, total1 = 0;
        foreach (var g in _election.SupporterGroups[p])
        {
            total0 += history.High0[_moneyClassOf[g]] * _election.Multiplicity[g];
            total1 += history.High1[_moneyClassOf[g]] * _election.Multiplicity[g];
        }
        return total0 + SumMargin(p, total0) < _costInShares[p] && total1 + SumMargin(p, total1) < _costInShares[p];
    }

    // R at both ends, priced with everyone's least money and raised by enough to clear the margin; false when it
    // cannot be certified.
    private bool TryPriceCeiling(History history, int p)
    {
        return TryEnd(history.Low0, out _ceiling0[p]) && TryEnd(history.Low1, out _ceiling1[p]);

        bool TryEnd(double[] money, out double ceiling)
        {
            var groups = _election.SupporterGroups[p];
            var satisfaction = _satisfaction[p];
            var (guess, richSatisfaction) = GuessPrice(p, money);
            ceiling = guess * (1 + 1e-12) + 4 * SumMargin(p, _costInShares[p]) / richSatisfaction;
            double total = 0, magnitude = 0;
            for (var i = 0; i < groups.Length; i++)
            {
                var paid = Math.Min(money[_moneyClassOf[groups[i]]], ceiling * satisfaction[i]) * _election.Multiplicity[groups[i]];
                total += paid;
                magnitude += Math.Abs(paid);
            }
            return double.IsFinite(ceiling) && total - SumMargin(p, magnitude) > _costInShares[p];
        }
    }

    // A higher Q, kept when certified: each voter's term is chosen where the guesses put it at the middle of the range,
    // and Q solves that affine sum = cost at each end, lowered by enough to clear the margin.
    private void TryRaisePriceFloor(History history, int p)
    {
        var guess0 = GuessPrice(p, history.High0).Price;
        var guess1 = GuessPrice(p, history.High1).Price;
        if (!(guess0 > history.Floor0[p] || guess1 > history.Floor1[p]))
        {
            return;
        }
        var groups = _election.SupporterGroups[p];
        var satisfaction = _satisfaction[p];
        double money0 = 0, money1 = 0, richSatisfaction = 0;
        for (var i = 0; i < groups.Length; i++)
        {
            var c = _moneyClassOf[groups[i]];
            var m = _election.Multiplicity[groups[i]];
            if (history.High0[c] + history.High1[c] <= (guess0 + guess1) * satisfaction[i])
            {
                money0 += history.High0[c] * m;
                money1 += history.High1[c] * m;
            }
            else
            {
                richSatisfaction += (double)satisfaction[i] * m;
            }
        }
        if (richSatisfaction == 0)
        {
            return;
        }
        var floor0 = (_costInShares[p] - money0 - 4 * SumMargin(p, money0)) / richSatisfaction * (1 - 1e-12);
        var floor1 = (_costInShares[p] - money1 - 4 * SumMargin(p, money1)) / richSatisfaction * (1 - 1e-12);
        if (floor0 + floor1 > history.Floor0[p] + history.Floor1[p])
        {
            // A negative end stays: clamping one end to 0 would not give a line below the price.
            (history.Floor0[p], history.Floor1[p]) = (floor0, floor1);
        }
    }

    // The rich/poor fixpoint in doubles over per-group money, with the rich voters' satisfaction;
    // NaN when the supporters seem unable to pay. Only a guess: callers certify what they make of it.
    private (double Price, double RichSatisfaction) GuessPrice(int p, double[] money)
    {
        var groups = _election.SupporterGroups[p];
        var satisfaction = _satisfaction[p];
        var multiplicity = _election.Multiplicity;
        var poorMoney = 0.0;
        double richSatisfaction = 0;
        for (var i = 0; i < groups.Length; i++)
        {
            // A lower bound may be below zero at one end; it then counts as it is, as in the certifying sum.
            _poor[i] = money[_moneyClassOf[groups[i]]] <= 0;
            if (_poor[i])
            {
                poorMoney += money[_moneyClassOf[groups[i]]] * multiplicity[groups[i]];
            }
            else
            {
                richSatisfaction += (double)multiplicity[groups[i]] * satisfaction[i];
            }
        }
        while (richSatisfaction > 0)
        {
            var price = (_costInShares[p] - poorMoney) / richSatisfaction;
            var changed = false;
            for (var i = 0; i < groups.Length; i++)
            {
                if (!_poor[i] && money[_moneyClassOf[groups[i]]] < price * satisfaction[i])
                {
                    _poor[i] = true;
                    changed = true;
                    poorMoney += money[_moneyClassOf[groups[i]]] * multiplicity[groups[i]];
                    richSatisfaction -= (double)multiplicity[groups[i]] * satisfaction[i];
                }
            }
            if (!changed)
            {
                return (price, richSatisfaction);
            }
        }
        return (double.NaN, 0);
    }

    // One possible history of rounds over the range: money bounds per money class and price bounds at its two ends,
    // what is bought and open.
    private sealed class History(int capacity, int projects)
    {
        private int _classes;

        public History Start(EqualSharesRun run, long from, long to)
        {
            _classes = run._moneyClasses;
            Array.Fill(Low0, from * (1 - Rounding), 0, _classes);
            Array.Fill(Low1, to * (1 - Rounding), 0, _classes);
            Array.Fill(High0, from * (1 + Rounding), 0, _classes);
            Array.Fill(High1, to * (1 + Rounding), 0, _classes);
            Array.Clear(Open);
            foreach (var p in run.Candidates)
            {
                Open[p] = true;
                // Nobody pays more than ρ·u, so the supporters cannot raise the cost below cost ÷ Σu.
                Floor0[p] = Floor1[p] = (double)run._costInShares[p] / run._totalSatisfaction[p] * (1 - 1e-12);
            }
            Bought.Clear();
            return this;
        }

        public History CopyFrom(History other)
        {
            _classes = other._classes;
            Array.Copy(other.Low0, Low0, _classes);
            Array.Copy(other.Low1, Low1, _classes);
            Array.Copy(other.High0, High0, _classes);
            Array.Copy(other.High1, High1, _classes);
            other.Floor0.CopyTo(Floor0, 0);
            other.Floor1.CopyTo(Floor1, 0);
            other.Open.CopyTo(Open, 0);
            Bought.Clear();
            Bought.AddRange(other.Bought);
            return this;
        }

        public int Capacity => Low0.Length;

        public double[] Low0 { get; } = new double[capacity];
        public double[] Low1 { get; } = new double[capacity];
        public double[] High0 { get; } = new double[capacity];
        public double[] High1 { get; } = new double[capacity];
        public double[] Floor0 { get; } = new double[projects];
        public double[] Floor1 { get; } = new double[projects];
        public bool[] Open { get; } = new bool[projects];
        public List<int> Bought { get; } = [];

        public double LeastFloor(int p) => Math.Min(Floor0[p], Floor1[p]);

        // Bounds of both histories: at each end the smaller lower bound and the larger upper bound (the line through
        // those ends is below, or above, both lines). Open if open in either.
        public void Merge(History other)
        {
            for (var c = 0; c < _classes; c++)
            {
                Low0[c] = Math.Min(Low0[c], other.Low0[c]);
                Low1[c] = Math.Min(Low1[c], other.Low1[c]);
                High0[c] = Math.Max(High0[c], other.High0[c]);
                High1[c] = Math.Max(High1[c], other.High1[c]);
            }
            for (var p = 0; p < Floor0.Length; p++)
            {
                Floor0[p] = Math.Min(Floor0[p], other.Floor0[p]);
                Floor1[p] = Math.Min(Floor1[p], other.Floor1[p]);
                Open[p] |= other.Open[p];
            }
        }
    }
}
