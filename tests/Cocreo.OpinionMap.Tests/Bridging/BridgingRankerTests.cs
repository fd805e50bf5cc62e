using Cocreo.OpinionMap.Bridging;

namespace Cocreo.OpinionMap.Tests.Bridging;

public class BridgingRankerTests
{
    private const double LambdaI = 0.15;
    private const double LambdaF = 0.03;

    /// <summary>
    /// Two participants who disagree on both statements: r = [[+1, −1], [−1, +1]]. Every row and column sums to 0, so
    /// the intercepts are 0, and the factors are the regularised rank-1 fit: all |f| = t with 4(1 − t²)² + 4λ_f t²
    /// minimal, t² = 1 − λ_f / 2.
    /// </summary>
    [Fact]
    public void Two_opposed_participants_give_zero_intercepts_and_factors_of_the_closed_form()
    {
        var conversation = new Conversation([], [
            Agree(1, 10), Disagree(1, 11),
            Disagree(2, 10), Agree(2, 11),
        ]);

        var ranking = BridgingRanker.Rank(conversation, new BridgingOptions { MinimumVotes = 1, Tolerance = 1e-13 });

        var t = Math.Sqrt(1 - (LambdaF / 2));
        Assert.True(ranking.Converged);
        Assert.Equal(0, ranking.GlobalIntercept, 1e-9);
        foreach (var statement in ranking.Statements)
        {
            Assert.Equal(0, statement.Intercept, 1e-9);
            Assert.Equal(t, Math.Abs(statement.Factor), 1e-9);
        }
        foreach (var participant in ranking.Participants)
        {
            Assert.Equal(0, participant.Intercept, 1e-9);
            Assert.Equal(t, Math.Abs(participant.Factor), 1e-9);
        }
        // Participant 1 agrees with statement 10: their factors have the same sign.
        Assert.True(ranking.Participants[0].Factor * ranking.Statement(10)!.Factor > 0);
        Assert.True(ranking.Participants[0].Factor * ranking.Statement(11)!.Factor < 0);
        // Loss: 4 (λ_f/2)² + 4 λ_f t².
        Assert.Equal((4 * (LambdaF / 2) * (LambdaF / 2)) + (4 * LambdaF * t * t), ranking.Loss, 1e-9);
    }

    /// <summary>
    /// One participant, one agree vote. By symmetry μ = i_u = i_s = c and |f_u| = |f_s|, p = f_u f_s ≥ 0; the loss is
    /// (1 − 3c − p)² + 3λ_i c² + 2λ_f p. At the optimum the residual e = 1 − 3c − p satisfies 2e = 2λ_f (from p) and
    /// 2e = 2λ_i c (from c): e = λ_f, c = λ_f / λ_i = 0.2, p = 1 − λ_f − 3c = 0.37. Intercepts cost quadratically and
    /// factors linearly, so with one vote the factors take most of it.
    /// </summary>
    [Fact]
    public void A_single_agree_vote_has_the_closed_form_split_between_intercepts_and_factors()
    {
        var ranking = BridgingRanker.Rank(new Conversation([], [Agree(1, 1)]), new BridgingOptions { MinimumVotes = 1, Tolerance = 1e-14 });

        var c = LambdaF / LambdaI;
        var p = 1 - LambdaF - (3 * c);
        Assert.True(ranking.Converged);
        Assert.Equal(c, ranking.GlobalIntercept, 1e-9);
        Assert.Equal(c, ranking.Statements.Single().Intercept, 1e-9);
        Assert.Equal(c, ranking.Participants.Single().Intercept, 1e-9);
        Assert.Equal(Math.Sqrt(p), Math.Abs(ranking.Statements.Single().Factor), 1e-9);
        Assert.Equal(Math.Sqrt(p), Math.Abs(ranking.Participants.Single().Factor), 1e-9);
    }

    /// <summary>
    /// Two camps of five: camp A agrees with statement 1 and disagrees with 2, camp B the opposite; both agree with
    /// statement 3 (the bridge); statement 4 is liked by camp A only (camp B disagrees), statement 5 is liked by A and
    /// by two of B.
    /// </summary>
    [Fact]
    public void The_statement_both_camps_agree_with_ranks_first_and_the_one_camp_statement_divides()
    {
        var votes = new List<Vote>();
        for (var p = 0; p < 10; p++)
        {
            var campA = p < 5;
            votes.Add(campA ? Agree(p, 1) : Disagree(p, 1));
            votes.Add(campA ? Disagree(p, 2) : Agree(p, 2));
            votes.Add(Agree(p, 3));
            votes.Add(campA ? Agree(p, 4) : Disagree(p, 4));
            votes.Add(campA || p < 7 ? Agree(p, 5) : Disagree(p, 5));
        }

        var ranking = BridgingRanker.Rank(new Conversation([], votes));

        Assert.Equal([3, 5], ranking.Ranked.Take(2).Select(s => s.StatementId));
        var bridge = ranking.Statement(3)!;
        var oneCamp = ranking.Statement(4)!;
        Assert.True(bridge.Intercept > 0.5, $"bridge intercept {bridge.Intercept}");
        Assert.True(Math.Abs(oneCamp.Factor) > 0.5, $"one-camp factor {oneCamp.Factor}");
        Assert.True(Math.Abs(bridge.Factor) < 0.1, $"bridge factor {bridge.Factor}");
        Assert.True(oneCamp.Intercept < bridge.Intercept - 0.5);
        // The camps sit on opposite sides of the axis, each with the statements it agrees with.
        var a = ranking.Participants.First(p => p.ParticipantId == 0).Factor;
        var b = ranking.Participants.First(p => p.ParticipantId == 9).Factor;
        Assert.True(a * b < 0);
        Assert.True(a * ranking.Statement(1)!.Factor > 0);
        Assert.Equal(10, bridge.Agree);
        Assert.Equal(1, bridge.Rank);
    }

    [Fact]
    public void A_statement_voted_on_by_one_side_only_is_listed_but_not_ranked()
    {
        var votes = new List<Vote>();
        for (var p = 0; p < 10; p++)
        {
            var campA = p < 5;
            votes.Add(campA ? Agree(p, 1) : Disagree(p, 1));
            votes.Add(campA ? Disagree(p, 2) : Agree(p, 2));
            votes.Add(Agree(p, 3));
            if (campA)
            {
                // Only camp A saw statement 4, and all of it agrees.
                votes.Add(Agree(p, 4));
            }
        }

        var ranking = BridgingRanker.Rank(new Conversation([], votes));

        var oneSided = ranking.Statement(4)!;
        Assert.Null(oneSided.Rank);
        Assert.Equal(5, oneSided.NegativeSideVotes + oneSided.PositiveSideVotes);
        Assert.True(oneSided.NegativeSideVotes == 0 || oneSided.PositiveSideVotes == 0);
        Assert.Equal((5, 5), (ranking.Statement(3)!.NegativeSideVotes, ranking.Statement(3)!.PositiveSideVotes));
        Assert.Equal(1, ranking.Statement(3)!.Rank);
        // Without the rule it would be ranked.
        Assert.NotNull(BridgingRanker.Rank(new Conversation([], votes), new BridgingOptions { MinimumVotesPerSide = 0 }).Statement(4)!.Rank);
    }

    [Fact]
    public void Statements_with_too_few_votes_are_listed_but_not_ranked_and_passes_and_moderated_out_statements_are_left_out()
    {
        var votes = new List<Vote>();
        for (var p = 0; p < 6; p++)
        {
            votes.Add(Agree(p, 1));
            votes.Add(new Vote(p, 2, VoteChoice.Pass));
            votes.Add(Agree(p, 3));
        }
        votes.Add(Agree(0, 4));
        var rejected = new Statement(3) { Moderation = Moderation.Rejected };

        var ranking = BridgingRanker.Rank(new Conversation([rejected], votes));

        Assert.Equal([1, 4], ranking.Statements.Select(s => s.StatementId));
        Assert.Equal(1, ranking.Statement(1)!.Rank);
        Assert.Null(ranking.Statement(4)!.Rank);
        Assert.Equal(7, ranking.VoteCount);

        var withPasses = BridgingRanker.Rank(new Conversation([rejected], votes), new BridgingOptions { CountPassAsZero = true });
        Assert.Equal(6, withPasses.Statement(2)!.VoteCount);
        Assert.Equal(13, withPasses.VoteCount);
    }

    [Theory]
    [InlineData(7, 40, 15)]
    [InlineData(19, 30, 20)]
    [InlineData(23, 25, 30)]
    public void The_fit_agrees_with_plain_gradient_descent_on_random_data(int seed, int participants, int statementCount)
    {
        var (statements, votes) = RandomConversation(participants, statementCount, seed);
        var conversation = new Conversation(statements, votes);

        var ranking = BridgingRanker.Rank(conversation, new BridgingOptions { MinimumVotes = 1, Tolerance = 1e-12 });
        var reference = ReferenceGradientDescent.Fit(votes, LambdaI, LambdaF, steps: 200_000, rate: 0.002, seed: 3);

        Assert.True(ranking.Converged);
        Assert.True(Math.Abs(reference.Loss - ranking.Loss) < 1e-6, $"losses: reference {reference.Loss:R}, ours {ranking.Loss:R}");
        Assert.Equal(reference.Mu, ranking.GlobalIntercept, 1e-5);
        foreach (var statement in ranking.Statements)
        {
            Assert.Equal(reference.StatementIntercept[statement.StatementId], statement.Intercept, 1e-5);
            Assert.Equal(Math.Abs(reference.StatementFactor[statement.StatementId]), Math.Abs(statement.Factor), 1e-5);
        }
        foreach (var participant in ranking.Participants)
        {
            Assert.Equal(reference.ParticipantIntercept[participant.ParticipantId], participant.Intercept, 1e-5);
        }
        Assert.Equal(reference.Loss, ranking.Loss, 1e-6);
        var ours = ranking.Statements.Select(s => s.Intercept).ToArray();
        var theirs = ranking.Statements.Select(s => reference.StatementIntercept[s.StatementId]).ToArray();
        Assert.True(Spearman(ours, theirs) >= 0.99);
    }

    [Fact]
    public void The_result_does_not_depend_on_threads_and_a_warm_start_reaches_the_same_fit()
    {
        var (statements, votes) = RandomConversation(participants: 300, statementCount: 40, seed: 11);
        var conversation = new Conversation(statements, votes);

        var one = BridgingRanker.Rank(conversation, new BridgingOptions { MaxDegreeOfParallelism = 1 });
        var many = BridgingRanker.Rank(conversation, new BridgingOptions { MaxDegreeOfParallelism = 4 });
        Assert.Equal(one, many, new RankingComparer());

        var earlier = BridgingRanker.Rank(new Conversation(statements, votes.Take(votes.Count * 9 / 10)));
        var warm = BridgingRanker.Rank(conversation, previous: earlier);
        Assert.True(warm.Iterations < one.Iterations, $"warm {warm.Iterations} cold {one.Iterations}");
        foreach (var statement in one.Statements)
        {
            Assert.Equal(statement.Intercept, warm.Statement(statement.StatementId)!.Intercept, 1e-4);
        }
        Assert.Equal(one.Ranked.Select(s => s.StatementId).Take(10), warm.Ranked.Select(s => s.StatementId).Take(10));
    }

    [Fact]
    public void A_conversation_without_agree_or_disagree_votes_has_an_empty_ranking()
    {
        Assert.Empty(BridgingRanker.Rank(new Conversation()).Statements);
        var passes = BridgingRanker.Rank(new Conversation([], [new Vote(1, 1, VoteChoice.Pass), new Vote(2, 1, VoteChoice.Pass)]));
        Assert.Empty(passes.Statements);
        Assert.Empty(passes.Participants);
        Assert.Equal(0, passes.VoteCount);
    }

    [Fact]
    public void Bad_options_are_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            BridgingRanker.Rank(new Conversation(), new BridgingOptions { InterceptRegularization = 0 }));
        Assert.Contains("InterceptRegularization", error.Message);
    }

    private static Vote Agree(int participant, int statement) => new(participant, statement, VoteChoice.Agree);

    private static Vote Disagree(int participant, int statement) => new(participant, statement, VoteChoice.Disagree);

    /// <summary>Two camps on a hidden axis, statements with a hidden appeal and slant, 60% of the votes cast, some passes, noise.</summary>
    internal static (List<Statement> Statements, List<Vote> Votes) RandomConversation(int participants, int statementCount, int seed)
    {
        var random = new Random(seed);
        var statements = Enumerable.Range(0, statementCount).Select(s => new Statement(s)).ToList();
        var appeal = Enumerable.Range(0, statementCount).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var slant = Enumerable.Range(0, statementCount).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var votes = new List<Vote>();
        for (var p = 0; p < participants; p++)
        {
            var side = p % 2 == 0 ? 1.0 : -1.0;
            var mood = (random.NextDouble() - 0.5) * 0.6;
            for (var s = 0; s < statementCount; s++)
            {
                if (random.NextDouble() > 0.6)
                {
                    continue;
                }
                var lean = appeal[s] + (side * slant[s]) + mood + ((random.NextDouble() - 0.5) * 1.2);
                var choice = random.NextDouble() < 0.1 ? VoteChoice.Pass : lean > 0 ? VoteChoice.Agree : VoteChoice.Disagree;
                votes.Add(new Vote(p, s, choice, DateTimeOffset.UnixEpoch.AddSeconds(votes.Count)));
            }
        }
        return (statements, votes);
    }

    private static double Spearman(double[] first, double[] second)
    {
        static double[] Ranks(double[] values)
        {
            var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
            var ranks = new double[values.Length];
            for (var i = 0; i < order.Length; i++)
            {
                ranks[order[i]] = i;
            }
            return ranks;
        }
        var (r1, r2) = (Ranks(first), Ranks(second));
        var n = first.Length;
        var d2 = Enumerable.Range(0, n).Sum(i => (r1[i] - r2[i]) * (r1[i] - r2[i]));
        return 1 - (6 * d2 / (n * ((double)n * n - 1)));
    }

    private sealed class RankingComparer : IEqualityComparer<BridgingRanking>
    {
        public bool Equals(BridgingRanking? x, BridgingRanking? y) =>
            x!.GlobalIntercept == y!.GlobalIntercept && x.Iterations == y.Iterations && x.Loss == y.Loss
            && x.Statements.SequenceEqual(y.Statements) && x.Participants.SequenceEqual(y.Participants);

        public int GetHashCode(BridgingRanking obj) => 0;
    }
}
