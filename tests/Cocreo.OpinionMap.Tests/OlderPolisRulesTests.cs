using Cocreo.OpinionMap.Tests.Conformance;

namespace Cocreo.OpinionMap.Tests;

/// <summary>Polis' rules before its October 2017 changes, offered for re-analysing old exports.</summary>
public class OlderPolisRulesTests
{
    [Fact]
    public void Counting_moderated_out_statements_as_voted_lets_in_those_two_short_of_seven_when_five_are_moderated_out()
    {
        // Statements 0-4 moderated out and voted on; participant 15 voted on two others, participant 16 on one.
        var statements = Enumerable.Range(0, 10).Select(i => new Statement(i, $"s{i}") { Moderation = i < 5 ? Moderation.Rejected : Moderation.Accepted });
        var rows = Enumerable.Repeat("aadpadpadp", 15).Append(".....ad...").Append(".....a....").ToArray();

        var today = OpinionMapper.Compute(Votes.Rows(rows, statements));
        var older = OpinionMapper.Compute(Votes.Rows(rows, statements), new OpinionMapOptions { CountModeratedOutAsVoted = true });

        Assert.Equal([false, false], today.Participants.Skip(15).Select(p => p.InConversation));
        Assert.Equal([true, false], older.Participants.Skip(15).Select(p => p.InConversation));
    }

    [Fact]
    public void Replaying_the_votes_keeps_the_older_count()
    {
        // Statements 0-5 are moderated out, 5 voted on only by the last participant. Participant 16 voted on 0-4 and
        // on one other statement: 1 + 6 moderated-out statements with votes = 7 under the older count, 1 today.
        var statements = Enumerable.Range(0, 10).Select(i => new Statement(i, $"s{i}") { Moderation = i < 6 ? Moderation.Rejected : Moderation.Accepted });
        var rows = Enumerable.Repeat("aaaaa.adpa", 16).Append("aaaaa.a...").Append(".....a....").ToArray();
        var replayed = new OpinionMapOptions { ReplayVoteHistory = true, GreedyParticipantCount = 0 };

        var today = OpinionMapper.Compute(Votes.Rows(rows, statements), replayed);
        var older = OpinionMapper.Compute(Votes.Rows(rows, statements), replayed with { CountModeratedOutAsVoted = true });

        Assert.False(today.Participant(16)!.InConversation);
        Assert.True(older.Participant(16)!.InConversation);
        Assert.False(older.Participant(17)!.InConversation);
    }

    [Fact]
    public void The_older_count_is_the_rule_Polis_applied_in_2018()
    {
        // Polis' in-conv for the conversation begun in January 2018 holds 31 participants with fewer than 7 votes.
        // The older count, applied to the votes cast before 2019 (when five moderated-out statements had votes),
        // lets in exactly those who had two votes on other statements; today's rule, replayed over all votes, the
        // rest. Polis never lets anyone out, so its set is the union: exactly that, and nobody else.
        var fixture = PolisFixture.Load(PolisFixture.Above100);
        var before2019 = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var early = new Conversation(fixture.Conversation.Statements, VotesBefore(fixture, before2019));

        var older = OpinionMapper.Compute(early, new OpinionMapOptions { CountModeratedOutAsVoted = true });
        var today = OpinionMapper.Compute(fixture.Conversation, new OpinionMapOptions { ReplayVoteHistory = true });

        var union = InConversation(older).Union(InConversation(today)).Order();
        Assert.Equal(fixture.Math.InConversation.Order(), union);
        Assert.Equal(31, InConversation(older).Except(InConversation(today)).Count());
    }

    [Fact]
    public void Zero_filled_components_are_the_principal_components_of_the_zero_filled_matrix()
    {
        var statements = Enumerable.Range(0, 8).Select(i => new Statement(i, $"s{i}") { Moderation = i == 7 ? Moderation.Rejected : Moderation.Accepted });
        var random = new Random(5);
        var rows = Enumerable.Range(0, 40).Select(p => new string([.. Enumerable.Range(0, 8).Select(s =>
            random.NextDouble() < 0.3 ? '.' : ((p % 2 == 0) ^ (s % 3 == 0)) ? 'a' : random.NextDouble() < 0.3 ? 'p' : 'd')])).ToArray();
        var conversation = Votes.Rows(rows, statements);

        var map = OpinionMapper.Compute(conversation, new OpinionMapOptions { FillMissingVotesWithZero = true, PcaTolerance = 1e-12 });

        // The dense way: missing votes 0 (Polis' sign, agree −1), the moderated-out column zeroed, centred by column
        // means over everyone, components by power iteration on XᵀX, projection over the votes cast only.
        var dense = rows.Select(r => r.Select((v, s) => s == 7 ? 0.0 : v switch { 'a' => -1.0, 'd' => 1.0, _ => 0.0 }).ToArray()).ToArray();
        var mean = Enumerable.Range(0, 8).Select(s => dense.Average(r => r[s])).ToArray();
        var centred = dense.Select(r => r.Select((v, s) => v - mean[s]).ToArray()).ToArray();
        var first = Leading(centred, null);
        var second = Leading(centred, first);
        Assert.All(mean.Zip(map.Components.Center), pair => Assert.Equal(pair.First, pair.Second, 12));
        Assert.InRange(Agreement.AbsoluteCosine(first, map.Components.First), 1 - 1e-9, 1 + 1e-9);
        Assert.InRange(Agreement.AbsoluteCosine(second, map.Components.Second), 1 - 1e-9, 1 + 1e-9);
        for (var p = 0; p < rows.Length; p++)
        {
            var voted = Enumerable.Range(0, 8).Where(s => rows[p][s] != '.' || s == 7).ToList();
            var x = voted.Sum(s => (dense[p][s] - mean[s]) * map.Components.First[s]) * Math.Sqrt(8.0 / voted.Count);
            Assert.Equal(x, map.Participant(p)!.X, 9);
        }
    }

    [Fact]
    public void Filling_missing_votes_with_zero_changes_nothing_when_everyone_voted_on_everything()
    {
        var conversation = Votes.TwoCamps(perCamp: 10, statements: 9);

        var today = OpinionMapper.Compute(conversation);
        var older = OpinionMapper.Compute(conversation, OpinionMapOptions.OlderPolisRules);

        Assert.Equal(today.Components.Center, older.Components.Center);
        Assert.All(today.Participants.Zip(older.Participants), pair => Assert.Equal(pair.First.X, pair.Second.X, 9));
        Assert.Equal(today.Groups.Select(g => g.Members), older.Groups.Select(g => g.Members));
    }

    private static double[] Leading(double[][] rows, double[]? without)
    {
        var columns = rows[0].Length;
        var v = Enumerable.Range(0, columns).Select(i => 1.0 + i).ToArray();
        for (var step = 0; step < 5000; step++)
        {
            if (without is not null)
            {
                var d = v.Zip(without).Sum(p => p.First * p.Second);
                v = [.. v.Select((x, i) => x - (d * without[i]))];
            }
            var next = new double[columns];
            foreach (var row in rows)
            {
                var dot = row.Zip(v).Sum(p => p.First * p.Second);
                for (var i = 0; i < columns; i++)
                {
                    next[i] += dot * row[i];
                }
            }
            var length = Math.Sqrt(next.Sum(x => x * x));
            v = [.. next.Select(x => x / length)];
        }
        return v;
    }

    private static IEnumerable<Vote> VotesBefore(PolisFixture fixture, DateTimeOffset before)
    {
        var folder = Cocreo.Testing.SharedData.Require($"polis/reddwarf-fixtures/{fixture.Name}");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "votes.json")));
        // Only who voted on what matters to who is in, so every vote is read as a pass.
        return [.. document.RootElement.EnumerateArray()
            .Select(v => (Participant: v.GetProperty("participant_id").GetInt32(), Statement: v.GetProperty("statement_id").GetInt32(),
                Time: DateTimeOffset.FromUnixTimeMilliseconds((long)v.GetProperty("modified").GetDouble())))
            .Where(v => v.Time < before)
            .Select(v => new Vote(v.Participant, v.Statement, VoteChoice.Pass, v.Time))];
    }

    private static HashSet<int> InConversation(ConversationMap map) =>
        map.Participants.Where(p => p.InConversation).Select(p => p.ParticipantId).ToHashSet();
}
