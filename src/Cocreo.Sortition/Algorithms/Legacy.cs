namespace Cocreo.Sortition;

/// <summary>How LEGACY's probabilities were estimated.</summary>
/// <param name="Runs">Panels drawn (successful runs).</param>
/// <param name="Restarts">Runs that ran into a dead end and were started again, as organisers do.</param>
public sealed record LegacyEstimate(int Runs, int Restarts)
{
    /// <summary>The standard error of an estimated probability p: √(p(1−p)/runs).</summary>
    public double StandardError(double probability) => Math.Sqrt(probability * (1 - probability) / Runs);
}

/// <summary>
/// The Sortition Foundation's greedy procedure (the "legacy" algorithm of stratification-app, which Flanigan et al.
/// compare against). Seat by seat, it finds the feature value whose unmet minimum is largest relative to the people
/// still available with it — (min − selected) / remaining, the first in file order on ties — and seats a uniformly
/// random person with that value; when a value reaches its maximum, everyone else with it leaves the pool, and with the
/// household rule so do the housemates of each selected person. It can run into a dead end; it is then started again.
/// </summary>
public static class Legacy
{
    /// <summary>Draws one panel, restarting after dead ends; null when <paramref name="maxAttempts"/> attempts all failed.</summary>
    public static IReadOnlyList<Person>? SelectPanel(Pool pool, QuotaSet quotas, Random random, int maxAttempts = 10_000)
    {
        var run = new LegacyRun(pool, quotas);
        for (var attempt = 0; attempt < maxAttempts; attempt++)
        {
            if (run.TrySelect(random) is { } panel)
            {
                return panel.Select(i => pool.People[i]).ToArray();
            }
        }
        return null;
    }

    /// <summary>
    /// Estimates everyone's selection probability by drawing <paramref name="runs"/> panels. The estimates have standard
    /// error √(p(1−p)/runs); Flanigan et al. used 10,000 runs.
    /// </summary>
    public static SelectionResult Estimate(Pool pool, QuotaSet quotas, int runs, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(runs);
        var feasibility = Feasibility.Check(pool, quotas);
        if (!feasibility.IsFeasible)
        {
            return new SelectionResult(SelectionAlgorithm.Legacy, feasibility, [], null, ["No panel meets the quotas; LEGACY cannot select."]);
        }
        var run = new LegacyRun(pool, quotas);
        var times = new int[pool.Count];
        var restarts = 0;
        for (var r = 0; r < runs; r++)
        {
            int[]? panel;
            var failures = 0;
            while ((panel = run.TrySelect(random)) is null)
            {
                restarts++;
                if (++failures == 10_000)
                {
                    return new SelectionResult(SelectionAlgorithm.Legacy, feasibility, [], null,
                        [$"LEGACY ran into a dead end 10,000 times in a row, although valid panels exist; it cannot be used on this pool."],
                        legacy: new LegacyEstimate(r, restarts));
                }
            }
            foreach (var i in panel)
            {
                times[i]++;
            }
        }
        var probabilities = pool.People.Select((p, i) => new PersonProbability(p.Id, (double)times[i] / runs)).ToArray();
        var estimate = new LegacyEstimate(runs, restarts);
        var minimum = probabilities.Min(p => p.Probability);
        var explanation = new List<string>
        {
            $"LEGACY drew {runs:N0} panels with the greedy procedure ({restarts:N0} dead ends were restarted); each probability is the share of panels a person was on.",
            $"The lowest estimated probability is {minimum:P2} (standard error {estimate.StandardError(minimum):P2}); estimates carry a standard error of up to {estimate.StandardError(0.5):P2}.",
        };
        return new SelectionResult(SelectionAlgorithm.Legacy, feasibility, probabilities, null, explanation, legacy: estimate);
    }

    /// <summary>The state of one greedy run, kept between runs so that simulations do not allocate.</summary>
    private sealed class LegacyRun
    {
        private readonly Pool pool;
        private readonly QuotaSet quotas;
        private readonly int[][] min;
        private readonly int[][] max;
        private readonly int[][] selected;
        // For each feature value, the people still available with it (the first `remaining` entries), and where each person sits in that list.
        private readonly int[][][] available;
        private readonly int[][] remaining;
        private readonly int[][] position;
        private readonly bool[] present;
        private readonly int[][] housemates;

        public LegacyRun(Pool pool, QuotaSet quotas)
        {
            this.pool = pool;
            this.quotas = quotas;
            var features = pool.Features.Count;
            min = new int[features][];
            max = new int[features][];
            selected = new int[features][];
            available = new int[features][][];
            remaining = new int[features][];
            position = new int[features][];
            for (var f = 0; f < features; f++)
            {
                var counts = pool.CountByValue(f);
                min[f] = counts.Select((_, v) => quotas[f, v].Min).ToArray();
                max[f] = counts.Select((_, v) => quotas[f, v].Max).ToArray();
                selected[f] = new int[counts.Length];
                available[f] = counts.Select(c => new int[c]).ToArray();
                remaining[f] = new int[counts.Length];
                position[f] = new int[pool.Count];
            }
            present = new bool[pool.Count];
            var households = quotas.OnePerHousehold
                ? pool.People.Select((p, i) => (p.Household, i)).Where(p => p.Household is not null).GroupBy(p => p.Household!).ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray())
                : [];
            housemates = pool.People.Select((p, i) => p.Household is not null && households.TryGetValue(p.Household, out var members)
                ? members.Where(m => m != i).ToArray()
                : []).ToArray();
        }

        /// <summary>The indexes of one panel, or null when the run reached a dead end.</summary>
        public int[]? TrySelect(Random random)
        {
            Reset();
            var panel = new int[quotas.PanelSize];
            var alive = pool.Count;
            for (var seat = 0; seat < panel.Length; seat++)
            {
                if (!MostUrgentValue(out var feature, out var value))
                {
                    return null;
                }
                var person = available[feature][value][random.Next(remaining[feature][value])];
                panel[seat] = person;
                if (!Remove(person, selectedNow: true))
                {
                    return null;
                }
                alive--;
                foreach (var housemate in housemates[person])
                {
                    if (present[housemate])
                    {
                        alive--;
                        if (!Remove(housemate, selectedNow: false))
                        {
                            return null;
                        }
                    }
                }
                var values = pool.People[person].Values;
                for (var f = 0; f < values.Length; f++)
                {
                    var v = values[f];
                    if (selected[f][v] == max[f][v])
                    {
                        // The value is full: everyone else with it leaves the pool.
                        while (remaining[f][v] > 0)
                        {
                            alive--;
                            if (!Remove(available[f][v][0], selectedNow: false))
                            {
                                return null;
                            }
                        }
                    }
                }
                if (seat < panel.Length - 1 && alive == 0)
                {
                    return null;
                }
            }
            var chosen = panel.Select(i => pool.People[i]).ToArray();
            return quotas.Violations(chosen).Count == 0 ? panel : null;
        }

        private void Reset()
        {
            for (var f = 0; f < available.Length; f++)
            {
                Array.Clear(selected[f]);
                Array.Clear(remaining[f]);
            }
            for (var i = 0; i < pool.Count; i++)
            {
                present[i] = true;
                var values = pool.People[i].Values;
                for (var f = 0; f < values.Length; f++)
                {
                    var v = values[f];
                    position[f][i] = remaining[f][v];
                    available[f][v][remaining[f][v]++] = i;
                }
            }
        }

        /// <summary>
        /// The value with the largest (min − selected) / remaining among values with people left and a maximum above 0;
        /// false at a dead end (a minimum that the people left cannot reach).
        /// </summary>
        private bool MostUrgentValue(out int feature, out int value)
        {
            feature = -1;
            value = -1;
            long bestNeed = 0, bestLeft = 1;
            for (var f = 0; f < min.Length; f++)
            {
                for (var v = 0; v < min[f].Length; v++)
                {
                    var need = min[f][v] - selected[f][v];
                    var left = remaining[f][v];
                    if (need > 0 && left < need)
                    {
                        return false;
                    }
                    if (left == 0 || max[f][v] == 0)
                    {
                        continue;
                    }
                    // Ratios compared exactly by cross-multiplication: need/left > bestNeed/bestLeft.
                    if (feature < 0 || need * bestLeft > bestNeed * (long)left)
                    {
                        feature = f;
                        value = v;
                        bestNeed = need;
                        bestLeft = left;
                    }
                }
            }
            return feature >= 0;
        }

        /// <summary>Takes a person out of the available lists; false when that leaves a minimum unreachable.</summary>
        private bool Remove(int person, bool selectedNow)
        {
            present[person] = false;
            var values = pool.People[person].Values;
            var ok = true;
            for (var f = 0; f < values.Length; f++)
            {
                var v = values[f];
                if (selectedNow)
                {
                    selected[f][v]++;
                }
                var list = available[f][v];
                var last = list[--remaining[f][v]];
                var at = position[f][person];
                list[at] = last;
                position[f][last] = at;
                if (remaining[f][v] == 0 && selected[f][v] < min[f][v])
                {
                    ok = false;
                }
            }
            return ok;
        }
    }
}
