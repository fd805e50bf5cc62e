using Cocreo.Budgeting.Election;

namespace Cocreo.Budgeting.Tests;

/// <summary>Small elections written out in tests, and random ones for property tests.</summary>
internal static class Elections
{
    /// <summary>An approval election: projects as (id, cost), ballots as lists of project ids.</summary>
    public static (Instance Instance, Profile Profile) Approval(decimal budget, (string Id, decimal Cost)[] projects, params string[][] ballots)
    {
        var instance = new Instance(budget, projects.Select(p => new Project(p.Id, p.Cost)));
        var profile = new Profile(VoteType.Approval, ballots.Select((ids, i) => new Ballot($"v{i + 1}", ids.Select(id => instance[id]).ToArray())));
        return (instance, profile);
    }

    /// <summary>A random election: approval, or cumulative with points, with costs drawn from a small set so that ties happen.</summary>
    public static (Instance Instance, Profile Profile) Random(int seed)
    {
        var random = new Random(seed);
        var projectCount = random.Next(1, 12);
        var costs = new[] { 10m, 20m, 30m, 35m, 50m, 60m, 100m, 7m, 3m };
        var projects = Enumerable.Range(1, projectCount)
            .Select(i => new Project($"p{i}", random.Next(10) == 0 ? random.Next(1, 200) : costs[random.Next(costs.Length)]))
            .ToArray();
        var budget = random.Next(0, 4) == 0 ? random.Next(1, 500) + 0.5m : random.Next(1, 400);
        var instance = new Instance(budget, projects);
        var cumulative = random.Next(3) == 0;
        var voterCount = random.Next(1, 60);
        var ballots = new List<Ballot>();
        for (var v = 0; v < voterCount; v++)
        {
            var chosen = projects.Where(_ => random.Next(3) == 0).ToArray();
            ballots.Add(cumulative
                ? new Ballot($"v{v}", chosen, chosen.Select(_ => random.Next(1, 4)).ToArray())
                : new Ballot($"v{v}", chosen));
        }
        return (instance, new Profile(cumulative ? VoteType.Cumulative : VoteType.Approval, ballots));
    }
}
