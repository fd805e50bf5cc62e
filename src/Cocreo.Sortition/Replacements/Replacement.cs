namespace Cocreo.Sortition;

/// <summary>The vacancies left by dropouts and the fair lottery that fills them.</summary>
/// <param name="Remaining">The ids of the panel members who stay.</param>
/// <param name="Dropouts">The ids of those who left.</param>
/// <param name="Candidates">The pool the replacements are drawn from: everyone not on the panel, not a dropout, not unavailable, and not sharing a household with someone who stays.</param>
/// <param name="VacancyQuotas">The quotas for the vacancies alone: each quota less what the remaining members already fill.</param>
/// <param name="Selection">LEXIMIN over the candidates for the vacancies (with a diagnosis when no replacement keeps the quotas).</param>
public sealed record ReplacementPlan(IReadOnlyList<string> Remaining, IReadOnlyList<string> Dropouts, Pool Candidates, QuotaSet VacancyQuotas, SelectionResult Selection);

/// <summary>
/// Replacements that keep every quota, chosen as fairly and as verifiably as the panel itself: the vacancies get their
/// own quotas (the original bounds less what the members who stay already fill), LEXIMIN computes the fairest
/// distribution over sets of replacements from the candidates, and the organiser publishes it and draws from it with
/// a new committed seed, exactly like the first draw.
/// </summary>
public static class Replacement
{
    /// <summary>Plans the replacement of <paramref name="dropouts"/> on <paramref name="panel"/>.</summary>
    /// <exception cref="ArgumentException">An id is not in the pool, or a dropout is not on the panel.</exception>
    public static ReplacementPlan Plan(Pool pool, QuotaSet quotas, IReadOnlyCollection<string> panel, IReadOnlyCollection<string> dropouts,
        IReadOnlyCollection<string>? unavailable = null, LeximinOptions? options = null)
    {
        foreach (var id in panel.Concat(dropouts).Concat(unavailable ?? []))
        {
            if (pool.IndexOf(id) < 0)
            {
                throw new ArgumentException($"'{id}' is not in the pool.", nameof(panel));
            }
        }
        var onPanel = panel.ToHashSet(StringComparer.Ordinal);
        var leaving = dropouts.ToHashSet(StringComparer.Ordinal);
        foreach (var id in leaving.Where(id => !onPanel.Contains(id)))
        {
            throw new ArgumentException($"'{id}' dropped out but is not on the panel.", nameof(dropouts));
        }
        var remaining = panel.Where(id => !leaving.Contains(id)).Order(StringComparer.Ordinal).ToArray();
        var excluded = onPanel.Concat(unavailable ?? []).ToHashSet(StringComparer.Ordinal);
        var households = quotas.OnePerHousehold
            ? remaining.Select(id => pool[id].Household).Where(h => h is not null).ToHashSet(StringComparer.Ordinal)
            : [];
        var candidates = pool.Where(p => !excluded.Contains(p.Id) && (p.Household is null || !households.Contains(p.Household)));

        var staying = remaining.Select(id => pool[id]).ToArray();
        var vacancyQuotas = new List<Quota>();
        var findings = new List<string>();
        for (var f = 0; f < pool.Features.Count; f++)
        {
            for (var v = 0; v < pool.Features[f].Values.Count; v++)
            {
                var quota = quotas[f, v];
                var filled = staying.Count(p => p.Values[f] == v);
                if (filled > quota.Max)
                {
                    findings.Add($"{quota.Feature}={quota.Value}: the {filled} members who stay already exceed the maximum {quota.Max}.");
                }
                vacancyQuotas.Add(quota with
                {
                    Min = Math.Max(0, quota.Min - filled),
                    Max = Math.Max(0, quota.Max - filled),
                    MinFlex = quota.MinFlex is { } minFlex ? Math.Max(0, minFlex - filled) : null,
                    MaxFlex = quota.MaxFlex is { } maxFlex ? Math.Max(0, maxFlex - filled) : null,
                });
            }
        }
        var dropped = dropouts.Order(StringComparer.Ordinal).ToArray();
        var vacancies = new QuotaSet(pool.Features, vacancyQuotas, Math.Max(1, dropped.Length), quotas.OnePerHousehold);
        if (findings.Count > 0 || dropped.Length == 0)
        {
            if (dropped.Length == 0)
            {
                findings.Add("No one dropped out; there is nothing to replace.");
            }
            var report = new FeasibilityReport(false, findings, [], [], relaxationSuffices: false);
            return new ReplacementPlan(remaining, dropped, candidates, vacancies,
                new SelectionResult(SelectionAlgorithm.Leximin, report, [], null, findings));
        }
        return new ReplacementPlan(remaining, dropped, candidates, vacancies, Leximin.Select(candidates, vacancies, options));
    }
}
