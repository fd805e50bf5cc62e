using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Engine = Cocreo.OpinionMap;

namespace Cocreo.Web.Features.Conversations;

/// <summary>The opinion map as the pages and the API show it: plain data, stored as JSON with the conversation.</summary>
public sealed record MapSummary(
    DateTime ComputedAt,
    int ParticipantCount,
    int InConversationCount,
    int VoteCount,
    IReadOnlyList<GroupSummary> Groups,
    IReadOnlyList<StatementSummary> Statements,
    IReadOnlyList<ConsensusSummary> ConsensusAgree,
    IReadOnlyList<ConsensusSummary> ConsensusDisagree,
    IReadOnlyList<ClusterSummary> BaseClusters,
    IReadOnlyDictionary<int, PlacementSummary> Participants,
    BridgingSummary? Bridging = null)
{
    public static MapSummary Empty(DateTime now) => new(now, 0, 0, 0, [], [], [], [], [], new Dictionary<int, PlacementSummary>());

    public StatementSummary? Statement(int id) => Statements.FirstOrDefault(s => s.StatementId == id);
}

/// <param name="Label">A, B, C... in the order of the groups' ids.</param>
public sealed record GroupSummary(int Id, string Label, int Size, double X, double Y, IReadOnlyList<RepresentativeSummary> Representative);

/// <param name="Agrees">Whether the group stands out by agreeing (else by disagreeing).</param>
/// <param name="Share">The share of the group's members who voted on it that voted that way (smoothed as Polis does).</param>
public sealed record RepresentativeSummary(int StatementId, bool Agrees, double Share, int Successes, int Trials, double Representativeness);

public sealed record StatementSummary(int StatementId, double X, double Y, int Agree, int Disagree, int Seen, double GroupAwareConsensus, double Priority, bool IsModeratedOut,
    IReadOnlyDictionary<int, TallySummary> ByGroup);

public sealed record TallySummary(int Agree, int Disagree, int Seen);

public sealed record ConsensusSummary(int StatementId, double Share, int Successes, int Trials);

public sealed record ClusterSummary(double X, double Y, int Size, int? GroupId);

public sealed record PlacementSummary(double X, double Y, int? GroupId, bool InConversation);

/// <summary>
/// The bridging ranking (Community Notes' model, <see cref="Engine.Bridging.BridgingRanker"/>) beside Polis'
/// group-aware consensus; null in maps stored before it was computed.
/// </summary>
/// <param name="GlobalIntercept">μ, the overall tendency to agree.</param>
/// <param name="Ranked">The statements with enough votes from both sides of the opinion axis, best bridging first.</param>
public sealed record BridgingSummary(double GlobalIntercept, IReadOnlyList<BridgingStatementSummary> Ranked, bool Converged);

/// <param name="Intercept">Agreement left once the opinion axis explains what it can: high means supported across the divide.</param>
/// <param name="Factor">Where the statement sits on the opinion axis: far from 0 either way means it divides.</param>
public sealed record BridgingStatementSummary(int StatementId, int Rank, double Intercept, double Factor, int Agree, int Disagree);

/// <summary>The last map computed per conversation on this instance, with the engine's state to start the next from.</summary>
public sealed class ConversationMapCache
{
    internal sealed class Entry
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public string Fingerprint { get; set; } = "";
        public MapSummary? Summary { get; set; }
        public Engine.OpinionMapState? State { get; set; }
        public Engine.Bridging.BridgingRanking? Bridging { get; set; }

        /// <summary>Every vote read so far, as the engine holds them (it grows with each refresh).</summary>
        public Engine.Conversation? Votes { get; set; }

        /// <summary>The latest vote time read into <see cref="Votes"/>.</summary>
        public DateTime Watermark { get; set; }

        /// <summary>When <see cref="Votes"/> was last read in full.</summary>
        public DateTime LoadedAt { get; set; }

        /// <summary>The statements' routing weights of a summary (made on first use).</summary>
        public (MapSummary For, IReadOnlyDictionary<int, double> Weights)? Priorities { get; set; }
    }

    private readonly ConcurrentDictionary<int, Entry> entries = new();

    internal Entry For(int conversationId) => entries.GetOrAdd(conversationId, _ => new Entry());
}

/// <summary>
/// Computes a conversation's opinion map with <see cref="Engine.OpinionMapper"/> from the stored votes. Per
/// conversation this instance keeps the votes as the engine holds them, growing them with the votes cast since the
/// last computation, the engine's state and the last map (<see cref="ConversationMapCache"/>); when votes arrived or a
/// statement was moderated since (a fingerprint of counts and the latest times), the map is computed again from the
/// previous state (the engine's warm start: groups keep their ids, the map does not jump). The summary is stored
/// (<see cref="ConversationMapSnapshot"/>), so another instance, or this one after a restart, shows the same map and
/// how old it is. Pages only read it; the <see cref="ConversationMapRefresher"/> computes.
/// </summary>
public sealed class ConversationMaps(CocreoDbContext db, ConversationMapCache cache, TimeProvider clock, IOptions<ConversationOptions> options, ConversationMapRefresher refresher,
    ILogger<ConversationMaps> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The engine's options: Polis' defaults, seeded by nothing but the conversation, one thread (the web server has
    /// other work). A live update takes at most 10 power-iteration steps from the last map's components, as Polis did
    /// from 2017 to 2019 (today 100 per update, its updates far apart): a second axis the votes hardly determine never
    /// settles and would take all 1,000 steps in every update (17 s at 5,000,000 votes); bounded, it goes on
    /// converging over the next updates, which come seconds apart here. The first map of a conversation still
    /// iterates to convergence.
    /// </summary>
    public static Engine.OpinionMapOptions EngineOptions { get; } = new() { MaxDegreeOfParallelism = 1, PcaStepsPerUpdate = 10 };

    /// <summary>The bridging ranking's options: Community Notes' defaults, one thread.</summary>
    public static Engine.Bridging.BridgingOptions BridgingOptions { get; } = new() { MaxDegreeOfParallelism = 1 };

    /// <summary>
    /// The conversation's latest map: the one this instance holds if it is the one stored, else the stored one. Reads
    /// never compute (the <see cref="ConversationMapRefresher"/> does, after votes, on one instance at a time) except
    /// the very first map of a conversation, and except with <see cref="ConversationOptions.MapRefresh"/> 0, where
    /// every read brings the map up to date first (the tests).
    /// </summary>
    public async Task<MapSummary> CurrentAsync(int conversationId, CancellationToken cancellationToken) =>
        (await LatestAsync(conversationId, cancellationToken)).Summary!;

    private async Task<ConversationMapCache.Entry> LatestAsync(int conversationId, CancellationToken cancellationToken)
    {
        var entry = cache.For(conversationId);
        if (options.Value.MapRefresh == TimeSpan.Zero)
        {
            await RefreshAsync(conversationId, cancellationToken);
        }
        var storedAt = await db.Set<ConversationMapSnapshot>().AsNoTracking().Where(s => s.ConversationId == conversationId)
            .Select(s => (DateTime?)s.ComputedAt).SingleOrDefaultAsync(cancellationToken);
        if (storedAt is { } at && clock.GetUtcNow().UtcDateTime - at > options.Value.MapRefresh)
        {
            // Something may have changed that no vote announced here (moderation, another server's votes): the
            // refresher compares fingerprints and computes only if it did.
            refresher.Mark(conversationId);
        }
        if (entry.Summary is { } held && storedAt == held.ComputedAt)
        {
            return entry;
        }
        await entry.Lock.WaitAsync(cancellationToken);
        try
        {
            var stored = await db.Set<ConversationMapSnapshot>().AsNoTracking().Where(s => s.ConversationId == conversationId)
                .Select(s => new { s.ComputedAt, s.Summary, s.Fingerprint }).SingleOrDefaultAsync(cancellationToken);
            if (stored is null)
            {
                if (entry.Summary is null)
                {
                    await ComputeAsync(conversationId, entry, await FingerprintAsync(conversationId, cancellationToken), exists: false, cancellationToken);
                }
            }
            else if (entry.Summary?.ComputedAt != stored.ComputedAt)
            {
                entry.Summary = JsonSerializer.Deserialize<MapSummary>(stored.Summary, Json);
                entry.Fingerprint = stored.Fingerprint;
                entry.Priorities = null;
            }
            return entry;
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    /// <summary>The latest map's routing weight of each statement (the engine's priority), held with the map.</summary>
    public async Task<IReadOnlyDictionary<int, double>> PrioritiesAsync(int conversationId, CancellationToken cancellationToken)
    {
        var entry = await LatestAsync(conversationId, cancellationToken);
        var summary = entry.Summary!;
        if (entry.Priorities is { } made && ReferenceEquals(made.For, summary))
        {
            return made.Weights;
        }
        var weights = summary.Statements.ToDictionary(s => s.StatementId, s => s.Priority);
        entry.Priorities = (summary, weights);
        return weights;
    }

    /// <summary>
    /// Computes the map again (warm, from this instance's last state) when the stored one is out of date, whatever
    /// its age; the new map, or null when the stored one was up to date. The live refresher calls it while it holds
    /// the conversation's lease, so one instance at a time computes a conversation's map.
    /// </summary>
    public async Task<MapSummary?> RefreshAsync(int conversationId, CancellationToken cancellationToken)
    {
        var entry = cache.For(conversationId);
        await entry.Lock.WaitAsync(cancellationToken);
        try
        {
            var fingerprint = await FingerprintAsync(conversationId, cancellationToken);
            var stored = await StoredFingerprintAsync(conversationId, cancellationToken);
            if (stored == fingerprint)
            {
                return null;
            }
            return await ComputeAsync(conversationId, entry, fingerprint, stored is not null, cancellationToken);
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    /// <summary>Whether the stored map was computed from what is stored now.</summary>
    public async Task<bool> IsUpToDateAsync(int conversationId, CancellationToken cancellationToken) =>
        await StoredFingerprintAsync(conversationId, cancellationToken) == await FingerprintAsync(conversationId, cancellationToken);

    private Task<string?> StoredFingerprintAsync(int conversationId, CancellationToken cancellationToken) =>
        db.Set<ConversationMapSnapshot>().AsNoTracking().Where(s => s.ConversationId == conversationId).Select(s => s.Fingerprint).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The conversation as the engine reads it: its statements (rejected ones moderated out) and every current vote, in the order cast.</summary>
    public async Task<Engine.Conversation> EngineConversationAsync(int conversationId, CancellationToken cancellationToken)
    {
        var conversation = new Engine.Conversation();
        foreach (var statement in await StatementsAsync(conversationId, cancellationToken))
        {
            conversation.AddOrUpdate(statement);
        }
        await ReadVotesAsync(conversationId, null, conversation, cancellationToken);
        return conversation;
    }

    public static Engine.VoteChoice ToEngine(ConversationChoice choice) => choice switch
    {
        ConversationChoice.Agree => Engine.VoteChoice.Agree,
        ConversationChoice.Disagree => Engine.VoteChoice.Disagree,
        _ => Engine.VoteChoice.Pass,
    };

    /// <summary>The summary the pages show of an engine's map.</summary>
    public static MapSummary Summarise(Engine.ConversationMap map, Engine.Conversation conversation, DateTime now, Engine.Bridging.BridgingRanking? bridging = null)
    {
        var groups = map.Groups.OrderBy(g => g.Id).ToList();
        var labels = groups.Select((g, i) => (g.Id, Label: Label(i))).ToDictionary(g => g.Id, g => g.Label);
        var groupOfCluster = groups.SelectMany(g => g.BaseClusterIds.Select(b => (Cluster: b, Group: g.Id))).ToDictionary(x => x.Cluster, x => x.Group);
        return new MapSummary(
            now,
            map.Participants.Count,
            map.Participants.Count(p => p.InConversation),
            conversation.VoteCount,
            groups.Select(g => new GroupSummary(g.Id, labels[g.Id], g.Members.Count, g.X, g.Y,
                g.RepresentativeStatements.Select(r => new RepresentativeSummary(r.StatementId, r.RepresentativeFor == Engine.Side.Agree, r.Probability, r.Successes, r.Trials, r.Representativeness)).ToList())).ToList(),
            map.Statements.Select(s => new StatementSummary(s.StatementId, s.X, s.Y, s.Votes.Agree, s.Votes.Disagree, s.Votes.Seen, s.GroupAwareConsensus, s.Priority, s.IsModeratedOut,
                groups.ToDictionary(g => g.Id, g => g.Votes.TryGetValue(s.StatementId, out var v) ? new TallySummary(v.Agree, v.Disagree, v.Seen) : new TallySummary(0, 0, 0)))).ToList(),
            map.Consensus.Agree.Select(c => new ConsensusSummary(c.StatementId, c.Probability, c.Successes, c.Trials)).ToList(),
            map.Consensus.Disagree.Select(c => new ConsensusSummary(c.StatementId, c.Probability, c.Successes, c.Trials)).ToList(),
            map.BaseClusters.Select(b => new ClusterSummary(b.X, b.Y, b.Members.Count, groupOfCluster.TryGetValue(b.Id, out var group) ? group : null)).ToList(),
            map.Participants.ToDictionary(p => p.ParticipantId, p => new PlacementSummary(p.X, p.Y, p.GroupId, p.InConversation)),
            bridging is null ? null : new BridgingSummary(bridging.GlobalIntercept,
                bridging.Ranked.Select(b => new BridgingStatementSummary(b.StatementId, b.Rank!.Value, b.Intercept, b.Factor, b.Agree, b.Disagree)).ToList(), bridging.Converged));
    }

    /// <summary>A, B, ... Z, then AA, AB...</summary>
    public static string Label(int index) => index < 26 ? ((char)('A' + index)).ToString() : Label((index / 26) - 1) + Label(index % 26);

    /// <summary>
    /// Computes the map, warm from this instance's last state, and stores it. The votes are read in full the first
    /// time and every <see cref="FullReadEvery"/>; in between only those cast or changed since the latest read, less
    /// <see cref="Overlap"/> (votes are applied again harmlessly: the engine keeps one per participant and statement),
    /// so a vote committed a little after a later one (another server, a slow batch) is still read.
    /// </summary>
    private async Task<MapSummary> ComputeAsync(int conversationId, ConversationMapCache.Entry entry, string fingerprint, bool exists, CancellationToken cancellationToken)
    {
        // Whole microseconds, as PostgreSQL stores them: a page compares the map it holds with the stored one by this time,
        // and a finer time would never match there (every read would deserialise the stored map again).
        var ticks = clock.GetUtcNow().UtcDateTime.Ticks;
        var now = new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
        var started = Stopwatch.GetTimestamp();
        var statements = await StatementsAsync(conversationId, cancellationToken);
        if (entry.Votes is null || now - entry.LoadedAt > FullReadEvery)
        {
            entry.Votes = new Engine.Conversation();
            entry.Watermark = DateTime.MinValue;
            entry.LoadedAt = now;
        }
        var conversation = entry.Votes;
        foreach (var statement in statements)
        {
            conversation.AddOrUpdate(statement);
        }
        // The latest vote time first: whatever is committed while the votes are read is read again next time.
        var latest = await db.Set<ConversationVote>().Where(v => v.ConversationId == conversationId).MaxAsync(v => (DateTime?)v.VotedAt, cancellationToken);
        await ReadVotesAsync(conversationId, entry.Watermark == DateTime.MinValue ? null : entry.Watermark - Overlap, conversation, cancellationToken);
        if (latest is { } at && at > entry.Watermark)
        {
            entry.Watermark = at;
        }
        if (exists && await StoredStateAsync(conversationId, entry.Summary?.ComputedAt, cancellationToken) is { } stored)
        {
            // Another instance computed the stored map (or this one restarted): start from its state, so the groups
            // keep their ids whoever computes.
            entry.State = stored;
        }
        var read = Stopwatch.GetTimestamp();
        var steps = 0;
        MapSummary summary;
        if (conversation.ParticipantCount == 0)
        {
            summary = MapSummary.Empty(now);
            entry.State = null;
            entry.Bridging = null;
        }
        else
        {
            var (previous, previousBridging) = (entry.State, entry.Bridging);
            // A large conversation's map and ranking run side by side, one thread each (both only read the votes), so
            // the map reaches open pages sooner; a smaller one's take a fraction of a second in a row, and a second
            // thread would only take a core from the requests (a vote storm on two cores lost a quarter of its votes).
            var mapping = Task.Run(() => Engine.OpinionMapper.Compute(conversation, EngineOptions, previous), cancellationToken);
            if (conversation.VoteCount < SideBySideFrom)
            {
                await mapping;
            }
            var ranking = Task.Run(() => Engine.Bridging.BridgingRanker.Rank(conversation, BridgingOptions, previousBridging), cancellationToken);
            var (map, bridging) = (await mapping, await ranking);
            steps = map.Components.Iterations;
            summary = Summarise(map, conversation, now, bridging);
            entry.State = map.State;
            entry.Bridging = bridging;
        }
        entry.Summary = summary;
        entry.Priorities = null;
        entry.Fingerprint = fingerprint;
        var computed = Stopwatch.GetTimestamp();
        await StoreAsync(conversationId, summary, fingerprint, exists, entry.State, cancellationToken);
        logger.LogDebug("Map of conversation {ConversationId}: {Votes} votes read in {Read} ms, computed in {Computed} ms ({Steps} PCA steps), stored in {Stored} ms",
            conversationId, conversation.VoteCount, Stopwatch.GetElapsedTime(started, read).TotalMilliseconds,
            Stopwatch.GetElapsedTime(read, computed).TotalMilliseconds, steps, Stopwatch.GetElapsedTime(computed).TotalMilliseconds);
        return summary;
    }

    /// <summary>The engine's state stored with the map unless this instance computed that map itself (<paramref name="computedHere"/>); null when none was stored or it could not be read.</summary>
    private async Task<Engine.OpinionMapState?> StoredStateAsync(int conversationId, DateTime? computedHere, CancellationToken cancellationToken)
    {
        var snapshot = db.Set<ConversationMapSnapshot>().AsNoTracking().Where(s => s.ConversationId == conversationId);
        // The time first: the state itself is megabytes at 100,000 participants, read only when another instance wrote it.
        var storedAt = await snapshot.Select(s => (DateTime?)s.ComputedAt).SingleOrDefaultAsync(cancellationToken);
        if (storedAt is null || storedAt == computedHere
            || await snapshot.Select(s => s.EngineState).SingleOrDefaultAsync(cancellationToken) is not { } json)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<StoredState>(json, Json)?.ToState();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The engine's state as stored: the engine's own records, with the set and the dictionaries keyed by number
    /// spelled out, so the JSON reads back whatever the serializer does with interface-typed collections.
    /// </summary>
    internal sealed record StoredState(
        int[] InConversation,
        Dictionary<int, Engine.ComponentLoadings> Components,
        List<Engine.BaseCluster> BaseClusters,
        Dictionary<int, List<Engine.GroupCluster>> GroupClusterings,
        Engine.GroupCountHistory GroupCount)
    {
        public static StoredState Of(Engine.OpinionMapState state) => new(
            [.. state.InConversation.Order()],
            state.Components.ToDictionary(),
            [.. state.BaseClusters],
            state.GroupClusterings.ToDictionary(pair => pair.Key, pair => pair.Value.ToList()),
            state.GroupCount);

        public Engine.OpinionMapState ToState() => new()
        {
            InConversation = InConversation.ToHashSet(),
            Components = Components,
            BaseClusters = BaseClusters,
            GroupClusterings = GroupClusterings.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<Engine.GroupCluster>)pair.Value),
            GroupCount = GroupCount,
        };
    }

    /// <summary>
    /// Adds the conversation's votes (those cast or changed since <paramref name="since"/>, or all) to the engine's
    /// conversation in the order they were cast. Read with a plain data reader: a first map of millions of votes
    /// spends its time here, and EF's materialisation (and SQLite's text dates) would make it several times slower.
    /// </summary>
    private async Task ReadVotesAsync(int conversationId, DateTime? since, Engine.Conversation conversation, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var id = command.CreateParameter();
            id.ParameterName = "@c";
            id.Value = conversationId;
            command.Parameters.Add(id);
            var after = "";
            if (since is { } time)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@s";
                parameter.Value = DateTime.SpecifyKind(time, DateTimeKind.Utc);
                command.Parameters.Add(parameter);
                after = " AND \"VotedAt\" >= @s";
            }
            command.CommandText = $"SELECT \"ParticipantId\", \"StatementId\", \"Choice\" FROM \"ConversationVotes\" WHERE \"ConversationId\" = @c{after} ORDER BY \"VotedAt\", \"Id\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var choice = reader.GetString(2) switch
                {
                    nameof(ConversationChoice.Agree) => Engine.VoteChoice.Agree,
                    nameof(ConversationChoice.Disagree) => Engine.VoteChoice.Disagree,
                    _ => Engine.VoteChoice.Pass,
                };
                conversation.Add(new Engine.Vote(reader.GetInt32(0), reader.GetInt32(1), choice));
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>From this many votes the map and the bridging ranking are computed side by side.</summary>
    public const int SideBySideFrom = 500_000;

    /// <summary>How long before the latest vote read the next read starts again.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    /// <summary>How often the votes are read in full again (a safety net: nothing is known to need it; a full read of 5,000,000 votes takes seconds).</summary>
    public static readonly TimeSpan FullReadEvery = TimeSpan.FromHours(1);

    private async Task<List<Engine.Statement>> StatementsAsync(int conversationId, CancellationToken cancellationToken) =>
        (await db.Set<ConversationStatement>().AsNoTracking()
            .Where(s => s.ConversationId == conversationId && s.Status != StatementStatus.Pending)
            .Select(s => new { s.Id, s.Text, s.Status, s.AuthorParticipantId, s.CreatedAt })
            .ToListAsync(cancellationToken))
        .Select(s => new Engine.Statement(s.Id, s.Text)
        {
            Moderation = s.Status == StatementStatus.Rejected ? Engine.Moderation.Rejected : Engine.Moderation.Accepted,
            AuthorId = s.AuthorParticipantId,
            CreatedAt = new DateTimeOffset(s.CreatedAt, TimeSpan.Zero),
        }).ToList();

    /// <summary>
    /// What the map was computed from, cheaply: the latest vote time, how many votes were cast within
    /// <see cref="Overlap"/> before it, and how many statements have each status. Votes are never deleted one by one
    /// (a conversation's go with it), so a new vote raises the latest time, or, committed late by another server with a
    /// slightly earlier time, adds to the recent count; a changed vote gets a new time. Both read a short range of the
    /// (conversation, time) index: counting every vote took 0.8 s at 5,000,000 votes, on every refresh and sweep.
    /// </summary>
    private async Task<string> FingerprintAsync(int conversationId, CancellationToken cancellationToken)
    {
        var votes = db.Set<ConversationVote>().Where(v => v.ConversationId == conversationId);
        var latest = await votes.OrderByDescending(v => v.VotedAt).Select(v => (DateTime?)v.VotedAt).FirstOrDefaultAsync(cancellationToken);
        var recent = latest is { } at ? await votes.CountAsync(v => v.VotedAt >= at - Overlap, cancellationToken) : 0;
        var statements = await db.Set<ConversationStatement>().Where(s => s.ConversationId == conversationId)
            .GroupBy(s => s.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return $"{latest?.Ticks ?? 0}:{recent}:" + string.Join(",", statements.OrderBy(s => s.Status).Select(s => $"{s.Status}={s.Count}"));
    }

    private async Task StoreAsync(int conversationId, MapSummary summary, string fingerprint, bool exists, Engine.OpinionMapState? state, CancellationToken cancellationToken)
    {
        // Stored apart from any change (a read of the map writes it): a race between instances is settled by the last write.
        var json = JsonSerializer.Serialize(summary, Json);
        var engineState = state is null ? null : JsonSerializer.Serialize(StoredState.Of(state), Json);
        if (exists)
        {
            // Written without reading the stored map first (megabytes at 100,000 participants).
            await db.Set<ConversationMapSnapshot>().Where(s => s.ConversationId == conversationId).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.ComputedAt, summary.ComputedAt)
                .SetProperty(s => s.VoteCount, summary.VoteCount)
                .SetProperty(s => s.Fingerprint, fingerprint)
                .SetProperty(s => s.Summary, json)
                .SetProperty(s => s.EngineState, engineState), cancellationToken);
            return;
        }
        var snapshot = db.Add(new ConversationMapSnapshot
        {
            ConversationId = conversationId,
            ComputedAt = summary.ComputedAt,
            VoteCount = summary.VoteCount,
            Fingerprint = fingerprint,
            Summary = json,
            EngineState = engineState,
        }).Entity;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance stored its map first: theirs is as good.
        }
        finally
        {
            db.Entry(snapshot).State = EntityState.Detached;
        }
    }
}

/// <summary>
/// Which statement a participant sees next: never one they voted on, only statements open for voting; pinned ones
/// first, then statements nobody has voted on yet (new statements early, so they get votes), then a draw weighted
/// by the engine's priority (Polis' routing: statements that most improve the map come up more often).
/// </summary>
public sealed class StatementRouting(CocreoDbContext db, ConversationMaps maps, OpenStatements openStatements)
{
    /// <summary>The open statements as this request read them (the next statement and the progress share one read).</summary>
    private (int ConversationId, OpenStatements.Held List)? read;

    private async Task<OpenStatements.Held> OpenAsync(int conversationId, CancellationToken cancellationToken)
    {
        if (read is { } held && held.ConversationId == conversationId)
        {
            return held.List;
        }
        var list = await openStatements.ForAsync(db, conversationId, cancellationToken);
        read = (conversationId, list);
        return list;
    }

    public Task<ConversationStatement?> NextAsync(int conversationId, int? participantId, CancellationToken cancellationToken, Random? random = null) =>
        NextAsync(conversationId, participantId, random, again: false, cancellationToken);

    private async Task<ConversationStatement?> NextAsync(int conversationId, int? participantId, Random? random, bool again, CancellationToken cancellationToken)
    {
        var voted = participantId is { } id
            ? await db.Set<ConversationVote>().Where(v => v.ParticipantId == id).Select(v => v.StatementId).ToListAsync(cancellationToken)
            : [];
        var votedSet = voted.ToHashSet();
        var all = await OpenAsync(conversationId, cancellationToken);
        var open = Enumerable.Range(0, all.Ids.Length).Where(i => !votedSet.Contains(all.Ids[i])).ToList();
        if (open.Count == 0)
        {
            return null;
        }
        var chosen = open.Where(i => all.Pinned[i]).Select(i => (int?)all.Ids[i]).FirstOrDefault();
        if (chosen is null)
        {
            var priorities = await maps.PrioritiesAsync(conversationId, cancellationToken);
            var ids = open.Select(i => all.Ids[i]).ToList();
            var unvoted = ids.FirstOrDefault(s => !priorities.ContainsKey(s));
            chosen = unvoted != 0 ? unvoted : Draw(ids, priorities, random ?? Random.Shared);
        }
        // Read fresh: a statement rejected since the list was read is not shown (the list is then read again).
        var statement = await db.Set<ConversationStatement>().AsNoTracking().SingleAsync(s => s.Id == chosen, cancellationToken);
        if (statement.Status != StatementStatus.Accepted && !again)
        {
            openStatements.Forget(conversationId);
            read = null;
            return await NextAsync(conversationId, participantId, random, again: true, cancellationToken);
        }
        return statement;
    }

    private static int Draw(List<int> open, IReadOnlyDictionary<int, double> priorities, Random random)
    {
        var weights = open.Select(id => Math.Max(priorities[id], 1e-9)).ToList();
        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < open.Count; i++)
        {
            draw -= weights[i];
            if (draw <= 0)
            {
                return open[i];
            }
        }
        return open[^1];
    }

    /// <summary>How many statements open for voting the participant has not voted on yet.</summary>
    public async Task<(int Voted, int Open)> ProgressAsync(int conversationId, int? participantId, CancellationToken cancellationToken)
    {
        var open = (await OpenAsync(conversationId, cancellationToken)).Ids.Length;
        var voted = participantId is { } id
            ? await (from v in db.Set<ConversationVote>()
                     join s in db.Set<ConversationStatement>() on v.StatementId equals s.Id
                     where v.ParticipantId == id && s.Status == StatementStatus.Accepted
                     select v.Id).CountAsync(cancellationToken)
            : 0;
        return (voted, open);
    }
}

/// <summary>
/// The statements open for voting in each conversation (ids in order, and which are pinned), held in memory for the
/// next-statement route: at 10,000 statements, reading them for every request was most of its time. A held list is
/// used while the conversation's numbers of accepted and of pinned statements and its highest accepted id are what
/// they were (one aggregate read), and for at most <see cref="Lifetime"/>; a statement that turns out not to be open
/// any more when it is read is not shown and the list is read again. So a new, moderated or pinned statement reaches
/// routing at once, on every instance; only changes that leave all three numbers equal wait up to <see cref="Lifetime"/>.
/// </summary>
public sealed class OpenStatements(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<int, Held> held = new();

    /// <param name="Ids">The open statements' ids, in ascending order.</param>
    /// <param name="Pinned">Whether the statement at the same index is pinned.</param>
    public sealed record Held(int[] Ids, bool[] Pinned, int Count, int MaxId, int PinnedCount, DateTime ReadAt);

    public async Task<Held> ForAsync(CocreoDbContext db, int conversationId, CancellationToken cancellationToken)
    {
        var accepted = db.Set<ConversationStatement>().AsNoTracking().Where(s => s.ConversationId == conversationId && s.Status == StatementStatus.Accepted);
        var shape = await accepted.GroupBy(s => s.ConversationId)
            .Select(g => new { Count = g.Count(), MaxId = g.Max(s => s.Id), Pinned = g.Count(s => s.IsPinned) }).SingleOrDefaultAsync(cancellationToken);
        var (count, maxId, pinned) = shape is null ? (0, 0, 0) : (shape.Count, shape.MaxId, shape.Pinned);
        var now = clock.GetUtcNow().UtcDateTime;
        if (held.TryGetValue(conversationId, out var list) && (list.Count, list.MaxId, list.PinnedCount) == (count, maxId, pinned) && now - list.ReadAt < Lifetime)
        {
            return list;
        }
        var rows = await accepted.OrderBy(s => s.Id).Select(s => new { s.Id, s.IsPinned }).ToListAsync(cancellationToken);
        list = new Held(rows.Select(r => r.Id).ToArray(), rows.Select(r => r.IsPinned).ToArray(), rows.Count, rows.Count == 0 ? 0 : rows[^1].Id, rows.Count(r => r.IsPinned), now);
        held[conversationId] = list;
        return list;
    }

    /// <summary>Forgets the conversation's list on this instance (a statement in it was found no longer open).</summary>
    public void Forget(int conversationId) => held.TryRemove(conversationId, out _);
}
