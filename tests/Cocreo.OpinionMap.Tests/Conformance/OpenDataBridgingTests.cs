using Cocreo.OpinionMap.Bridging;
using Cocreo.OpinionMap.Polis;
using Cocreo.Testing;

namespace Cocreo.OpinionMap.Tests.Conformance;

/// <summary>The bridging ranking on the real open-data conversations, read against the groups Polis exported.</summary>
public class OpenDataBridgingTests
{
    /// <summary>
    /// The statement ranked first has at least 5 votes in every group Polis exported and is agreed with by at least
    /// 70% of each (measured 2026-12-06: $15/hour 72% and 72%; Bowling Green 98%, 95%; canadian-electoral-reform 100%
    /// of 6, 97% of 35; vTaiwan 99%, 98%). Polis' groups are independent of the model: they come from Polis' own PCA
    /// and k-means.
    /// </summary>
    [Theory]
    [InlineData("15-per-hour-seattle")]
    [InlineData("american-assembly.bowling-green")]
    [InlineData("canadian-electoral-reform")]
    [InlineData("vtaiwan.uberx")]
    public void The_first_statement_is_agreed_by_most_of_every_group_Polis_exported(string name)
    {
        var export = PolisExport.Read(SharedData.Require($"polis/opendata/{name}"));

        var ranking = BridgingRanker.Rank(export.Conversation);

        Assert.True(ranking.Converged);
        var first = ranking.Ranked[0];
        var final = new Dictionary<(int, int), VoteChoice>();
        foreach (var vote in export.Votes)
        {
            final[(vote.ParticipantId, vote.StatementId)] = vote.Choice;
        }
        foreach (var group in export.GroupIds.GroupBy(g => g.Value))
        {
            var choices = group.Select(g => final.GetValueOrDefault((g.Key, first.StatementId), VoteChoice.Pass))
                .Where(c => c != VoteChoice.Pass).ToList();
            Assert.True(choices.Count >= 5, $"group {group.Key}: only {choices.Count} votes on #{first.StatementId}");
            Assert.True(choices.Count(c => c == VoteChoice.Agree) >= 0.7 * choices.Count,
                $"group {group.Key}: {choices.Count(c => c == VoteChoice.Agree)} of {choices.Count} agree with #{first.StatementId}");
        }
    }
}
