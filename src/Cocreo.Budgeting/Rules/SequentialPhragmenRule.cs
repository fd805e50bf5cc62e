using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Explanations;

namespace Cocreo.Budgeting.Rules;

/// <summary>
/// Sequential Phragmén: voters earn money continuously; as soon as the supporters of a project have earned its cost
/// (on top of what they already spent), they buy it and start again from zero. Equivalently, each round buys the project
/// whose purchase gives its supporters the smallest common load. Stops at the first project whose purchase would
/// exceed the budget, as pabutools does (ties: if any tied project would exceed it). Every ballot counts as approval of
/// the projects on it (satisfaction does not apply). Projects nobody supports come last (infinite load), still bought
/// while all of them fit, as in pabutools. Loads are exact <see cref="Rational"/>s.
/// </summary>
public sealed class SequentialPhragmenRule : IBudgetingRule
{
    /// <inheritdoc />
    public string Name => "phragmen";

    /// <inheritdoc />
    public Outcome Compute(Instance instance, Profile profile, RuleOptions? options = null)
    {
        options ??= RuleOptions.Default;
        var election = new MultiProfile(instance, profile, options.TieBreaking);
        var projects = election.ProjectCount;
        var remaining = Enumerable.Range(0, projects).Where(p => election.Cost[p] <= election.Budget).ToList();

        // Voters' loads take one value per purchase: group g carries loads[loadOf[g]]. votersAt[p][j] counts the
        // supporters of p who carry load j, so the load a purchase of p would give is (Σⱼ loads[j]·votersAt[p][j] + cost) / supporters.
        var loads = new List<Rational> { Rational.Zero };
        var loadOf = new int[election.GroupCount];
        var votersAt = new long[projects][];
        for (var p = 0; p < projects; p++)
        {
            votersAt[p] = new long[projects + 1];
            votersAt[p][0] = election.Supporters[p];
        }

        var selected = new List<int>();
        var rounds = new List<PhragmenRound>();
        long spent = 0;
        string? stoppedAt = null;
        while (remaining.Count > 0)
        {
            var tied = new List<int>();
            Rational? best = null;
            foreach (var p in remaining)
            {
                Rational? load = election.Supporters[p] == 0 ? null : NewLoad(election, loads, votersAt[p], p);
                var comparison = Compare(load, best);
                if (tied.Count == 0 || comparison < 0)
                {
                    tied.Clear();
                    tied.Add(p);
                    best = load;
                }
                else if (comparison == 0)
                {
                    tied.Add(p);
                }
            }
            tied.Sort((a, b) => election.Priority[a].CompareTo(election.Priority[b]));
            if (tied.FirstOrDefault(p => spent + election.Cost[p] > election.Budget, -1) is var misfit and >= 0)
            {
                stoppedAt = instance.Projects[misfit].Id;
                break;
            }
            var chosen = tied[0];
            remaining.Remove(chosen);
            selected.Add(chosen);
            spent += election.Cost[chosen];
            if (best is { } newLoad)
            {
                var index = loads.Count;
                loads.Add(newLoad);
                foreach (var g in election.SupporterGroups[chosen])
                {
                    foreach (var q in election.GroupProjects[g])
                    {
                        votersAt[q][loadOf[g]] -= election.Multiplicity[g];
                        votersAt[q][index] += election.Multiplicity[g];
                    }
                    loadOf[g] = index;
                }
            }
            rounds.Add(new PhragmenRound(instance.Projects[chosen].Id, instance.Projects[chosen].Cost, election.Supporters[chosen],
                best is { } load2 ? load2 / election.MoneyScale : Rational.Zero));
        }
        return election.Outcome(selected, new PhragmenExplanation(rounds, stoppedAt));
    }

    private static Rational NewLoad(MultiProfile election, List<Rational> loads, long[] votersAt, int p)
    {
        Rational carried = election.Cost[p];
        for (var j = 1; j < loads.Count; j++)
        {
            if (votersAt[j] != 0)
            {
                carried += loads[j] * votersAt[j];
            }
        }
        return carried / election.Supporters[p];
    }

    // Null is an infinite load (nobody supports the project).
    private static int Compare(Rational? a, Rational? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => a.Value.CompareTo(b.Value),
    };
}
