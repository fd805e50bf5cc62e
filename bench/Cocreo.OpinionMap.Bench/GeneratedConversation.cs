using Cocreo.OpinionMap;

namespace Cocreo.OpinionMap.Bench;

/// <summary>
/// A synthetic conversation with opinion structure: each participant has a latent position (two camps along a first
/// axis, a weaker second axis), each statement a direction, and the chance to agree rather than disagree is the
/// logistic of their product; 15% of votes are passes. Each participant votes on a random set of statements.
/// Deterministic for a seed.
/// </summary>
internal static class GeneratedConversation
{
    public static (Statement[] Statements, Vote[] Votes) Generate(int participants, int statements, int votesPerParticipant, int seed)
    {
        var random = new Random(seed);
        var loadings = new (double A, double B, double C)[statements];
        for (var s = 0; s < statements; s++)
        {
            loadings[s] = (Gaussian(random), Gaussian(random), 0.5 * Gaussian(random));
        }
        var statementList = Enumerable.Range(0, statements).Select(s => new Statement(s, $"Statement {s}") { Moderation = Moderation.Accepted }).ToArray();
        var votes = new Vote[(long)participants * votesPerParticipant];
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var chosen = new HashSet<int>();
        var at = 0;
        for (var p = 0; p < participants; p++)
        {
            var x = (random.Next(2) == 0 ? -1.5 : 1.5) + (0.7 * Gaussian(random));
            var y = 0.8 * Gaussian(random);
            chosen.Clear();
            while (chosen.Count < votesPerParticipant)
            {
                chosen.Add(random.Next(statements));
            }
            foreach (var s in chosen)
            {
                var (a, b, c) = loadings[s];
                var agree = 1 / (1 + Math.Exp(-((a * x) + (b * y) + c)));
                var choice = random.NextDouble() < 0.15 ? VoteChoice.Pass : random.NextDouble() < agree ? VoteChoice.Agree : VoteChoice.Disagree;
                votes[at] = new Vote(p, s, choice, start.AddMilliseconds(at));
                at++;
            }
        }
        return (statementList, votes);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>More votes after the generated ones: from new and returning participants.</summary>
    public static Vote[] MoreVotes(int count, int participants, int statements, DateTimeOffset after, int seed)
    {
        var random = new Random(seed);
        var votes = new Vote[count];
        for (var i = 0; i < count; i++)
        {
            var participant = random.Next(participants + (count / 20));
            var choice = (VoteChoice)random.Next(3);
            votes[i] = new Vote(participant, random.Next(statements), choice, after.AddMilliseconds(i + 1));
        }
        return votes;
    }
}
