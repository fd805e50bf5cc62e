using System.Globalization;
using System.Text.Json;

namespace Cocreo.OpinionMap.Polis;

/// <summary>
/// Polis' math output for a conversation (the <c>math-pca2.json</c> its API serves): in Polis' own shape and sign
/// convention (agree −1). Read one to compare with it or to start from it (<see cref="ToState"/>); make one from an
/// <see cref="ConversationMap"/> (<see cref="From"/>) to write ours in the same shape.
/// </summary>
public sealed record PolisMath
{
    /// <summary>Participants who voted (<c>n</c>).</summary>
    public int ParticipantCount { get; init; }

    /// <summary>Statements with votes (<c>n-cmts</c>).</summary>
    public int StatementCount { get; init; }

    /// <summary>The statements, in the order of the arrays below (<c>tids</c>).</summary>
    public IReadOnlyList<int> StatementIds { get; init; } = [];

    /// <summary>Participants in the conversation (<c>in-conv</c>).</summary>
    public IReadOnlySet<int> InConversation { get; init; } = new HashSet<int>();

    /// <summary>Votes per participant (<c>user-vote-counts</c>).</summary>
    public IReadOnlyDictionary<int, int> UserVoteCounts { get; init; } = new Dictionary<int, int>();

    /// <summary>Moderated-out statements (<c>mod-out</c>).</summary>
    public IReadOnlyList<int> ModeratedOut { get; init; } = [];

    /// <summary>Meta statements (<c>meta-tids</c>).</summary>
    public IReadOnlyList<int> MetaStatements { get; init; } = [];

    /// <summary>Statement means (<c>pca.center</c>).</summary>
    public IReadOnlyList<double> Center { get; init; } = [];

    /// <summary>The two components (<c>pca.comps</c>).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Components { get; init; } = [];

    /// <summary>Statement positions, x then y (<c>pca.comment-projection</c>).</summary>
    public IReadOnlyList<IReadOnlyList<double>> CommentProjection { get; init; } = [];

    /// <summary>Statement extremities (<c>pca.comment-extremity</c>).</summary>
    public IReadOnlyList<double> CommentExtremity { get; init; } = [];

    /// <summary>Base clusters (<c>base-clusters</c>).</summary>
    public IReadOnlyList<BaseCluster> BaseClusters { get; init; } = [];

    /// <summary>Groups of base clusters (<c>group-clusters</c>).</summary>
    public IReadOnlyList<GroupCluster> GroupClusters { get; init; } = [];

    /// <summary>Representative statements by group id (<c>repness</c>).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<RepresentativeStatement>> Repness { get; init; } =
        new Dictionary<int, IReadOnlyList<RepresentativeStatement>>();

    /// <summary>Consensus statements (<c>consensus</c>).</summary>
    public ConsensusStatements Consensus { get; init; } = new([], []);

    /// <summary>Group-aware consensus by statement (<c>group-aware-consensus</c>).</summary>
    public IReadOnlyDictionary<int, double> GroupAwareConsensus { get; init; } = new Dictionary<int, double>();

    /// <summary>Statement priorities (<c>comment-priorities</c>).</summary>
    public IReadOnlyDictionary<int, double> CommentPriorities { get; init; } = new Dictionary<int, double>();

    /// <summary>Votes per group and statement (<c>group-votes</c>).</summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<int, VoteTally>> GroupVotes { get; init; } =
        new Dictionary<int, IReadOnlyDictionary<int, VoteTally>>();

    /// <summary>Participants per group (<c>group-votes.*.n-members</c>).</summary>
    public IReadOnlyDictionary<int, int> GroupSizes { get; init; } = new Dictionary<int, int>();

    /// <summary>The latest vote included, in milliseconds since 1970 (<c>lastVoteTimestamp</c>).</summary>
    public long? LastVoteTimestamp { get; init; }

    /// <summary>
    /// The state Polis would update from: who is in, the components, the base clusters, and the group clustering for
    /// the number of groups shown (the only one Polis publishes), with that number as the one shown.
    /// </summary>
    public OpinionMapState ToState()
    {
        var components = new Dictionary<int, ComponentLoadings>();
        for (var i = 0; i < StatementIds.Count && Components.Count >= 2; i++)
        {
            components[StatementIds[i]] = new ComponentLoadings(Components[0][i], Components[1][i]);
        }
        var k = GroupClusters.Count;
        return new OpinionMapState
        {
            InConversation = InConversation,
            Components = components,
            BaseClusters = BaseClusters,
            GroupClusterings = k == 0
                ? new Dictionary<int, IReadOnlyList<GroupCluster>>()
                : new Dictionary<int, IReadOnlyList<GroupCluster>> { [k] = GroupClusters },
            GroupCount = k == 0 ? new GroupCountHistory(null, 0, null) : new GroupCountHistory(k, 1, k),
        };
    }

    /// <summary>Our map in Polis' shape.</summary>
    public static PolisMath From(ConversationMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var statements = map.Statements;
        return new PolisMath
        {
            ParticipantCount = map.Participants.Count,
            StatementCount = statements.Count,
            StatementIds = map.Components.StatementIds,
            InConversation = map.Participants.Where(p => p.InConversation).Select(p => p.ParticipantId).ToHashSet(),
            UserVoteCounts = map.Participants.ToDictionary(p => p.ParticipantId, p => p.VoteCount),
            ModeratedOut = [.. statements.Where(s => s.IsModeratedOut).Select(s => s.StatementId)],
            MetaStatements = [.. statements.Where(s => s.IsMeta).Select(s => s.StatementId)],
            Center = map.Components.Center,
            Components = [map.Components.First, map.Components.Second],
            CommentProjection = [[.. statements.Select(s => s.X)], [.. statements.Select(s => s.Y)]],
            CommentExtremity = [.. statements.Select(s => s.Extremity)],
            BaseClusters = map.BaseClusters,
            GroupClusters = [.. map.Groups.Select(g => new GroupCluster(g.Id, g.BaseClusterIds, g.X, g.Y))],
            Repness = map.Groups.ToDictionary(g => g.Id, g => g.RepresentativeStatements),
            Consensus = map.Consensus,
            GroupAwareConsensus = statements.ToDictionary(s => s.StatementId, s => s.GroupAwareConsensus),
            CommentPriorities = statements.ToDictionary(s => s.StatementId, s => s.Priority),
            GroupVotes = map.Groups.ToDictionary(g => g.Id, g => g.Votes),
            GroupSizes = map.Groups.ToDictionary(g => g.Id, g => g.Members.Count),
            LastVoteTimestamp = map.LastVoteTime == default ? null : map.LastVoteTime.ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>Reads a math-pca2.json file.</summary>
    /// <exception cref="PolisFormatException">The file is not Polis math output; the message says where.</exception>
    public static PolisMath Read(string path)
    {
        var file = Path.GetFileName(path);
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new PolisFormatException(file, e.LineNumber is { } line ? $"line {line + 1}" : null, "not Polis math output: " + e.Message, e);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException and not PolisFormatException)
        {
            throw new PolisFormatException(file, null, "not Polis math output: " + e.Message, e);
        }
        catch (IOException e)
        {
            throw new PolisFormatException(file, null, "cannot be read: " + e.Message, e);
        }
    }

    private static PolisMath Read(JsonElement root)
    {
        var pca = root.GetProperty("pca");
        var baseClusters = root.GetProperty("base-clusters");
        var ids = Ints(baseClusters.GetProperty("id"));
        var members = baseClusters.GetProperty("members").EnumerateArray().Select(Ints).ToList();
        var xs = Doubles(baseClusters.GetProperty("x"));
        var ys = Doubles(baseClusters.GetProperty("y"));
        return new PolisMath
        {
            ParticipantCount = root.GetProperty("n").GetInt32(),
            StatementCount = root.GetProperty("n-cmts").GetInt32(),
            StatementIds = Ints(root.GetProperty("tids")),
            InConversation = Ints(root.GetProperty("in-conv")).ToHashSet(),
            UserVoteCounts = root.GetProperty("user-vote-counts").EnumerateObject().ToDictionary(p => Key(p.Name), p => p.Value.GetInt32()),
            ModeratedOut = OptionalInts(root, "mod-out"),
            MetaStatements = OptionalInts(root, "meta-tids"),
            Center = Doubles(pca.GetProperty("center")),
            Components = [.. pca.GetProperty("comps").EnumerateArray().Select(Doubles)],
            CommentProjection = pca.TryGetProperty("comment-projection", out var projection)
                ? [.. projection.EnumerateArray().Select(Doubles)] : [],
            CommentExtremity = pca.TryGetProperty("comment-extremity", out var extremity) ? Doubles(extremity) : [],
            BaseClusters = [.. ids.Select((id, i) => new BaseCluster(id, members[i], xs[i], ys[i]))],
            GroupClusters = [.. root.GetProperty("group-clusters").EnumerateArray().Select(g =>
            {
                var center = Doubles(g.GetProperty("center"));
                return new GroupCluster(g.GetProperty("id").GetInt32(), Ints(g.GetProperty("members")), center[0], center[1]);
            })],
            Repness = root.GetProperty("repness").EnumerateObject().ToDictionary(
                p => Key(p.Name), p => (IReadOnlyList<RepresentativeStatement>)[.. p.Value.EnumerateArray().Select(ReadRepness)]),
            Consensus = ReadConsensus(root.GetProperty("consensus")),
            GroupAwareConsensus = DoubleMap(root.GetProperty("group-aware-consensus")),
            CommentPriorities = root.TryGetProperty("comment-priorities", out var priorities) && priorities.ValueKind == JsonValueKind.Object
                ? DoubleMap(priorities) : new Dictionary<int, double>(),
            GroupVotes = root.GetProperty("group-votes").EnumerateObject().ToDictionary(
                g => Key(g.Name),
                g => (IReadOnlyDictionary<int, VoteTally>)g.Value.GetProperty("votes").EnumerateObject().ToDictionary(
                    t => Key(t.Name),
                    t => new VoteTally(t.Value.GetProperty("A").GetInt32(), t.Value.GetProperty("D").GetInt32(), t.Value.GetProperty("S").GetInt32()))),
            GroupSizes = root.GetProperty("group-votes").EnumerateObject().ToDictionary(
                g => Key(g.Name), g => g.Value.TryGetProperty("n-members", out var size) ? size.GetInt32() : 0),
            LastVoteTimestamp = root.TryGetProperty("lastVoteTimestamp", out var last) && last.ValueKind == JsonValueKind.Number
                ? (long)last.GetDouble() : null,
        };
    }

    private static RepresentativeStatement ReadRepness(JsonElement e) => new(
        e.GetProperty("tid").GetInt32(),
        SideOf(e.GetProperty("repful-for").GetString()),
        e.GetProperty("n-success").GetInt32(),
        e.GetProperty("n-trials").GetInt32(),
        e.GetProperty("p-success").GetDouble(),
        e.GetProperty("p-test").GetDouble(),
        e.GetProperty("repness").GetDouble(),
        e.GetProperty("repness-test").GetDouble(),
        e.TryGetProperty("best-agree", out var bestAgree) && bestAgree.ValueKind == JsonValueKind.True,
        e.TryGetProperty("n-agree", out var agree) ? agree.GetInt32() : null);

    private static ConsensusStatements ReadConsensus(JsonElement e)
    {
        static List<ConsensusStatement> Statements(JsonElement list) => [.. list.EnumerateArray().Select(s => new ConsensusStatement(
            s.GetProperty("tid").GetInt32(), s.GetProperty("n-success").GetInt32(), s.GetProperty("n-trials").GetInt32(),
            s.GetProperty("p-success").GetDouble(), s.GetProperty("p-test").GetDouble()))];
        return new ConsensusStatements(Statements(e.GetProperty("agree")), Statements(e.GetProperty("disagree")));
    }

    private static Side SideOf(string? text) => text switch
    {
        "agree" => Side.Agree,
        "disagree" => Side.Disagree,
        _ => throw new FormatException($"repful-for is '{text}', expected agree or disagree."),
    };

    private static int Key(string name) => int.Parse(name, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static List<int> Ints(JsonElement array) => [.. array.EnumerateArray().Select(x => (int)x.GetDouble())];

    private static List<int> OptionalInts(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? Ints(array) : [];

    private static List<double> Doubles(JsonElement array) => [.. array.EnumerateArray().Select(x => x.GetDouble())];

    private static Dictionary<int, double> DoubleMap(JsonElement map) =>
        map.EnumerateObject().ToDictionary(p => Key(p.Name), p => p.Value.GetDouble());

    /// <summary>Writes this in Polis' JSON shape.</summary>
    public void Write(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("n", ParticipantCount);
        json.WriteNumber("n-cmts", StatementCount);
        WriteInts(json, "tids", StatementIds);
        WriteInts(json, "in-conv", [.. InConversation.Order()]);
        json.WriteStartObject("user-vote-counts");
        foreach (var (participant, count) in UserVoteCounts.OrderBy(p => p.Key))
        {
            json.WriteNumber(Name(participant), count);
        }
        json.WriteEndObject();
        WriteInts(json, "mod-out", ModeratedOut);
        WriteInts(json, "meta-tids", MetaStatements);

        json.WriteStartObject("pca");
        WriteDoubles(json, "center", Center);
        json.WriteStartArray("comps");
        foreach (var component in Components)
        {
            WriteDoubles(json, null, component);
        }
        json.WriteEndArray();
        json.WriteStartArray("comment-projection");
        foreach (var axis in CommentProjection)
        {
            WriteDoubles(json, null, axis);
        }
        json.WriteEndArray();
        WriteDoubles(json, "comment-extremity", CommentExtremity);
        json.WriteEndObject();

        json.WriteStartObject("base-clusters");
        WriteInts(json, "id", [.. BaseClusters.Select(c => c.Id)]);
        json.WriteStartArray("members");
        foreach (var cluster in BaseClusters)
        {
            WriteInts(json, null, cluster.Members);
        }
        json.WriteEndArray();
        WriteDoubles(json, "x", [.. BaseClusters.Select(c => c.X)]);
        WriteDoubles(json, "y", [.. BaseClusters.Select(c => c.Y)]);
        WriteInts(json, "count", [.. BaseClusters.Select(c => c.Members.Count)]);
        json.WriteEndObject();

        json.WriteStartArray("group-clusters");
        foreach (var group in GroupClusters)
        {
            json.WriteStartObject();
            json.WriteNumber("id", group.Id);
            WriteInts(json, "members", group.BaseClusterIds);
            WriteDoubles(json, "center", [group.X, group.Y]);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("repness");
        foreach (var (group, statements) in Repness.OrderBy(p => p.Key))
        {
            json.WriteStartArray(Name(group));
            foreach (var s in statements)
            {
                json.WriteStartObject();
                json.WriteNumber("tid", s.StatementId);
                json.WriteNumber("n-success", s.Successes);
                json.WriteNumber("n-trials", s.Trials);
                json.WriteNumber("p-success", s.Probability);
                json.WriteNumber("p-test", s.ProbabilityTest);
                json.WriteNumber("repness", s.Representativeness);
                json.WriteNumber("repness-test", s.RepresentativenessTest);
                json.WriteString("repful-for", s.RepresentativeFor == Side.Agree ? "agree" : "disagree");
                if (s.IsBestAgree)
                {
                    json.WriteBoolean("best-agree", true);
                    json.WriteNumber("n-agree", s.AgreeCount ?? s.Successes);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();

        json.WriteStartObject("consensus");
        foreach (var (name, side) in new[] { ("agree", Consensus.Agree), ("disagree", Consensus.Disagree) })
        {
            json.WriteStartArray(name);
            foreach (var s in side)
            {
                json.WriteStartObject();
                json.WriteNumber("tid", s.StatementId);
                json.WriteNumber("n-success", s.Successes);
                json.WriteNumber("n-trials", s.Trials);
                json.WriteNumber("p-success", s.Probability);
                json.WriteNumber("p-test", s.ProbabilityTest);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();

        WriteDoubleMap(json, "group-aware-consensus", GroupAwareConsensus);
        WriteDoubleMap(json, "comment-priorities", CommentPriorities);

        json.WriteStartObject("group-votes");
        foreach (var (group, votes) in GroupVotes.OrderBy(p => p.Key))
        {
            json.WriteStartObject(Name(group));
            json.WriteNumber("n-members", GroupSizes.GetValueOrDefault(group));
            json.WriteStartObject("votes");
            foreach (var (statement, tally) in votes.OrderBy(p => p.Key))
            {
                json.WriteStartObject(Name(statement));
                json.WriteNumber("A", tally.Agree);
                json.WriteNumber("D", tally.Disagree);
                json.WriteNumber("S", tally.Seen);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();

        if (LastVoteTimestamp is { } lastVote)
        {
            json.WriteNumber("lastVoteTimestamp", lastVote);
        }
        json.WriteEndObject();
    }

    private static string Name(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static void WriteInts(Utf8JsonWriter json, string? name, IEnumerable<int> values)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }
        json.WriteEndArray();
    }

    private static void WriteDoubles(Utf8JsonWriter json, string? name, IEnumerable<double> values)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }
        json.WriteEndArray();
    }

    private static void WriteDoubleMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<int, double> values)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values.OrderBy(p => p.Key))
        {
            json.WriteNumber(Name(key), value);
        }
        json.WriteEndObject();
    }
}
