using Cocreo.Budgeting.Election;

namespace Cocreo.Budgeting.Tests;

/// <summary>
/// The Method of Equal Shares written as plainly as possible (voter by voter, every price recomputed every round, as in
/// pabutools' naive_mes), to check the fast implementation against.
/// </summary>
internal static class NaiveEqualShares
{
    public static (List<Project> Selected, Rational[] Spent) Compute(Instance instance, Profile profile, SatisfactionMeasure measure, Func<Project, Project, int> tieBreak)
    {
        var n = profile.VoterCount;
        var share = Rational.FromDecimal(instance.Budget) / n;
        var budget = Enumerable.Repeat(share, n).ToArray();
        var spent = new Rational[n];
        var longest = profile.Ballots.Max(b => b.Projects.Count);
        Rational Utility(int voter, Project project)
        {
            var ballot = profile.Ballots[voter];
            var position = ballot.Projects.ToList().IndexOf(project);
            if (position < 0)
            {
                return Rational.Zero;
            }
            long support = profile.VoteType switch
            {
                VoteType.Cumulative or VoteType.Scoring => ballot.Points![position],
                VoteType.Ordinal => longest - position,
                _ => 1,
            };
            return measure switch
            {
                SatisfactionMeasure.Cost => Rational.FromDecimal(project.Cost) * support,
                SatisfactionMeasure.Cardinality => Rational.One,
                _ => support,
            };
        }

        var selected = instance.Projects.Where(p => p.Cost == 0 && profile.Ballots.Any(b => b.Projects.Contains(p))).ToList();
        var remaining = instance.Projects.Where(p => p.Cost > 0 && Enumerable.Range(0, n).Any(i => Utility(i, p) > Rational.Zero)).ToList();
        while (true)
        {
            Project? best = null;
            var bestPrice = Rational.Zero;
            foreach (var project in remaining.ToList())
            {
                var supporters = Enumerable.Range(0, n).Where(i => Utility(i, project) > Rational.Zero)
                    .OrderBy(i => budget[i] / Utility(i, project)).ToList();
                var cost = Rational.FromDecimal(project.Cost);
                var paid = Rational.Zero;
                var utilityLeft = supporters.Aggregate(Rational.Zero, (sum, i) => sum + Utility(i, project));
                Rational? price = null;
                foreach (var i in supporters)
                {
                    var candidate = (cost - paid) / utilityLeft;
                    if (candidate * Utility(i, project) <= budget[i])
                    {
                        price = candidate;
                        break;
                    }
                    paid += budget[i];
                    utilityLeft -= Utility(i, project);
                }
                if (price is null)
                {
                    remaining.Remove(project);
                    continue;
                }
                if (best is null || price.Value < bestPrice || (price.Value == bestPrice && tieBreak(project, best) < 0))
                {
                    best = project;
                    bestPrice = price.Value;
                }
            }
            if (best is null)
            {
                return (selected, spent);
            }
            for (var i = 0; i < n; i++)
            {
                var payment = Rational.Min(budget[i], bestPrice * Utility(i, best));
                budget[i] -= payment;
                spent[i] += payment;
            }
            selected.Add(best);
            remaining.Remove(best);
        }
    }
}
