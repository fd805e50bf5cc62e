namespace Cocreo.OpinionMap.Tests.Conformance;

/// <summary>
/// Our map against Polis' own math output (math-pca2.json) on the five real conversations red-dwarf uses as
/// fixtures. Polis' state is the product of its history (who got in when, clusters carried over from update to
/// update), so where history matters we start from Polis' published state, as Polis' next update would.
/// </summary>
public class RedDwarfFixtureTests
{
    private const double Tolerance = 1e-6;

    /// <summary>Polis' conversations are live: the participants it let in depend on the order votes arrived.</summary>
    private static readonly OpinionMapOptions Replayed = new() { ReplayVoteHistory = true };

    /// <summary>
    /// Polis' rule for the groups: k-means from its own start only (here the groups in Polis' state). Our default also
    /// tries seeded starts and replaces Polis' groups when they explain clearly less of the spread; on four fixtures
    /// it keeps them, on below-100-ptpts it does not (see the two tests at the end), so the tests that compare with
    /// Polis' values follow Polis' rule.
    /// </summary>
    private static readonly OpinionMapOptions PolisRule = new() { GroupStarts = 0 };

    [Theory]
    [InlineData(PolisFixture.Below100)]
    [InlineData(PolisFixture.Small25WithMeta)]
    [InlineData(PolisFixture.Strict50)]
    [InlineData(PolisFixture.Medium150)]
    public void Replaying_the_votes_lets_in_exactly_the_participants_Polis_let_in(string name)
    {
        var fixture = PolisFixture.Load(name);

        var map = OpinionMapper.Compute(fixture.Conversation, Replayed);

        Assert.Equal(fixture.Math.InConversation.Order(), InConversation(map).Order());
    }

    [Fact]
    public void In_the_2018_conversation_Polis_also_let_in_those_an_older_rule_admitted()
    {
        // Polis' in-conv for this conversation (begun January 2018) holds 31 participants with fewer than 7 votes
        // that today's rule never admits, whatever the order of votes. Each of them, and nobody else, cast at least
        // two votes on statements not moderated out before 2019: the rule Polis evidently used then. Since nobody
        // is ever let out, they are still in. We follow today's rule; starting from Polis' state keeps them in, and
        // the older count (CountModeratedOutAsVoted) on the votes before 2019 lets in exactly them (OlderPolisRulesTests).
        var fixture = PolisFixture.Load(PolisFixture.Above100);
        var map = OpinionMapper.Compute(fixture.Conversation, Replayed);
        var ours = InConversation(map);

        var onlyPolis = fixture.Math.InConversation.Except(ours).Order().ToList();
        var before2019 = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var earlyVoters = EarlyVotesOnStatementsInTheMath(fixture, before2019)
            .Where(p => p.Value >= 2).Select(p => p.Key).Where(p => !ours.Contains(p)).Order().ToList();

        Assert.Subset(fixture.Math.InConversation.ToHashSet(), ours);
        Assert.Equal(31, onlyPolis.Count);
        Assert.Equal(earlyVoters, onlyPolis);
    }

    [Theory]
    [MemberData(nameof(PolisFixture.All), MemberType = typeof(PolisFixture))]
    public void Starting_from_Polis_state_keeps_exactly_Polis_participants_in(string name)
    {
        var fixture = PolisFixture.Load(name);

        var map = OpinionMapper.Compute(fixture.Conversation, null, fixture.Math.ToState());

        Assert.Equal(fixture.Math.InConversation.Order(), InConversation(map).Order());
    }

    [Theory]
    [MemberData(nameof(PolisFixture.All), MemberType = typeof(PolisFixture))]
    public void From_scratch_the_principal_components_are_Polis_up_to_sign(string name)
    {
        var fixture = PolisFixture.Load(name);

        var map = OpinionMapper.Compute(fixture.Conversation);

        Assert.Equal(fixture.Math.StatementIds, map.Components.StatementIds);
        Assert.All(fixture.Math.Center.Zip(map.Components.Center), pair => Assert.Equal(pair.First, pair.Second, Tolerance));
        Assert.InRange(Agreement.AbsoluteCosine(fixture.Math.Components[0], map.Components.First), 0.999, 1.0 + 1e-12);
        Assert.InRange(Agreement.AbsoluteCosine(fixture.Math.Components[1], map.Components.Second), 0.999, 1.0 + 1e-12);
    }

    [Theory]
    [MemberData(nameof(PolisFixture.All), MemberType = typeof(PolisFixture))]
    public void With_Polis_number_of_groups_and_centres_every_participant_is_in_Polis_group(string name)
    {
        var fixture = PolisFixture.Load(name);
        var options = PolisRule with { GroupCount = fixture.Math.GroupClusters.Count };

        var map = OpinionMapper.Compute(fixture.Conversation, options, fixture.Math.ToState());

        var ours = map.Participants.Where(p => p.GroupId is not null).ToDictionary(p => p.ParticipantId, p => p.GroupId!.Value);
        Assert.Equal(fixture.PolisGroupOf().OrderBy(p => p.Key), ours.OrderBy(p => p.Key));
        Assert.Equal(fixture.Math.GroupClusters.Count, map.GroupCountSelection.ChosenCount);
        Assert.Equal(fixture.Math.GroupSizes.OrderBy(p => p.Key).Select(p => p.Value), map.Groups.Select(g => g.Members.Count));
    }

    [Theory]
    [MemberData(nameof(PolisFixture.All), MemberType = typeof(PolisFixture))]
    public void Participants_and_statements_are_placed_where_Polis_places_them(string name)
    {
        var fixture = PolisFixture.Load(name);

        var map = OpinionMapper.Compute(fixture.Conversation, null, fixture.Math.ToState());

        // Polis publishes participants' positions through the base clusters (a singleton's centre is its member's position).
        var ours = map.BaseClusters.ToDictionary(b => b.Id);
        Assert.Equal(fixture.Math.BaseClusters.Count, map.BaseClusters.Count);
        Assert.All(fixture.Math.BaseClusters, polis =>
        {
            Assert.Equal(polis.Members.Order(), ours[polis.Id].Members.Order());
            Assert.Equal(polis.X, ours[polis.Id].X, Tolerance);
            Assert.Equal(polis.Y, ours[polis.Id].Y, Tolerance);
        });
        for (var i = 0; i < fixture.Math.StatementIds.Count; i++)
        {
            var statement = map.Statement(fixture.Math.StatementIds[i])!;
            Assert.Equal(fixture.Math.CommentProjection[0][i], statement.X, Tolerance);
            Assert.Equal(fixture.Math.CommentProjection[1][i], statement.Y, Tolerance);
            Assert.Equal(fixture.Math.CommentExtremity[i], statement.Extremity, Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(PolisFixture.All), MemberType = typeof(PolisFixture))]
    public void Representative_statements_are_the_ones_Polis_selects_with_its_values(string name)
    {
        var fixture = PolisFixture.Load(name);

        var map = OpinionMapper.Compute(fixture.Conversation, PolisRule, fixture.Math.ToState());

        Assert.Equal(fixture.Math.Repness.Keys.Order(), map.Groups.Select(g => g.Id).Order());
        foreach (var group in map.Groups)
        {
            var expected = fixture.Math.Repness[group.Id];
            Assert.Equal(expected.Select(s => (s.StatementId, s.RepresentativeFor, s.IsBestAgree, s.AgreeCount)),
                group.RepresentativeStatements.Select(s => (s.StatementId, s.RepresentativeFor, s.IsBestAgree, s.AgreeCount)));
            Assert.All(expected.Zip(group.RepresentativeStatements), pair =>
            {
                var (polis, ours) = pair;
                Assert.Equal(polis.Successes, ours.Successes);
                Assert.Equal(polis.Trials, ours.Trials);
                Assert.Equal(polis.Probability, ours.Probability, Tolerance);
                Assert.Equal(polis.ProbabilityTest, ours.ProbabilityTest, Tolerance);
                Assert.Equal(polis.Representativeness, ours.Representativeness, Tolerance);
                Assert.Equal(polis.RepresentativenessTest, ours.RepresentativenessTest, Tolerance);
            });
        }
    }

    [Theory]
    [MemberData(nameof(PolisFixture.All), MemberType = typeof(PolisFixture))]
    public void Consensus_statements_are_the_ones_Polis_selects_with_its_values(string name)
    {
        var fixture = PolisFixture.Load(name);

        var map = OpinionMapper.Compute(fixture.Conversation, PolisRule, fixture.Math.ToState());

        AssertSameConsensus(fixture.Math.Consensus.Agree, map.Consensus.Agree);
        AssertSameConsensus(fixture.Math.Consensus.Disagree, map.Consensus.Disagree);
    }

    [Theory]
    [MemberData(nameof(PolisFixture.All), MemberType = typeof(PolisFixture))]
    public void Group_aware_consensus_of_every_statement_is_Polis(string name)
    {
        var fixture = PolisFixture.Load(name);

        var map = OpinionMapper.Compute(fixture.Conversation, PolisRule, fixture.Math.ToState());

        Assert.Equal(fixture.Math.GroupAwareConsensus.Keys.Order(), map.Statements.Select(s => s.StatementId));
        Assert.All(fixture.Math.GroupAwareConsensus, pair => Assert.Equal(pair.Value, map.Statement(pair.Key)!.GroupAwareConsensus, Tolerance));
    }

    [Theory]
    [InlineData(PolisFixture.Below100)]
    [InlineData(PolisFixture.Above100)]
    [InlineData(PolisFixture.Small25WithMeta)]
    [InlineData(PolisFixture.Medium150)]
    public void Statement_priorities_are_Polis(string name)
    {
        // Not the 50-participant fixture: there Polis published 49 (its meta-statement priority, 7²) for every
        // statement although none is meta, which no reading of its priority metric gives.
        var fixture = PolisFixture.Load(name);

        var map = OpinionMapper.Compute(fixture.Conversation, PolisRule, fixture.Math.ToState());

        Assert.All(fixture.Math.CommentPriorities, pair => Assert.Equal(pair.Value, map.Statement(pair.Key)!.Priority, Tolerance));
    }

    [Theory]
    [InlineData(PolisFixture.Above100)]
    [InlineData(PolisFixture.Small25WithMeta)]
    [InlineData(PolisFixture.Strict50)]
    [InlineData(PolisFixture.Medium150)]
    public void With_seeded_starts_Polis_groups_are_kept_where_they_are_about_as_good_as_the_best_found(string name)
    {
        // Measured 2026-12-06: Polis' groups explain 65.7%, 69.0%, 67.5% and 51.3% of the base clusters' spread, the
        // best seeded start 66.0%, 69.2%, 67.5% and 52.1%: within the 5 points that a seeded start must win by.
        var fixture = PolisFixture.Load(name);
        var options = new OpinionMapOptions { GroupCount = fixture.Math.GroupClusters.Count };

        var map = OpinionMapper.Compute(fixture.Conversation, options, fixture.Math.ToState());

        var ours = map.Participants.Where(p => p.GroupId is not null).ToDictionary(p => p.ParticipantId, p => p.GroupId!.Value);
        Assert.Equal(fixture.PolisGroupOf().OrderBy(p => p.Key), ours.OrderBy(p => p.Key));
        Assert.DoesNotContain(fixture.Math.GroupClusters.Count, map.GroupCountSelection.SeededStartShown);
    }

    [Fact]
    public void With_seeded_starts_the_poor_groups_Polis_holds_on_below_100_are_replaced()
    {
        // Polis' state holds 3 groups that explain 52.9% of the base clusters' spread (silhouette 0.298); k-means
        // from Polis' groups stays there, while seeded starts find 3 groups that explain 67.3% (silhouette 0.440).
        // This is the weakness the seeded starts are for, found in Polis' own output: Polis carries its groups from
        // update to update and never restarts, so a conversation that once settled on poor groups keeps them.
        var fixture = PolisFixture.Load(PolisFixture.Below100);

        var polis = OpinionMapper.Compute(fixture.Conversation, PolisRule, fixture.Math.ToState());
        var ours = OpinionMapper.Compute(fixture.Conversation, null, fixture.Math.ToState());

        Assert.Equal(3, ours.Groups.Count);
        Assert.Contains(3, ours.GroupCountSelection.SeededStartShown);
        Assert.Equal(0.529, ours.GroupCountSelection.PolisStartExplainedSpread[3], 0.001);
        Assert.Equal(0.673, ours.GroupCountSelection.ExplainedSpread[3], 0.001);
        Assert.Equal(0.298, polis.GroupCountSelection.Silhouettes[3], 0.001);
        Assert.Equal(0.440, ours.GroupCountSelection.Silhouettes[3], 0.001);
        Assert.Equal(fixture.Math.GroupClusters.Select(g => g.Id).Order(), ours.Groups.Select(g => g.Id));
    }

    private static void AssertSameConsensus(IReadOnlyList<ConsensusStatement> polis, IReadOnlyList<ConsensusStatement> ours)
    {
        Assert.Equal(polis.Select(s => (s.StatementId, s.Successes, s.Trials)), ours.Select(s => (s.StatementId, s.Successes, s.Trials)));
        Assert.All(polis.Zip(ours), pair =>
        {
            Assert.Equal(pair.First.Probability, pair.Second.Probability, Tolerance);
            Assert.Equal(pair.First.ProbabilityTest, pair.Second.ProbabilityTest, Tolerance);
        });
    }

    private static HashSet<int> InConversation(ConversationMap map) =>
        map.Participants.Where(p => p.InConversation).Select(p => p.ParticipantId).ToHashSet();

    /// <summary>Per participant, votes cast before the date on statements Polis keeps in the math.</summary>
    private static Dictionary<int, int> EarlyVotesOnStatementsInTheMath(PolisFixture fixture, DateTimeOffset before)
    {
        var folder = Cocreo.Testing.SharedData.Require($"polis/reddwarf-fixtures/{fixture.Name}");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "votes.json")));
        var moderatedOut = fixture.Math.ModeratedOut.ToHashSet();
        return document.RootElement.EnumerateArray()
            .Where(v => DateTimeOffset.FromUnixTimeMilliseconds((long)v.GetProperty("modified").GetDouble()) < before)
            .Where(v => !moderatedOut.Contains(v.GetProperty("statement_id").GetInt32()))
            .CountBy(v => v.GetProperty("participant_id").GetInt32())
            .ToDictionary();
    }
}
