using System.Security.Cryptography;
using System.Text;
using Google.OrTools.LinearSolver;

namespace Cocreo.Sortition;

/// <summary>A distribution rounded to a uniform lottery over a fixed number of concrete panels.</summary>
/// <param name="Lottery">The rounded distribution: every group is one person, every panel has probability 1/m.</param>
/// <param name="LargestDeviation">The largest difference between a person's probability before and after rounding.</param>
public sealed record UniformLotteryResult(PanelDistribution Lottery, double LargestDeviation);

/// <summary>
/// Rounds a distribution to a uniform lottery over m panels, so that the draw can be done with dice or numbered
/// balls, in the spirit of Flanigan et al., "Fair sortition made transparent" (NeurIPS 2021), with a simpler method:
/// (1) each panel is used ⌊m·p⌋ or ⌈m·p⌉ times, choosing which round up by a small integer program (SCIP) that keeps
/// every group's total seats across the m panels as close as possible to m times its expected seats; (2) each group's
/// seats across the m panels are handed to its members in turn, in an order fixed by hashing the distribution's digest
/// with each id, so every member appears within one panel of every other. A person's probability therefore moves by at
/// most (group deviation + 1) / m; the result reports the exact largest move.
/// </summary>
public static class UniformLottery
{
    /// <summary>Rounds the distribution to <paramref name="panels"/> equally likely concrete panels.</summary>
    public static UniformLotteryResult Round(PanelDistribution distribution, int panels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(panels, 1);
        var copies = RoundCopies(distribution, panels);
        var digest = distribution.Digest();

        // Every person becomes a group of one; the expanded panels list who sits on each.
        var people = new List<ProfileGroup>();
        var personIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new string[distribution.Groups.Count][];
        foreach (var group in distribution.Groups)
        {
            order[group.Index] = group.MemberIds.OrderBy(id => Rank(digest, id), StringComparer.Ordinal).ToArray();
            foreach (var id in group.MemberIds)
            {
                personIndex[id] = people.Count;
                people.Add(new ProfileGroup(people.Count, group.Values, [id]));
            }
        }
        var cursor = new int[distribution.Groups.Count];
        var appearances = new int[people.Count];
        var expanded = new List<PanelComposition>();
        for (var p = 0; p < distribution.Panels.Count; p++)
        {
            for (var copy = 0; copy < copies[p]; copy++)
            {
                var seated = new List<int>();
                foreach (var seats in distribution.Panels[p].Seats)
                {
                    var members = order[seats.Group];
                    for (var s = 0; s < seats.Seats; s++)
                    {
                        // Consecutive turns within one panel are distinct people, since a panel never seats more than the group has.
                        var person = personIndex[members[cursor[seats.Group] % members.Length]];
                        cursor[seats.Group]++;
                        seated.Add(person);
                        appearances[person]++;
                    }
                }
                seated.Sort();
                expanded.Add(new PanelComposition(1.0 / panels, seated.Select(i => new GroupSeats(i, 1)).ToArray()));
            }
        }
        var before = distribution.PersonProbabilities();
        var deviation = people.Max(p => Math.Abs((double)appearances[p.Index] / panels - before[p.MemberIds[0]]));
        return new UniformLotteryResult(new PanelDistribution(distribution.PanelSize, people, expanded), deviation);
    }

    /// <summary>How many times each panel is used: ⌊m·p⌋ plus a 0/1 round-up chosen by integer programming.</summary>
    private static int[] RoundCopies(PanelDistribution distribution, int m)
    {
        var count = distribution.Panels.Count;
        var floors = distribution.Panels.Select(p => (int)Math.Floor(p.Probability * m + 1e-9)).ToArray();
        var roundUps = m - floors.Sum();
        var fractional = Enumerable.Range(0, count).Where(p => distribution.Panels[p].Probability * m - floors[p] > 1e-9).ToArray();
        if (roundUps <= 0 || fractional.Length == 0)
        {
            return floors;
        }
        // Largest remainders first: the answer when the integer program cannot improve on it in time.
        var copies = (int[])floors.Clone();
        foreach (var p in fractional.OrderByDescending(p => distribution.Panels[p].Probability * m - floors[p]).Take(roundUps))
        {
            copies[p]++;
        }
        using var solver = Solver.CreateSolver("SCIP");
        if (solver is null)
        {
            return copies;
        }
        var up = fractional.ToDictionary(p => p, _ => solver.MakeBoolVar(""));
        var deviation = solver.MakeNumVar(0, double.PositiveInfinity, "");
        var total = solver.MakeConstraint(roundUps, roundUps, "");
        foreach (var variable in up.Values)
        {
            total.SetCoefficient(variable, 1);
        }
        var groups = distribution.Groups.Count;
        var target = new double[groups];
        var fixedSeats = new double[groups];
        var terms = new List<(int Panel, int Seats)>[groups];
        for (var g = 0; g < groups; g++)
        {
            terms[g] = [];
        }
        for (var p = 0; p < count; p++)
        {
            foreach (var seats in distribution.Panels[p].Seats)
            {
                target[seats.Group] += distribution.Panels[p].Probability * m * seats.Seats;
                fixedSeats[seats.Group] += floors[p] * seats.Seats;
                terms[seats.Group].Add((p, seats.Seats));
            }
        }
        for (var g = 0; g < groups; g++)
        {
            var size = distribution.Groups[g].Size;
            // −deviation·size ≤ fixed + Σ up·seats − target ≤ deviation·size
            var upper = solver.MakeConstraint(double.NegativeInfinity, target[g] - fixedSeats[g], "");
            var lower = solver.MakeConstraint(target[g] - fixedSeats[g], double.PositiveInfinity, "");
            upper.SetCoefficient(deviation, -size);
            lower.SetCoefficient(deviation, size);
            foreach (var (p, seats) in terms[g].Where(t => up.ContainsKey(t.Panel)))
            {
                upper.SetCoefficient(up[p], seats);
                lower.SetCoefficient(up[p], seats);
            }
        }
        solver.Objective().SetCoefficient(deviation, 1);
        solver.Objective().SetMinimization();
        solver.SetTimeLimit(10_000);
        solver.SetHint(new MPVariableVector(up.Values), up.Keys.Select(p => copies[p] > floors[p] ? 1.0 : 0.0).ToArray());
        var status = solver.Solve();
        if (status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)
        {
            foreach (var (p, variable) in up)
            {
                copies[p] = floors[p] + (variable.SolutionValue() > 0.5 ? 1 : 0);
            }
        }
        return copies;
    }

    private static string Rank(string digest, string id) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(digest + "\u001f" + id)));
}
