using Cocreo.OpinionMap.Polis;
using Cocreo.Testing;

namespace Cocreo.OpinionMap.Tests.Conformance;

/// <summary>
/// Our groups against the group-id Polis exported for each participant of three open-data conversations. These
/// exports carry no Polis state, so we compute from scratch; Polis' groups came out of its history of updates.
/// </summary>
public class OpenDataTests
{
    /// <summary>
    /// Adjusted Rand index of our groups against Polis', over the participants Polis gave a group (one of ours
    /// missing counts as a group of its own). Issue 5 asks for at least 0.8. vTaiwan reaches it (0.93). The two
    /// others do not (0.56 each, measured 2026-11-22); the minimum here guards that figure, it does not meet the
    /// target. For both, the number of groups (2) and the participants in the conversation agree with Polis, and
    /// their clusterings are weak (best silhouettes about 0.37–0.40), so k-means has several near-equal optima
    /// and which one Polis holds depends on its history of updates: replaying the history in batches moves the
    /// index anywhere between 0.3 and 0.94 depending on the batch size, and the fixtures show the same
    /// history-dependence, which only starting from Polis' state removes (RedDwarfFixtureTests).
    /// </summary>
    [Theory]
    [InlineData("vtaiwan.uberx", 0.8)]
    [InlineData("15-per-hour-seattle", 0.55)]
    [InlineData("american-assembly.bowling-green", 0.55)]
    public void Groups_agree_with_the_groups_Polis_exported(string name, double minimumAdjustedRandIndex)
    {
        var export = PolisExport.Read(SharedData.Require($"polis/opendata/{name}"));

        var map = OpinionMapper.Compute(export.Conversation);

        var participants = export.GroupIds.Keys.Order().ToList();
        var ours = participants.Select(p => map.Participant(p)?.GroupId ?? -1).ToList();
        var polis = participants.Select(p => export.GroupIds[p]).ToList();
        var index = PolisComparison.AdjustedRandIndex(polis, ours);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{name}: adjusted Rand index {index:F4} over {participants.Count} participants; groups ours {map.Groups.Count}, Polis {polis.Distinct().Count()}");
        Assert.Equal(polis.Distinct().Count(), map.Groups.Count);
        Assert.True(index >= minimumAdjustedRandIndex, $"{name}: adjusted Rand index {index:F4} < {minimumAdjustedRandIndex}");
    }

    [Fact]
    public void A_recomputed_export_has_exactly_Polis_participants_in_the_conversation()
    {
        // 15-per-hour's group-ids cover exactly the 138 participants with at least 7 votes: Polis recomputed it
        // from all votes at once, which is what a computation without history gives.
        var export = PolisExport.Read(SharedData.Require("polis/opendata/15-per-hour-seattle"));

        var map = OpinionMapper.Compute(export.Conversation);

        Assert.Equal(export.GroupIds.Keys.Order(), map.Participants.Where(p => p.InConversation).Select(p => p.ParticipantId));
    }

    [Fact]
    public void A_live_export_has_Polis_participants_in_the_conversation_when_the_votes_are_replayed()
    {
        var export = PolisExport.Read(SharedData.Require("polis/opendata/vtaiwan.uberx"));

        var map = OpinionMapper.Compute(export.Conversation, new OpinionMapOptions { ReplayVoteHistory = true });

        Assert.Equal(export.GroupIds.Keys.Order(), map.Participants.Where(p => p.InConversation).Select(p => p.ParticipantId));
    }
}
