using System.Globalization;
using Google.OrTools.Sat;

namespace Cocreo.Meetings.TablePlans;

/// <summary>
/// The exact model, for small rooms: x[r,p,t] = p sits at table t in planned round r. It minimises, strictly in this
/// order (by weights that no lower level can outweigh), bound violations, repeat meetings and diversity deviation,
/// starting from the local search's plan as a hint. With one worker, a fixed seed and a deterministic time limit its
/// answer does not depend on the machine's load.
/// </summary>
internal static class CpSatPlanner
{
    public static (int[][] Plan, bool Optimal)? Solve(Room room, int[][] hint, int seed, double deterministicSeconds)
    {
        var n = room.Count;
        var tables = room.Tables;
        var (baseSize, bigger) = room.Sizes;
        var maxSize = baseSize + (bigger > 0 ? 1 : 0);
        var present = Enumerable.Range(0, n).Where(p => room.Present[p]).ToArray();
        var model = new CpModel();
        var x = new Dictionary<(int R, int P), BoolVar[]>();
        for (var r = room.Held; r < room.Rounds; r++)
        {
            foreach (var p in present)
            {
                var row = new BoolVar[tables];
                for (var t = 0; t < tables; t++)
                {
                    row[t] = model.NewBoolVar($"x{r}_{p}_{t}");
                    model.AddHint(row[t], hint[r][p] == t ? 1 : 0);
                }
                model.AddExactlyOne(row);
                if (room.HostTable[p] >= 0)
                {
                    model.Add(row[room.HostTable[p]] == 1);
                }
                x[(r, p)] = row;
            }
        }

        var slots = new List<(int A, int V)>();
        for (var a = 0; a < room.Attributes; a++)
        {
            for (var v = 0; v < room.ValueNames[a].Length; v++)
            {
                slots.Add((a, v));
            }
        }
        var planned = room.Rounds - room.Held;
        long maxDeviation = (long)planned * tables * slots.Count * (maxSize + 1) + 1;
        long pairCount = (long)present.Length * (present.Length - 1) / 2;
        long repeatWeight = maxDeviation + 1;
        long boundWeight = repeatWeight * (pairCount * room.Rounds + 1);
        var deviations = new List<IntVar>();
        var violations = new List<IntVar>();
        for (var r = room.Held; r < room.Rounds; r++)
        {
            var bigs = new BoolVar[tables];
            for (var t = 0; t < tables; t++)
            {
                var big = bigs[t] = model.NewBoolVar($"big{r}_{t}");
                var seated = LinearExpr.Sum(present.Select(p => x[(r, p)][t]));
                model.Add(seated == baseSize + big);
                foreach (var (a, v) in slots)
                {
                    var having = present.Count(p => room.Value[p][a] == v);
                    var (low0, high0) = Room.FairRange(baseSize, having, present.Length);
                    var (low1, high1) = Room.FairRange(baseSize + 1, having, present.Length);
                    var countExpr = LinearExpr.Sum(present.Where(p => room.Value[p][a] == v).Select(p => x[(r, p)][t]));
                    var d = model.NewIntVar(0, maxSize, $"d{r}_{t}_{a}_{v}");
                    model.Add(d >= countExpr - high0 - (high1 - high0) * big);
                    model.Add(d >= low0 + (low1 - low0) * big - countExpr);
                    deviations.Add(d);
                    if (room.HasMin[a][v] || room.HasMax[a][v])
                    {
                        var b = model.NewIntVar(0, maxSize, $"b{r}_{t}_{a}_{v}");
                        if (room.HasMin[a][v])
                        {
                            model.Add(b >= room.MinBound[a][v] - countExpr);
                        }
                        if (room.HasMax[a][v])
                        {
                            model.Add(b >= countExpr - room.MaxBound[a][v]);
                        }
                        violations.Add(b);
                    }
                }
            }
            model.Add(LinearExpr.Sum(bigs) == bigger);
        }

        var repeats = new List<IntVar>();
        for (var i = 0; i < present.Length; i++)
        {
            for (var j = i + 1; j < present.Length; j++)
            {
                var (p, q) = (present[i], present[j]);
                if (room.HostTable[p] >= 0 && room.HostTable[q] >= 0)
                {
                    continue; // hosts of two tables never meet
                }
                var before = 0;
                for (var r = 0; r < room.Held; r++)
                {
                    if (room.HeldTable[r][p] >= 0 && room.HeldTable[r][p] == room.HeldTable[r][q])
                    {
                        before++;
                    }
                }
                var meetings = new List<LinearExpr>();
                for (var r = room.Held; r < room.Rounds; r++)
                {
                    var y = model.NewBoolVar($"y{r}_{p}_{q}");
                    for (var t = 0; t < tables; t++)
                    {
                        model.Add(y >= x[(r, p)][t] + x[(r, q)][t] - 1);
                    }
                    meetings.Add(y);
                }
                if (meetings.Count + before <= 1)
                {
                    continue;
                }
                var z = model.NewIntVar(0, room.Rounds, $"z{p}_{q}");
                model.Add(z >= LinearExpr.Sum(meetings) + (before - 1));
                repeats.Add(z);
            }
        }
        model.Minimize(boundWeight * LinearExpr.Sum(violations) + repeatWeight * LinearExpr.Sum(repeats) + LinearExpr.Sum(deviations));

        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"num_workers:1 random_seed:{seed & int.MaxValue} max_deterministic_time:{deterministicSeconds}"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return null;
        }
        var plan = hint.Select(row => (int[])row.Clone()).ToArray();
        foreach (var ((r, p), row) in x)
        {
            for (var t = 0; t < tables; t++)
            {
                if (solver.BooleanValue(row[t]))
                {
                    plan[r][p] = t;
                }
            }
        }
        return (plan, status == CpSolverStatus.Optimal);
    }
}
