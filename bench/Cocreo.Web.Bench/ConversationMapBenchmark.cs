using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cocreo.Web.Features.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Engine = Cocreo.OpinionMap;

namespace Cocreo.Web.Bench;

// Where a conversation map's time goes, in process on a prepared database (docs/benchmarks.md):
//   conversation-map PROVIDER CONNECTION CONVERSATION [PCA_STEPS_PER_UPDATE]
// reads every vote, computes the map and the bridging ranking cold, summarises and serialises it; then adds 1,000
// new votes and computes both warm, as the live refresher does.
public static class ConversationMapBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = await BenchServices.OpenAsync(args[0], args[1]);
        await using var scope = app.Services.CreateAsyncScope();
        var maps = scope.ServiceProvider.GetRequiredService<ConversationMaps>();
        var id = int.Parse(args[2], CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        var conversation = await maps.EngineConversationAsync(id, CancellationToken.None);
        Step(watch, $"read {conversation.VoteCount} votes of {conversation.ParticipantCount} participants");
        var map = Engine.OpinionMapper.Compute(conversation, ConversationMaps.EngineOptions);
        Step(watch, $"opinion map, cold ({map.Groups.Count} groups, {map.Components.Iterations} PCA steps)");
        var bridging = Engine.Bridging.BridgingRanker.Rank(conversation, ConversationMaps.BridgingOptions);
        Step(watch, $"bridging ranking, cold (converged: {bridging.Converged})");
        var summary = ConversationMaps.Summarise(map, conversation, DateTime.UtcNow, bridging);
        Step(watch, "summary");
        var json = JsonSerializer.Serialize(summary, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Step(watch, $"summary as JSON ({json.Length / 1024} KB)");
        var random = new Random(3);
        var statements = conversation.Statements.Select(s => s.Id).ToArray();
        var participants = Enumerable.Range(0, 100).Select(_ => random.Next(int.MaxValue)).ToList();
        var warmOptions = args.Length > 3
            ? ConversationMaps.EngineOptions with { PcaStepsPerUpdate = int.Parse(args[3], CultureInfo.InvariantCulture) }
            : ConversationMaps.EngineOptions;
        var (state, ranking) = (map.State, bridging);
        for (var round = 1; round <= 3; round++)
        {
            for (var i = 0; i < 1000; i++)
            {
                // New participants and returning ones, as a burst brings.
                var participant = i % 2 == 0 ? int.MaxValue - (round * 1000) - i : map.Participants[random.Next(map.Participants.Count)].ParticipantId;
                conversation.Add(new Engine.Vote(participant, statements[random.Next(statements.Length)], random.Next(2) == 0 ? Engine.VoteChoice.Agree : Engine.VoteChoice.Disagree, DateTimeOffset.UtcNow));
            }
            watch.Restart();
            var warm = Engine.OpinionMapper.Compute(conversation, warmOptions, state);
            Step(watch, $"round {round}: opinion map, warm after 1,000 more votes ({warm.Groups.Count} groups, {warm.Components.Iterations} PCA steps)");
            ranking = Engine.Bridging.BridgingRanker.Rank(conversation, ConversationMaps.BridgingOptions, ranking);
            Step(watch, $"round {round}: bridging ranking, warm");
            ConversationMaps.Summarise(warm, conversation, DateTime.UtcNow, ranking);
            Step(watch, $"round {round}: summary");
            state = warm.State;
        }
        return 0;
    }

    private static void Step(Stopwatch watch, string what)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalMilliseconds,9:F0} ms  {what}"));
        watch.Restart();
    }
}
