namespace Cocreo.Sortition.Tests;

/// <summary>
/// LEGACY's exact selection probabilities for pools with few profile groups and no households, by dynamic programming
/// over the seats each group has got: the greedy procedure only looks at counts, so the state after each seat is the
/// vector of seats per group, and the probability of each next group follows from the rule. Runs that reach a dead end
/// are restarted in practice, so the result is conditional on success. Written from the procedure's description,
/// independently of the engine's implementation.
/// </summary>
internal static class LegacyExact
{
    public static (double[] Probability, double[] SeatVariance) ByGroup(SelectionInput input)
    {
        var groups = ProfileGroup.Form(input.Pool, input.Quotas);
        var features = input.Pool.Features;
        var values = groups.Select(g => features.Select((f, i) => f.IndexOf(g.Values[i])).ToArray()).ToArray();
        var size = groups.Select(g => g.Size).ToArray();
        var k = input.Quotas.PanelSize;
        var states = new Dictionary<string, (int[] Seats, double Mass)> { [""] = (new int[groups.Count], 1.0) };
        for (var step = 0; step < k; step++)
        {
            var next = new Dictionary<string, (int[] Seats, double Mass)>();
            foreach (var (seats, mass) in states.Values)
            {
                foreach (var (g, p) in Transitions(seats))
                {
                    var after = (int[])seats.Clone();
                    after[g]++;
                    if (!Alive(after, step + 1))
                    {
                        continue;
                    }
                    var key = string.Join(',', after);
                    next[key] = (after, (next.TryGetValue(key, out var e) ? e.Mass : 0) + mass * p);
                }
            }
            states = next;
        }
        var finals = states.Values.Where(s => MeetsQuotas(s.Seats)).ToList();
        var success = finals.Sum(s => s.Mass);
        var mean = new double[groups.Count];
        var square = new double[groups.Count];
        foreach (var (seats, mass) in finals)
        {
            for (var g = 0; g < seats.Length; g++)
            {
                mean[g] += mass / success * seats[g];
                square[g] += mass / success * seats[g] * seats[g];
            }
        }
        return (mean.Select((m, g) => m / size[g]).ToArray(), mean.Select((m, g) => square[g] - m * m).ToArray());

        int Selected(int[] seats, int f, int v) => Enumerable.Range(0, seats.Length).Where(g => values[g][f] == v).Sum(g => seats[g]);

        // A value that reaches its maximum through a selection sends everyone else with it away (a maximum of 0 never does).
        bool Removed(int[] seats, int g) => Enumerable.Range(0, features.Count).Any(f =>
            input.Quotas[f, values[g][f]].Max > 0 && Selected(seats, f, values[g][f]) >= input.Quotas[f, values[g][f]].Max);

        int Remaining(int[] seats, int f, int v) => Enumerable.Range(0, seats.Length).Where(g => values[g][f] == v && !Removed(seats, g)).Sum(g => size[g] - seats[g]);

        // After a seat: a value with no one left and its minimum unmet is a dead end; so is an empty pool before the end.
        bool Alive(int[] seats, int filled)
        {
            for (var f = 0; f < features.Count; f++)
            {
                for (var v = 0; v < features[f].Values.Count; v++)
                {
                    if (Remaining(seats, f, v) == 0 && Selected(seats, f, v) < input.Quotas[f, v].Min)
                    {
                        return false;
                    }
                }
            }
            return filled == k || Enumerable.Range(0, seats.Length).Any(g => !Removed(seats, g) && seats[g] < size[g]);
        }

        IEnumerable<(int Group, double Probability)> Transitions(int[] seats)
        {
            (int F, int V)? best = null;
            var bestRatio = double.NegativeInfinity;
            for (var f = 0; f < features.Count; f++)
            {
                for (var v = 0; v < features[f].Values.Count; v++)
                {
                    var quota = input.Quotas[f, v];
                    var need = quota.Min - Selected(seats, f, v);
                    var left = Remaining(seats, f, v);
                    if (need > 0 && left < need)
                    {
                        yield break;
                    }
                    if (left > 0 && quota.Max > 0 && (double)need / left > bestRatio)
                    {
                        bestRatio = (double)need / left;
                        best = (f, v);
                    }
                }
            }
            if (best is not { } chosen)
            {
                yield break;
            }
            var total = Remaining(seats, chosen.F, chosen.V);
            for (var g = 0; g < seats.Length; g++)
            {
                if (values[g][chosen.F] == chosen.V && !Removed(seats, g) && size[g] > seats[g])
                {
                    yield return (g, (double)(size[g] - seats[g]) / total);
                }
            }
        }

        bool MeetsQuotas(int[] seats) => Enumerable.Range(0, features.Count).All(f => Enumerable.Range(0, features[f].Values.Count)
            .All(v => Selected(seats, f, v) >= input.Quotas[f, v].Min && Selected(seats, f, v) <= input.Quotas[f, v].Max));
    }
}
