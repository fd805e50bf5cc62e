using System.CommandLine;
using System.Globalization;
using Cocreo.OpinionMap;
using Cocreo.OpinionMap.Bridging;
using Cocreo.OpinionMap.Polis;

namespace Cocreo.Cli.Opinion;

/// <summary><c>cocreo opinion</c>: Polis-style opinion maps of a conversation (run, compare with Polis).</summary>
public static class OpinionCommand
{
    public static Command Create() => new("opinion", "Polis-style opinion maps: groups, representative statements, consensus")
    {
        RunCommand(),
        CompareCommand(),
        ExportCommand(),
    };

    private static readonly Argument<DirectoryInfo> Folder = new("folder")
    {
        Description = "A Polis conversation: votes.json (+ comments.json), or an export with comments.csv and votes.csv or participants-votes.csv",
    };

    private static Option<bool> ReplayOption() => new("--replay")
    {
        Description = "Decide who is in the conversation by replaying the votes in time order, as a live Polis conversation",
    };

    private static Option<bool> OlderRulesOption() => new("--older-rules")
    {
        Description = "Polis' rules before October 2017, for old exports: moderated-out statements with votes count as voted "
            + "when deciding who is in, and missing votes are 0 (not the statement's mean) in the components (docs/opinion-map.md)",
    };

    private static Option<bool> PolisGroupsOption() => new("--polis-groups")
    {
        Description = "Form the groups by Polis' own k-means start only, without the seeded starts that replace it when it "
            + "stops at clearly poorer groups (reproduces Polis exactly)",
    };

    /// <summary>The options the shared flags ask for.</summary>
    internal static OpinionMapOptions Options(bool replay, bool olderRules, bool polisGroups) =>
        (olderRules ? OpinionMapOptions.OlderPolisRules : OpinionMapOptions.Default) with
        {
            ReplayVoteHistory = replay,
            GroupStarts = polisGroups ? 0 : OpinionMapOptions.Default.GroupStarts,
        };

    private static Option<string?> AgreeOption() => new("--agree")
    {
        Description = "In votes.json, the number meaning agree: -1 (Polis API) or 1 (Polis export, red-dwarf); read off comments.json's counts when omitted",
    };

    private static Command RunCommand()
    {
        var folder = Folder;
        var replay = ReplayOption();
        var agree = AgreeOption();
        var groups = new Option<int?>("--groups") { Description = "Show exactly this many groups instead of choosing by silhouette" };
        var seed = new Option<int>("--seed") { Description = "Seed of the random start of the principal components and of the seeded group starts", DefaultValueFactory = _ => 0 };
        var polisJson = new Option<FileInfo?>("--polis-json") { Description = "Also write the map in the shape of Polis' math-pca2.json to this file" };
        var olderRules = OlderRulesOption();
        var polisGroups = PolisGroupsOption();
        var command = new Command("run", "Compute the opinion map and print the groups, their representative statements and the consensus")
        {
            folder, replay, agree, groups, seed, polisJson, olderRules, polisGroups,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return Guarded(error, () =>
            {
                var directory = parse.GetValue(folder)!;
                var (conversation, _) = Load(directory, parse.GetValue(agree));
                var options = Options(parse.GetValue(replay), parse.GetValue(olderRules), parse.GetValue(polisGroups)) with
                {
                    GroupCount = parse.GetValue(groups),
                    Seed = parse.GetValue(seed),
                };
                var map = OpinionMapper.Compute(conversation, options);
                OpinionReport.Write(output, directory.Name, conversation, map, BridgingRanker.Rank(conversation, BridgingOptions.Default with { Seed = options.Seed }));
                if (parse.GetValue(polisJson) is { } file)
                {
                    using var stream = file.Create();
                    PolisMath.From(map).Write(stream);
                    output.WriteLine($"Wrote {file.FullName}");
                }
                return 0;
            });
        });
        return command;
    }

    private static Command CompareCommand()
    {
        var folder = Folder;
        var agree = AgreeOption();
        var replay = ReplayOption();
        var math = new Option<FileInfo?>("--math") { Description = "Polis' math output to compare with (default: math-pca2.json in the folder)" };
        var olderRules = OlderRulesOption();
        var polisGroups = PolisGroupsOption();
        var command = new Command("compare", "Compare our map with Polis' math output (math-pca2.json), from scratch and starting from Polis' state")
        {
            folder, math, replay, agree, olderRules, polisGroups,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return Guarded(error, () =>
            {
                var directory = parse.GetValue(folder)!;
                var mathFile = parse.GetValue(math)?.FullName ?? Path.Combine(directory.FullName, "math-pca2.json");
                if (!File.Exists(mathFile))
                {
                    throw new PolisFormatException(Path.GetFileName(mathFile), null, $"not found in {directory.FullName}; give it with --math.");
                }
                var polis = PolisMath.Read(mathFile);
                var (conversation, _) = Load(directory, parse.GetValue(agree));
                var options = Options(parse.GetValue(replay), parse.GetValue(olderRules), parse.GetValue(polisGroups));
                var scratch = PolisComparison.Of(OpinionMapper.Compute(conversation, options), polis);
                var warm = PolisComparison.Of(
                    OpinionMapper.Compute(conversation, options with { GroupCount = polis.GroupClusters.Count }, polis.ToState()), polis);
                OpinionReport.WriteComparison(output, Path.GetFileName(mathFile), scratch, warm);
                return 0;
            });
        });
        return command;
    }

    private static Command ExportCommand()
    {
        var folder = Folder;
        var to = new Argument<DirectoryInfo>("to") { Description = "The folder to write comments.csv, votes.csv and participants-votes.csv to" };
        var agree = AgreeOption();
        var replay = ReplayOption();
        var olderRules = OlderRulesOption();
        var polisGroups = PolisGroupsOption();
        var groups = new Option<int?>("--groups") { Description = "Use exactly this many groups instead of choosing by silhouette" };
        var command = new Command("export", "Compute the opinion map and write the conversation in Polis' open-data CSV format, with our group ids")
        {
            folder, to, agree, replay, olderRules, polisGroups, groups,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return Guarded(error, () =>
            {
                var directory = parse.GetValue(folder)!;
                var target = parse.GetValue(to)!;
                var (conversation, statements, votes) = LoadWithVotes(directory, parse.GetValue(agree));
                var options = Options(parse.GetValue(replay), parse.GetValue(olderRules), parse.GetValue(polisGroups)) with
                {
                    GroupCount = parse.GetValue(groups),
                };
                var map = OpinionMapper.Compute(conversation, options);
                var groupIds = PolisExport.GroupIdsOf(map);
                PolisExport.Write(target.FullName, statements, votes, groupIds);
                output.WriteLine($"Wrote {statements.Count} statements, {votes.Count} votes and {groupIds.Count} participants' groups "
                    + $"({map.Groups.Count} groups) to {target.FullName}");
                return 0;
            });
        });
        return command;
    }

    /// <summary>Like <see cref="Load"/>, with the statements and every vote as read (for writing them out again).</summary>
    private static (Conversation Conversation, IReadOnlyList<Statement> Statements, IReadOnlyList<Vote> Votes) LoadWithVotes(DirectoryInfo folder, string? agree)
    {
        if (folder.Exists && !File.Exists(Path.Combine(folder.FullName, "votes.json")) && File.Exists(Path.Combine(folder.FullName, "comments.csv")))
        {
            var export = PolisExport.Read(folder.FullName);
            return (export.Conversation, export.Conversation.Statements, export.Votes);
        }
        var (conversation, _) = Load(folder, agree);
        var commentsJson = Path.Combine(folder.FullName, "comments.json");
        var (statements, votes) = PolisJson.Read(Path.Combine(folder.FullName, "votes.json"), File.Exists(commentsJson) ? commentsJson : null, Sign(agree));
        // comments.json may lack statements that have votes (or be missing): they are written with an empty text.
        var listed = statements.Select(s => s.Id).ToHashSet();
        var all = statements.Concat(votes.Select(v => v.StatementId).Where(listed.Add).Select(id => new Statement(id))).ToList();
        return (conversation, all, votes);
    }

    /// <summary>Reads a folder holding Polis JSON (votes.json) or a Polis export (comments.csv).</summary>
    internal static (Conversation Conversation, IReadOnlyDictionary<int, int> ExportedGroups) Load(DirectoryInfo folder, string? agree)
    {
        if (!folder.Exists)
        {
            throw new PolisFormatException(folder.FullName, null, "no such folder.");
        }
        var votesJson = Path.Combine(folder.FullName, "votes.json");
        if (File.Exists(votesJson))
        {
            var commentsJson = Path.Combine(folder.FullName, "comments.json");
            var conversation = PolisJson.ReadConversation(votesJson, File.Exists(commentsJson) ? commentsJson : null, Sign(agree));
            return (conversation, new Dictionary<int, int>());
        }
        if (File.Exists(Path.Combine(folder.FullName, "comments.csv")))
        {
            var export = PolisExport.Read(folder.FullName);
            return (export.Conversation, export.GroupIds);
        }
        throw new PolisFormatException(folder.Name, null,
            "no Polis conversation here: expected votes.json (with comments.json), or comments.csv with votes.csv or participants-votes.csv.");
    }

    private static PolisVoteSign? Sign(string? agree) => agree switch
    {
        null => null,
        "-1" => PolisVoteSign.AgreeIsMinusOne,
        "1" or "+1" => PolisVoteSign.AgreeIsPlusOne,
        _ => throw new PolisFormatException("--agree", null, $"'{agree}' is not -1 or 1."),
    };

    /// <summary>Turns bad input into a message and exit code 1, never a stack trace.</summary>
    private static int Guarded(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (PolisFormatException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (IOException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    internal static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
