using Cocreo.OpinionMap.Polis;
using Cocreo.OpinionMap.Tests.Polis;
using Cocreo.Testing;

namespace Cocreo.OpinionMap.Tests.Conformance;

/// <summary>Every open-data conversation here: import, export, import again gives the same conversation and groups.</summary>
public class OpenDataRoundTripTests
{
    public static TheoryData<string> Conversations => [
        "15-per-hour-seattle", "american-assembly.bowling-green", "canadian-electoral-reform", "vtaiwan.uberx",
    ];

    [Theory]
    [MemberData(nameof(Conversations))]
    public void An_export_reimports_to_the_same_statements_votes_and_groups(string name)
    {
        var original = PolisExport.Read(SharedData.Require($"polis/opendata/{name}"));
        using var folder = new TemporaryFolder();

        original.Write(folder.Path);
        var again = PolisExport.Read(folder.Path);

        Assert.Equal(original.Conversation.Statements, again.Conversation.Statements);
        Assert.Equal(original.Votes, again.Votes);
        Assert.Equal(original.Conversation.VoteCount, again.Conversation.VoteCount);
        Assert.Equal(original.GroupIds.OrderBy(g => g.Key), again.GroupIds.OrderBy(g => g.Key));
        // The same votes in the same order give the same map.
        var before = OpinionMapper.Compute(original.Conversation);
        var after = OpinionMapper.Compute(again.Conversation);
        Assert.Equal(before.Participants, after.Participants);
        Assert.Equal(before.Statements, after.Statements);
    }

    [Theory]
    [MemberData(nameof(Conversations))]
    public void An_export_with_the_computed_groups_carries_them_and_its_files_match_Polis_where_Polis_is_exact(string name)
    {
        var directory = SharedData.Require($"polis/opendata/{name}");
        var original = PolisExport.Read(directory);
        var map = OpinionMapper.Compute(original.Conversation);
        using var folder = new TemporaryFolder();

        PolisExport.Write(folder.Path, original.Conversation.Statements, original.Votes, PolisExport.GroupIdsOf(map));
        var again = PolisExport.Read(folder.Path);

        var groups = map.Participants.Where(p => p.GroupId is not null).ToDictionary(p => p.ParticipantId, p => p.GroupId!.Value);
        Assert.NotEmpty(groups);
        Assert.Equal(groups.OrderBy(g => g.Key), again.GroupIds.OrderBy(g => g.Key));
        Assert.Equal(map.Groups.Select(g => g.Members), OpinionMapper.Compute(again.Conversation).Groups.Select(g => g.Members));

        // Same headers as Polis' files (comments.csv has no is-meta column: these conversations have no meta statements).
        foreach (var file in new[] { "comments.csv", "participants-votes.csv" })
        {
            Assert.Equal(File.ReadLines(Path.Combine(directory, file)).First(), File.ReadLines(Path.Combine(folder.Path, file)).First());
        }
        Assert.Equal("timestamp,datetime,comment-id,voter-id,vote", File.ReadLines(Path.Combine(folder.Path, "votes.csv")).First());
        // participants-votes.csv: every participant's final votes and counts are Polis' (rows compared by participant).
        var polisRows = ParticipantRows(Path.Combine(directory, "participants-votes.csv"));
        var ourRows = ParticipantRows(Path.Combine(folder.Path, "participants-votes.csv"));
        Assert.Equal(polisRows.Keys.Order(), ourRows.Keys.Order());
        foreach (var (participant, row) in polisRows)
        {
            // Column 1 is the group-id (ours, not Polis'); column 2, n-comments, Polis counts differently in old exports.
            Assert.Equal(row.Skip(3), ourRows[participant].Skip(3));
        }
    }

    private static Dictionary<string, string[]> ParticipantRows(string path) =>
        File.ReadLines(path).Skip(1).Select(line => line.Split(',')).ToDictionary(fields => fields[0]);
}
