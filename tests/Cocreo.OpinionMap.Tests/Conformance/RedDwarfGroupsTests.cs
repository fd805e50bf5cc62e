using Cocreo.OpinionMap.Polis;
using Cocreo.Testing;

namespace Cocreo.OpinionMap.Tests.Conformance;

/// <summary>
/// Our groups, computed from scratch, against the groups red-dwarf (an independent Python implementation of Polis'
/// math) computes for the same open-data exports (../shared/data/polis/reddwarf-groups).
/// </summary>
public class RedDwarfGroupsTests
{
    [Theory]
    [MemberData(nameof(RedDwarfGroups.All), MemberType = typeof(RedDwarfGroups))]
    public void The_number_of_groups_and_the_participants_grouped_are_red_dwarf_s(string name)
    {
        var redDwarf = RedDwarfGroups.Load(name);

        var map = OpinionMapper.Compute(Export(name).Conversation);

        Assert.Equal(redDwarf.GroupCount, map.Groups.Count);
        Assert.Equal(redDwarf.GroupOf.Keys.Order(), map.Participants.Where(p => p.InConversation).Select(p => p.ParticipantId));
    }

    /// <summary>
    /// The issue asks for an adjusted Rand index of at least 0.9 on every conversation. Measured 2026-12-06:
    /// canadian-electoral-reform 0.933 (it was −0.03 at 2 groups, and 3 groups were shown, before the seeded starts),
    /// vTaiwan 0.855, $15/hour 0.680 (unchanged by this work). The last two do not reach 0.9, and no rule that keeps
    /// Polis' base clusters does: on vTaiwan red-dwarf's split is the best split of the participants but 7 of Polis'
    /// base clusters straddle it, and every split of the base clusters k-means reaches agrees with it at 0.83 to 0.89;
    /// on $15/hour red-dwarf's split is where k-means stops from the start red-dwarf happens to use (the two leftmost
    /// participants, test below), and the best split agrees with it at 0.61. The three splits (red-dwarf's, ours and
    /// Polis' export) explain the spread within 0.6 points of one another (test below), and red-dwarf and Polis' own
    /// export agree at only 0.83 and 0.52 there. The minimum for those two guards the measured figure; it does not
    /// meet the target (docs/opinion-map.md, "Step by step").
    /// </summary>
    [Theory]
    [InlineData("canadian-electoral-reform", 0.9)]
    [InlineData("vtaiwan.uberx", 0.85)]
    [InlineData("15-per-hour-seattle", 0.65)]
    public void Groups_agree_with_red_dwarf_s(string name, double minimumAdjustedRandIndex)
    {
        var redDwarf = RedDwarfGroups.Load(name);

        var map = OpinionMapper.Compute(Export(name).Conversation);

        var index = AdjustedRandIndex(redDwarf, map);
        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: adjusted Rand index against red-dwarf {index:F4}");
        Assert.True(index >= minimumAdjustedRandIndex, $"{name}: adjusted Rand index {index:F4} < {minimumAdjustedRandIndex}");
    }

    [Fact]
    public void On_canadian_electoral_reform_Polis_own_start_alone_stops_at_poor_groups()
    {
        // What the seeded starts fixed. From Polis' own start only (its first-k-distinct start, as Polis computes a
        // conversation from scratch) the two groups explain 19.5% of the base clusters' spread and 3 groups win;
        // the best of the seeded starts explains 42.5%, and then 2 groups win, as in red-dwarf and Polis' export.
        var export = Export("canadian-electoral-reform");
        var redDwarf = RedDwarfGroups.Load("canadian-electoral-reform");

        var polisRule = OpinionMapper.Compute(export.Conversation, new OpinionMapOptions { GroupStarts = 0 });
        var ours = OpinionMapper.Compute(export.Conversation);

        Assert.Equal(3, polisRule.Groups.Count);
        Assert.Equal(0.195, polisRule.GroupCountSelection.ExplainedSpread[2], 0.001);
        Assert.Equal(0.425, ours.GroupCountSelection.ExplainedSpread[2], 0.001);
        Assert.Contains(2, ours.GroupCountSelection.SeededStartShown);
        Assert.True(ours.GroupCountSelection.Silhouettes[2] > ours.GroupCountSelection.Silhouettes.Where(s => s.Key != 2).Max(s => s.Value));
        var participants = export.GroupIds.Keys.Order().ToList();
        var index = PolisComparison.AdjustedRandIndex(
            [.. participants.Select(p => export.GroupIds[p])], [.. participants.Select(p => ours.Participant(p)?.GroupId ?? -1)]);
        Assert.True(index >= 0.9, $"against Polis' export {index:F4}");
        Assert.True(AdjustedRandIndex(redDwarf, polisRule) < 0.3);
    }

    /// <summary>
    /// Red-dwarf's groups come from the same map as ours: its rule for the groups (participants, not base clusters,
    /// k-means started from the leftmost distinct positions, silhouette over participants), applied to our positions of
    /// the participants it grouped, gives exactly its groups. So the in-conversation rule, the components and the
    /// projection agree; only the group step differs.
    /// </summary>
    [Theory]
    [MemberData(nameof(RedDwarfGroups.All), MemberType = typeof(RedDwarfGroups))]
    public void Red_dwarf_s_rule_for_the_groups_on_our_map_gives_exactly_red_dwarf_s_groups(string name)
    {
        var redDwarf = RedDwarfGroups.Load(name);
        var map = OpinionMapper.Compute(Export(name).Conversation);
        var participants = redDwarf.GroupOf.Keys.Order().ToList();

        var groups = RedDwarfRule.Groups([.. participants.Select(p => (map.Participant(p)!.X, map.Participant(p)!.Y))]);

        Assert.Equal(1.0, PolisComparison.AdjustedRandIndex([.. participants.Select(p => redDwarf.GroupOf[p])], groups), 12);
    }

    /// <summary>
    /// Where we differ from red-dwarf, the data barely choose: on our map (which is red-dwarf's, test above)
    /// red-dwarf's groups, ours and the groups in Polis' export explain the participants' spread within 0.6
    /// percentage points of one another (measured 2026-12-06: vTaiwan 43.55%, 43.25%, 43.20%; $15/hour 43.23%, 42.85%,
    /// 43.40%), while they agree pairwise at adjusted Rand 0.52 to 0.93.
    /// </summary>
    [Theory]
    [InlineData("vtaiwan.uberx")]
    [InlineData("15-per-hour-seattle")]
    public void Where_we_differ_from_red_dwarf_its_split_ours_and_Polis_explain_the_spread_within_a_point(string name)
    {
        var export = Export(name);
        var redDwarf = RedDwarfGroups.Load(name);
        var map = OpinionMapper.Compute(export.Conversation);
        var participants = redDwarf.GroupOf.Keys.Where(export.GroupIds.ContainsKey).Order().ToList();
        var points = participants.Select(p => (map.Participant(p)!.X, map.Participant(p)!.Y)).ToList();

        var explained = new[]
        {
            RedDwarfRule.ExplainedSpread(points, [.. participants.Select(p => redDwarf.GroupOf[p])]),
            RedDwarfRule.ExplainedSpread(points, [.. participants.Select(p => map.Participant(p)!.GroupId!.Value)]),
            RedDwarfRule.ExplainedSpread(points, [.. participants.Select(p => export.GroupIds[p])]),
        };

        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: explained spread red-dwarf {explained[0]:P2}, ours {explained[1]:P2}, Polis {explained[2]:P2}");
        Assert.InRange(explained.Max() - explained.Min(), 0, 0.006);
    }

    [Fact]
    public void On_vTaiwan_red_dwarf_s_split_cuts_through_Polis_base_clusters()
    {
        // Red-dwarf groups participants directly; Polis (and we) group base clusters, so our groups are unions of base
        // clusters. Seven of ours hold participants of both red-dwarf groups (27 participants on the smaller sides).
        var redDwarf = RedDwarfGroups.Load("vtaiwan.uberx");
        var map = OpinionMapper.Compute(Export("vtaiwan.uberx").Conversation);

        var straddling = map.BaseClusters
            .Select(b => b.Members.Where(redDwarf.GroupOf.ContainsKey).CountBy(p => redDwarf.GroupOf[p]).Select(g => g.Value).ToList())
            .Where(counts => counts.Count > 1)
            .ToList();

        Assert.Equal(7, straddling.Count);
        Assert.Equal(27, straddling.Sum(counts => counts.Min()));
    }

    private static PolisExport Export(string name) => PolisExport.Read(SharedData.Require($"polis/opendata/{name}"));

    private static double AdjustedRandIndex(RedDwarfGroups redDwarf, ConversationMap map)
    {
        var participants = redDwarf.GroupOf.Keys.Order().ToList();
        return PolisComparison.AdjustedRandIndex(
            [.. participants.Select(p => redDwarf.GroupOf[p])], [.. participants.Select(p => map.Participant(p)?.GroupId ?? -1)]);
    }
}
