namespace Cocreo.OpinionMap.Tests;

/// <summary>Small conversations written as rows of votes: one row per participant, one letter per statement.</summary>
internal static class Votes
{
    /// <summary>
    /// Participant i votes the i-th row; letter j is the vote on statement j: 'a' agree, 'd' disagree, 'p' pass,
    /// '.' no vote. Votes are cast participant by participant, statement by statement.
    /// </summary>
    public static Conversation Rows(params string[] rows) => Rows(rows, []);

    public static Conversation Rows(string[] rows, IEnumerable<Statement> statements)
    {
        var votes = new List<Vote>();
        var time = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        for (var participant = 0; participant < rows.Length; participant++)
        {
            for (var statement = 0; statement < rows[participant].Length; statement++)
            {
                VoteChoice? choice = rows[participant][statement] switch
                {
                    'a' => VoteChoice.Agree,
                    'd' => VoteChoice.Disagree,
                    'p' => VoteChoice.Pass,
                    _ => null,
                };
                if (choice is { } c)
                {
                    time = time.AddSeconds(1);
                    votes.Add(new Vote(participant, statement, c, time));
                }
            }
        }
        return new Conversation(statements, votes);
    }

    /// <summary>Two camps that vote opposite ways on every statement, with a few passes so no two people are identical.</summary>
    public static Conversation TwoCamps(int perCamp, int statements, int seed = 1)
    {
        var random = new Random(seed);
        var rows = new List<string>();
        for (var p = 0; p < 2 * perCamp; p++)
        {
            var camp = p % 2;
            rows.Add(new string([.. Enumerable.Range(0, statements).Select(s =>
                random.NextDouble() < 0.1 ? 'p' : ((s + camp) % 2 == 0 || s == 0) ? 'a' : 'd')]));
        }
        return Rows([.. rows]);
    }
}
