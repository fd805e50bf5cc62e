using System.Globalization;
using Google.OrTools.Sat;
using LinearExpr = Google.OrTools.Sat.LinearExpr;

namespace Cocreo.Sortition;

/// <summary>Decides whether any panel meets the quotas and, when none does, diagnoses why and how to relax them.</summary>
public static class Feasibility
{
    /// <summary>Checks the quotas against the pool; never throws for infeasible quotas, it explains them.</summary>
    public static FeasibilityReport Check(Pool pool, QuotaSet quotas)
    {
        var space = new PanelSpace(pool, quotas, ProfileGroup.Form(pool, quotas));
        return Check(pool, quotas, space);
    }

    internal static FeasibilityReport Check(Pool pool, QuotaSet quotas, PanelSpace space)
    {
        var model = new QuotaModel(space, quotas);
        if (model.Solve(model.AllBounds))
        {
            return FeasibilityReport.Feasible;
        }
        var findings = Findings(pool, quotas);
        if (!model.Solve([]))
        {
            // Not even without quotas: the pool (or its households) is smaller than the panel.
            return new FeasibilityReport(false, findings, [], [], relaxationSuffices: false);
        }
        return new FeasibilityReport(false, findings, model.Conflict(), model.SmallestRelaxation(), relaxationSuffices: true);
    }

    private static List<string> Findings(Pool pool, QuotaSet quotas)
    {
        var k = quotas.PanelSize;
        var findings = new List<string>();
        if (pool.Count < k)
        {
            findings.Add($"The pool has {pool.Count} people; the panel needs {k}.");
        }
        if (quotas.OnePerHousehold)
        {
            var households = pool.People.Count(p => p.Household is null) + pool.People.Where(p => p.Household is not null).Select(p => p.Household).Distinct().Count();
            if (households < k)
            {
                findings.Add($"The pool has {households} households and a panel takes at most one person per household; the panel needs {k}.");
            }
        }
        for (var f = 0; f < pool.Features.Count; f++)
        {
            var feature = pool.Features[f];
            var available = pool.CountByValue(f);
            var minimums = 0;
            var seatable = 0;
            for (var v = 0; v < feature.Values.Count; v++)
            {
                var quota = quotas[f, v];
                minimums += quota.Min;
                seatable += Math.Min(quota.Max, available[v]);
                if (quota.Min > available[v])
                {
                    findings.Add($"{feature.Name}={quota.Value}: the quota asks for at least {quota.Min}, but only {available[v]} people in the pool have this value.");
                }
            }
            if (minimums > k)
            {
                findings.Add($"{feature.Name}: the minimums add up to {minimums}, more than the panel size {k}.");
            }
            if (seatable < k)
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{feature.Name}: the maximums (capped by the people available) allow at most {seatable} panel members, fewer than the panel size {k}."));
            }
        }
        return findings;
    }

    /// <summary>
    /// The quotas as a CP-SAT model over seats per profile group, with each bound switchable (for the conflict) or
    /// relaxable (for the smallest relaxation).
    /// </summary>
    private sealed class QuotaModel
    {
        private readonly PanelSpace space;
        private readonly QuotaSet quotas;
        private readonly List<int>[][] groupsByValue;

        public QuotaModel(PanelSpace space, QuotaSet quotas)
        {
            this.space = space;
            this.quotas = quotas;
            groupsByValue = space.Min.Select(m => m.Select(_ => new List<int>()).ToArray()).ToArray();
            for (var g = 0; g < space.GroupCount; g++)
            {
                for (var f = 0; f < space.FeatureCount; f++)
                {
                    groupsByValue[f][space.ValueOf[g][f]].Add(g);
                }
            }
            AllBounds = [];
            for (var f = 0; f < space.FeatureCount; f++)
            {
                for (var v = 0; v < space.Min[f].Length; v++)
                {
                    if (space.Min[f][v] > 0)
                    {
                        AllBounds.Add((f, v, true));
                    }
                    if (space.Max[f][v] < space.PanelSize)
                    {
                        AllBounds.Add((f, v, false));
                    }
                }
            }
        }

        /// <summary>Every bound that constrains anything: minimums above 0 and maximums below the panel size.</summary>
        public List<(int Feature, int Value, bool IsMinimum)> AllBounds { get; }

        /// <summary>Whether a panel meets the given bounds (the others dropped).</summary>
        public bool Solve(IReadOnlyCollection<(int Feature, int Value, bool IsMinimum)> bounds)
        {
            var (model, seats) = Base();
            foreach (var (f, v, isMinimum) in bounds)
            {
                var count = LinearExpr.Sum(groupsByValue[f][v].Select(g => seats[g]));
                model.Add(isMinimum ? count >= space.Min[f][v] : count <= space.Max[f][v]);
            }
            return Run(model) is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
        }

        /// <summary>
        /// An irreducible infeasible subset of the bounds, by a deletion filter: drop each bound in turn and keep it out
        /// when the rest is still infeasible. CP-SAT's own core (solving under assumptions) was tried first and could
        /// search for minutes, because enforcement literals hide the counting argument from its linear relaxation; each
        /// plain solve here is settled by presolve or the relaxation in milliseconds.
        /// </summary>
        public IReadOnlyList<QuotaBound> Conflict()
        {
            var candidates = AllBounds.ToList();
            for (var i = 0; i < candidates.Count;)
            {
                var without = candidates.Where((_, j) => j != i).ToList();
                if (!Solve(without))
                {
                    candidates = without;
                }
                else
                {
                    i++;
                }
            }
            return candidates.Select(b => new QuotaBound(quotas[b.Feature, b.Value], b.IsMinimum)).ToArray();
        }

        /// <summary>
        /// Minimises the seats by which minimums are lowered and maximums raised; a seat beyond a flexible bound costs
        /// more than all seats within, so the flexible bounds are exhausted first.
        /// </summary>
        public IReadOnlyList<QuotaRelaxation> SmallestRelaxation()
        {
            var (model, seats) = Base();
            var k = space.PanelSize;
            var beyondWeight = 2L * k * (space.Min.Sum(m => m.Length) + 1);
            var costs = new List<LinearExpr>();
            var relaxations = new List<(int F, int V, IntVar LowerWithin, IntVar LowerBeyond, IntVar UpperWithin, IntVar UpperBeyond)>();
            for (var f = 0; f < space.FeatureCount; f++)
            {
                for (var v = 0; v < space.Min[f].Length; v++)
                {
                    var quota = quotas[f, v];
                    var min = space.Min[f][v];
                    var max = space.Max[f][v];
                    // Flexible bounds on the wrong side of the quota (possible when quotas are built in code) allow no relaxation.
                    var minFlex = Math.Clamp(quota.MinFlex ?? 0, 0, min);
                    var lowerWithin = model.NewIntVar(0, min - minFlex, "");
                    var lowerBeyond = model.NewIntVar(0, minFlex, "");
                    var upperRoom = Math.Max(0, k - max);
                    var upperWithin = model.NewIntVar(0, quota.MaxFlex is { } maxFlex ? Math.Clamp(maxFlex - max, 0, upperRoom) : upperRoom, "");
                    var upperBeyond = model.NewIntVar(0, quota.MaxFlex is null ? 0 : upperRoom, "");
                    var count = LinearExpr.Sum(groupsByValue[f][v].Select(g => seats[g]));
                    model.Add(count + lowerWithin + lowerBeyond >= min);
                    model.Add(count - upperWithin - upperBeyond <= max);
                    costs.Add(lowerWithin + upperWithin + beyondWeight * (lowerBeyond + upperBeyond));
                    relaxations.Add((f, v, lowerWithin, lowerBeyond, upperWithin, upperBeyond));
                }
            }
            model.Minimize(LinearExpr.Sum(costs));
            var solver = new CpSolver { StringParameters = "num_workers:2,max_time_in_seconds:60" };
            var status = solver.Solve(model);
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                return [];
            }
            var result = new List<QuotaRelaxation>();
            foreach (var (f, v, lowerWithin, lowerBeyond, upperWithin, upperBeyond) in relaxations)
            {
                var lowered = solver.Value(lowerWithin) + solver.Value(lowerBeyond);
                var raised = solver.Value(upperWithin) + solver.Value(upperBeyond);
                if (lowered + raised > 0)
                {
                    var beyond = solver.Value(lowerBeyond) + solver.Value(upperBeyond) > 0;
                    result.Add(new QuotaRelaxation(quotas[f, v], space.Min[f][v] - (int)lowered, space.Max[f][v] + (int)raised, beyond));
                }
            }
            return result;
        }

        private (CpModel Model, IntVar[] Seats) Base()
        {
            var model = new CpModel();
            var seats = space.Capacity.Select(c => model.NewIntVar(0, c, "")).ToArray();
            model.Add(LinearExpr.Sum(seats) == space.PanelSize);
            foreach (var household in space.Households)
            {
                model.Add(LinearExpr.Sum(household.Select(g => seats[g])) <= 1);
            }
            return (model, seats);
        }

        private static CpSolverStatus Run(CpModel model) =>
            new CpSolver { StringParameters = "num_workers:1" }.Solve(model);
    }
}
