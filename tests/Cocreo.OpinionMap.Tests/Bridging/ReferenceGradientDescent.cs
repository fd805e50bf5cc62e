namespace Cocreo.OpinionMap.Tests.Bridging;

/// <summary>
/// A plain reference for the bridging model, written for clarity, not speed: the same loss
/// Σ (r − μ − i_u − i_s − f_u f_s)² + λ_i (Σ i_u² + Σ i_s² + μ²) + λ_f (Σ f_u² + Σ f_s²), minimised by full-batch
/// gradient descent with a fixed step from a random start (System.Random, not the engine's generator).
/// </summary>
internal sealed class ReferenceGradientDescent
{
    public double Mu { get; private set; }
    public Dictionary<int, double> ParticipantIntercept { get; } = [];
    public Dictionary<int, double> ParticipantFactor { get; } = [];
    public Dictionary<int, double> StatementIntercept { get; } = [];
    public Dictionary<int, double> StatementFactor { get; } = [];
    public double Loss { get; private set; }

    public static ReferenceGradientDescent Fit(IEnumerable<Vote> votes, double lambdaI, double lambdaF, int steps, double rate, int seed)
    {
        // The last vote of a participant on a statement counts; passes are left out.
        var last = new Dictionary<(int, int), VoteChoice>();
        foreach (var vote in votes.OrderBy(v => v.Time))
        {
            last[(vote.ParticipantId, vote.StatementId)] = vote.Choice;
        }
        var ratings = last.Where(kv => kv.Value != VoteChoice.Pass)
            .Select(kv => (User: kv.Key.Item1, Item: kv.Key.Item2, R: kv.Value == VoteChoice.Agree ? 1.0 : -1.0))
            .ToArray();
        var userIds = ratings.Select(r => r.User).Distinct().Order().ToArray();
        var itemIds = ratings.Select(r => r.Item).Distinct().Order().ToArray();
        var user = ratings.Select(r => Array.BinarySearch(userIds, r.User)).ToArray();
        var item = ratings.Select(r => Array.BinarySearch(itemIds, r.Item)).ToArray();

        var random = new Random(seed);
        double mu = 0;
        var a = new double[userIds.Length];
        var b = new double[itemIds.Length];
        var x = userIds.Select(_ => random.NextDouble() - 0.5).ToArray();
        var y = itemIds.Select(_ => random.NextDouble() - 0.5).ToArray();
        var (ga, gb, gx, gy) = (new double[a.Length], new double[b.Length], new double[x.Length], new double[y.Length]);

        double Error(int k) => ratings[k].R - (mu + a[user[k]] + b[item[k]] + (x[user[k]] * y[item[k]]));

        for (var step = 0; step < steps; step++)
        {
            var gmu = 2 * lambdaI * mu;
            for (var u = 0; u < a.Length; u++)
            {
                ga[u] = 2 * lambdaI * a[u];
                gx[u] = 2 * lambdaF * x[u];
            }
            for (var s = 0; s < b.Length; s++)
            {
                gb[s] = 2 * lambdaI * b[s];
                gy[s] = 2 * lambdaF * y[s];
            }
            for (var k = 0; k < ratings.Length; k++)
            {
                var error = Error(k);
                gmu -= 2 * error;
                ga[user[k]] -= 2 * error;
                gb[item[k]] -= 2 * error;
                gx[user[k]] -= 2 * error * y[item[k]];
                gy[item[k]] -= 2 * error * x[user[k]];
            }
            mu -= rate * gmu;
            for (var u = 0; u < a.Length; u++)
            {
                a[u] -= rate * ga[u];
                x[u] -= rate * gx[u];
            }
            for (var s = 0; s < b.Length; s++)
            {
                b[s] -= rate * gb[s];
                y[s] -= rate * gy[s];
            }
        }

        var model = new ReferenceGradientDescent { Mu = mu };
        for (var u = 0; u < a.Length; u++)
        {
            model.ParticipantIntercept[userIds[u]] = a[u];
            model.ParticipantFactor[userIds[u]] = x[u];
        }
        for (var s = 0; s < b.Length; s++)
        {
            model.StatementIntercept[itemIds[s]] = b[s];
            model.StatementFactor[itemIds[s]] = y[s];
        }
        model.Loss = Enumerable.Range(0, ratings.Length).Sum(k => Error(k) * Error(k))
            + (lambdaI * ((mu * mu) + a.Sum(v => v * v) + b.Sum(v => v * v)))
            + (lambdaF * (x.Sum(v => v * v) + y.Sum(v => v * v)));
        return model;
    }
}
