using System.Diagnostics;
using System.Globalization;
using Cocreo.OpinionMap;
using Cocreo.OpinionMap.Bench;
using Cocreo.OpinionMap.Bridging;
using Cocreo.OpinionMap.Polis;

// The opinion map benchmarks (see docs/benchmarks.md). Modes:
//   full [participants statements votesPerParticipant repeats]   generated conversation, full computation
//   incremental [participants statements votesPerParticipant rounds newVotes]   update after new votes
//   fixtures <polis data folder> [repeats]   real conversations (reddwarf fixtures and open-data exports)
//   starts [participants statements votesPerParticipant repeats]   full computation with Polis' own group start only
//       (GroupStarts 0) and with the default seeded starts, alternately in one process: what the starts cost
//   starts-fixtures <polis data folder> [repeats]   the same on the real conversations
//   bridging [participants statements votesPerParticipant repeats newVotes]   the bridging ranking from scratch, then
//       warm-started after newVotes more votes
//   starts-fixtures <polis data folder> [repeats]   the same on the real conversations
var mode = args.Length > 0 ? args[0] : "full";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var output = Console.Out;

switch (mode)
{
    case "full":
    {
        var (participants, statements, perParticipant, repeats) = (Arg(1, 100_000), Arg(2, 10_000), Arg(3, 50), Arg(4, 3));
        var conversation = Build(participants, statements, perParticipant);
        var times = new List<double>();
        ConversationMap? map = null;
        for (var r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            map = OpinionMapper.Compute(conversation);
            times.Add(watch.Elapsed.TotalSeconds);
            output.WriteLine($"full computation {r + 1}: {watch.Elapsed.TotalSeconds:F2} s");
        }
        Describe(map!);
        output.WriteLine($"full computation: median {Median(times):F2} s, min {times.Min():F2} s over {repeats}");
        output.WriteLine($"peak working set (process): {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
        break;
    }
    case "incremental":
    {
        var (participants, statements, perParticipant, rounds, newVotes) = (Arg(1, 100_000), Arg(2, 10_000), Arg(3, 50), Arg(4, 5), Arg(5, 1000));
        var conversation = Build(participants, statements, perParticipant);
        var watch = Stopwatch.StartNew();
        var map = OpinionMapper.Compute(conversation);
        output.WriteLine($"first computation: {watch.Elapsed.TotalSeconds:F2} s");
        var times = new List<double>();
        var processorTimes = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < rounds; r++)
        {
            var more = GeneratedConversation.MoreVotes(newVotes, participants, statements, conversation.LastVoteTime, 1000 + r);
            process.Refresh();
            var processorBefore = process.TotalProcessorTime;
            watch.Restart();
            conversation.Add(more);
            map = OpinionMapper.Compute(conversation, null, map.State);
            times.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            processorTimes.Add((process.TotalProcessorTime - processorBefore).TotalSeconds);
            output.WriteLine($"update after {newVotes} new votes {r + 1}: {watch.Elapsed.TotalSeconds * 1000:F0} ms "
                + $"(processor time {processorTimes[^1] * 1000:F0} ms, pca steps {map.Components.Iterations}, groups {map.Groups.Count})");
        }
        output.WriteLine($"incremental update: median {Median(times) * 1000:F0} ms, max {times.Max() * 1000:F0} ms over {rounds}; "
            + $"processor time median {Median(processorTimes) * 1000:F0} ms");
        break;
    }
    case "fixtures":
    {
        var root = args.Length > 1 ? args[1] : "../shared/data/polis";
        var repeats = Arg(2, 20);
        foreach (var dir in Directory.GetDirectories(Path.Combine(root, "reddwarf-fixtures")).Order())
        {
            Time(Path.GetFileName(dir), PolisJson.ReadConversation(Path.Combine(dir, "votes.json"), Path.Combine(dir, "comments.json")), repeats);
        }
        foreach (var dir in Directory.GetDirectories(Path.Combine(root, "opendata")).Order())
        {
            Time(Path.GetFileName(dir), PolisExport.Read(dir).Conversation, repeats);
        }
        break;
    }
    case "starts":
    {
        var (participants, statements, perParticipant, repeats) = (Arg(1, 100_000), Arg(2, 10_000), Arg(3, 50), Arg(4, 5));
        var conversation = Build(participants, statements, perParticipant);
        var polisOnly = new OpinionMapOptions { GroupStarts = 0 };
        OpinionMapper.Compute(conversation, polisOnly);
        var times = new Dictionary<string, List<double>> { ["GroupStarts 0"] = [], [$"GroupStarts {OpinionMapOptions.Default.GroupStarts}"] = [] };
        var processorTimes = times.Keys.ToDictionary(k => k, _ => new List<double>());
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeats; r++)
        {
            foreach (var (label, options) in new[] { ("GroupStarts 0", polisOnly), ($"GroupStarts {OpinionMapOptions.Default.GroupStarts}", OpinionMapOptions.Default) })
            {
                process.Refresh();
                var processorBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var map = OpinionMapper.Compute(conversation, options);
                times[label].Add(watch.Elapsed.TotalSeconds);
                process.Refresh();
                processorTimes[label].Add((process.TotalProcessorTime - processorBefore).TotalSeconds);
                output.WriteLine($"{label} {r + 1}: {watch.Elapsed.TotalSeconds:F2} s (processor {processorTimes[label][^1]:F2} s), groups {map.Groups.Count}");
            }
        }
        foreach (var (label, list) in times)
        {
            output.WriteLine($"{label}: median {Median(list):F2} s, min {list.Min():F2} s over {repeats}; "
                + $"processor time median {Median(processorTimes[label]):F2} s, min {processorTimes[label].Min():F2} s");
        }
        break;
    }
    case "starts-fixtures":
    {
        var root = args.Length > 1 ? args[1] : "../shared/data/polis";
        var repeats = Arg(2, 40);
        var conversations = Directory.GetDirectories(Path.Combine(root, "reddwarf-fixtures")).Order()
            .Select(dir => (Path.GetFileName(dir), PolisJson.ReadConversation(Path.Combine(dir, "votes.json"), Path.Combine(dir, "comments.json"))))
            .Concat(Directory.GetDirectories(Path.Combine(root, "opendata")).Order().Select(dir => (Path.GetFileName(dir), PolisExport.Read(dir).Conversation)))
            .ToList();
        var variants = new[] { ("GroupStarts 0", new OpinionMapOptions { GroupStarts = 0 }), ($"GroupStarts {OpinionMapOptions.Default.GroupStarts}", OpinionMapOptions.Default) };
        foreach (var (name, conversation) in conversations)
        {
            var times = variants.ToDictionary(v => v.Item1, _ => new List<double>());
            foreach (var (_, options) in variants)
            {
                OpinionMapper.Compute(conversation, options);
            }
            for (var r = 0; r < repeats; r++)
            {
                foreach (var (label, options) in variants)
                {
                    var watch = Stopwatch.StartNew();
                    OpinionMapper.Compute(conversation, options);
                    times[label].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            output.WriteLine($"{name}: " + string.Join("; ", times.Select(t => $"{t.Key} median {Median(t.Value):F1} ms, min {t.Value.Min():F1} ms")));
        }
        break;
    }
    case "bridging":
    {
        var (participants, statements, perParticipant, repeats, newVotes) = (Arg(1, 100_000), Arg(2, 10_000), Arg(3, 50), Arg(4, 3), Arg(5, 1000));
        var conversation = Build(participants, statements, perParticipant);
        var times = new List<double>();
        BridgingRanking? ranking = null;
        for (var r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            ranking = BridgingRanker.Rank(conversation);
            times.Add(watch.Elapsed.TotalSeconds);
            output.WriteLine($"bridging ranking {r + 1}: {watch.Elapsed.TotalSeconds:F2} s, {ranking.Iterations} sweeps, converged {ranking.Converged}");
        }
        output.WriteLine($"bridging ranking: median {Median(times):F2} s, min {times.Min():F2} s over {repeats}; "
            + $"{ranking!.VoteCount:N0} votes fitted, top intercept {ranking.Ranked[0].Intercept:F3}");
        conversation.Add(GeneratedConversation.MoreVotes(newVotes, participants, statements, conversation.LastVoteTime, 1000));
        var warmWatch = Stopwatch.StartNew();
        var warm = BridgingRanker.Rank(conversation, previous: ranking);
        output.WriteLine($"warm start after {newVotes} new votes: {warmWatch.Elapsed.TotalSeconds:F2} s, {warm.Iterations} sweeps");
        output.WriteLine($"peak working set (process): {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
        break;
    }
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': use full, incremental, fixtures, starts, starts-fixtures or bridging");
        return 2;
}
return 0;

Conversation Build(int participants, int statements, int perParticipant)
{
    var watch = Stopwatch.StartNew();
    var (statementList, votes) = GeneratedConversation.Generate(participants, statements, perParticipant, seed: 42);
    output.WriteLine($"generated {participants:N0} participants x {statements:N0} statements, {votes.Length:N0} votes in {watch.Elapsed.TotalSeconds:F2} s");
    watch.Restart();
    var conversation = new Conversation(statementList, votes);
    output.WriteLine($"built the conversation in {watch.Elapsed.TotalSeconds:F2} s");
    return conversation;
}

void Describe(ConversationMap map) => output.WriteLine(
    $"in conversation {map.Participants.Count(p => p.InConversation):N0}, base clusters {map.BaseClusters.Count}, groups {map.Groups.Count} "
    + $"({string.Join(", ", map.Groups.Select(g => g.Members.Count))}), pca steps {map.Components.Iterations}");

void Time(string name, Conversation conversation, int repeats)
{
    OpinionMapper.Compute(conversation);
    var times = new List<double>();
    for (var r = 0; r < repeats; r++)
    {
        var watch = Stopwatch.StartNew();
        OpinionMapper.Compute(conversation);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    output.WriteLine($"{name}: {conversation.ParticipantCount:N0} participants, {conversation.VoteCount:N0} votes: median {Median(times):F1} ms, max {times.Max():F1} ms over {repeats}");
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
