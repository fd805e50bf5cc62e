using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Threading.Channels;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Live;
using Cocreo.Web.Platform.Work;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Conversations;

/// <summary>Pages watch a conversation's map live ("conversation:{id}"); whoever may see the conversation may watch it.</summary>
public sealed class ConversationLiveTopic(IServiceScopeFactory scopes, ConversationMapRefresher refresher) : ILiveTopic
{
    public const string Kind = "conversation";

    public string Prefix => Kind;

    public static string For(int conversationId) => LiveTopicName.For(Kind, conversationId);

    public async Task<bool> MayWatchAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var conversationId))
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ConversationAccessReader>().ReadAsync(conversationId, user, ConversationAction.View, cancellationToken);
            refresher.Watched(conversationId);
            return true;
        }
        catch (RefusedException)
        {
            return false;
        }
    }
}

/// <summary>
/// Keeps open maps live: after a vote, a new statement or a moderation decision the conversation is marked here; a
/// background loop recomputes its map (warm, from the engine's last state) and tells the pages watching it, on every
/// instance, through <see cref="LiveUpdates"/>. A conversation's map is recomputed by one instance at a time: the loop
/// takes a short <see cref="WorkLease"/> per conversation; an instance that finds the lease taken tries again shortly,
/// until the stored map includes what it saw. Conversations watched from this instance are also looked at every few
/// seconds (<see cref="SweepEvery"/>), so a change this instance did not see (a vote on another instance whose
/// recomputation failed, a moderation decision) still reaches the open pages.
/// </summary>
public sealed class ConversationMapRefresher(IServiceScopeFactory scopes, LiveUpdates live, IOptions<ConversationOptions> options, ILogger<ConversationMapRefresher> logger) : BackgroundService
{
    /// <summary>How long one instance holds a conversation's map: longer than a recomputation of the largest map takes.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    /// <summary>How soon a conversation whose lease another instance holds is looked at again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the conversations watched from this instance are checked for a map out of date.</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(3);

    /// <summary>A conversation nobody asked to watch for this long is no longer swept.</summary>
    public static readonly TimeSpan WatchedFor = TimeSpan.FromHours(2);

    private readonly Channel<int> due = Channel.CreateUnbounded<int>();
    private readonly ConcurrentDictionary<int, byte> marked = new();
    private readonly ConcurrentDictionary<int, DateTime> watched = new();

    /// <summary>When this instance may next compute each conversation's map (<see cref="ConversationOptions.MapGap"/>).</summary>
    private readonly ConcurrentDictionary<int, long> notBefore = new();

    /// <summary>Conversations waiting for their gap to pass (one wait each, however many marks come meanwhile).</summary>
    private readonly ConcurrentDictionary<int, byte> waiting = new();
    private long computations;

    /// <summary>How many maps this instance has computed here (for tests and metrics).</summary>
    public long Computations => Interlocked.Read(ref computations);

    /// <summary>A page on this instance started watching the conversation.</summary>
    public void Watched(int conversationId) => watched[conversationId] = DateTime.UtcNow;

    /// <summary>Marks the conversation's map as out of date (called after its change is saved). Cheap; repeated marks coalesce.</summary>
    public void Mark(int conversationId)
    {
        if (marked.TryAdd(conversationId, 0))
        {
            due.Writer.TryWrite(conversationId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = SweepAsync(stoppingToken);
        await foreach (var conversationId in due.Reader.ReadAllAsync(stoppingToken))
        {
            marked.TryRemove(conversationId, out _);
            if (notBefore.TryGetValue(conversationId, out var next) && Stopwatch.GetElapsedTime(next) < TimeSpan.Zero)
            {
                if (waiting.TryAdd(conversationId, 0))
                {
                    _ = MarkAfterGapAsync(conversationId, -Stopwatch.GetElapsedTime(next), stoppingToken);
                }
                continue;
            }
            try
            {
                if (!await RefreshAsync(conversationId, stoppingToken))
                {
                    _ = RetryLaterAsync(conversationId, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not recompute the map of conversation {ConversationId}", conversationId);
            }
        }
    }

    /// <summary>
    /// Recomputes the map if it is out of date and this instance gets the conversation's lease; tells the watching
    /// pages. False when another instance holds the lease and the stored map does not yet include what is stored now.
    /// </summary>
    public async Task<bool> RefreshAsync(int conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var maps = scope.ServiceProvider.GetRequiredService<ConversationMaps>();
        var leases = scope.ServiceProvider.GetRequiredService<WorkLeases>();
        var lease = "conversation-map:" + conversationId.ToString(CultureInfo.InvariantCulture);
        if (!await leases.TryTakeAsync(lease, LeaseTime, cancellationToken))
        {
            return await maps.IsUpToDateAsync(conversationId, cancellationToken);
        }
        try
        {
            var started = Stopwatch.GetTimestamp();
            if (await maps.RefreshAsync(conversationId, cancellationToken) is { } map)
            {
                if (options.Value.MapGap is { Ticks: > 0 } gap)
                {
                    notBefore[conversationId] = started + (long)(gap.TotalSeconds * Stopwatch.Frequency);
                }
                Interlocked.Increment(ref computations);
                await live.PublishAsync(ConversationLiveTopic.For(conversationId), new { computedAt = map.ComputedAt, votes = map.VoteCount, participants = map.ParticipantCount }, cancellationToken);
            }
            return true;
        }
        finally
        {
            await leases.ReleaseAsync(lease, CancellationToken.None);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SweepEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var stale = DateTime.UtcNow - WatchedFor;
                foreach (var (conversationId, at) in watched)
                {
                    if (at < stale)
                    {
                        watched.TryRemove(conversationId, out _);
                    }
                    else
                    {
                        Mark(conversationId);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task MarkAfterGapAsync(int conversationId, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, cancellationToken);
            waiting.TryRemove(conversationId, out _);
            Mark(conversationId);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RetryLaterAsync(int conversationId, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(RetryAfter, cancellationToken);
            Mark(conversationId);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
