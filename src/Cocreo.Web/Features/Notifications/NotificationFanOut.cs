using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Notifications;

/// <summary>Notification settings, bound from <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the fan-out reads the logs, in seconds.</summary>
    public int FanOutEverySeconds { get; set; } = 5;

    /// <summary>The hour (platform time zone) after which the day's digests go out; weekly digests go on Mondays.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>People per digest batch: one claim, one read and one insert of their e-mails.</summary>
    public int DigestBatchSize { get; set; } = 1000;

    /// <summary>Run the background work (fan-out and digests); tests and tools turn it off and call it themselves.</summary>
    public bool Background { get; set; } = true;
}

/// <summary>
/// Turns the processes' logs into notifications: reads each log past its cursor, maps the actions that matter to the
/// followers of their subject (the process, the budget, the proposal named in the entry; the author of moderated
/// content, found through <see cref="IModeratedContent"/>), keeps those who may still see the process, and saves the
/// notifications, the immediate e-mails and the moved cursor in one transaction. Other capabilities' changes need not
/// know about it: they already log everything. With several instances, one at a time holds the fan-out's lease; if a
/// lease lapsed mid-way, the unique key (person, process, entry) and the cursor make the slower one's save fail.
/// </summary>
public sealed class NotificationFanOut(CocreoDbContext db, Following following, WorkLeases leases, IEnumerable<IModeratedContent> contents, NotificationMail mail, TimeProvider clock)
{
    public const string Lease = "notifications.fan-out";
    private const int EntriesPerRound = 500;

    /// <summary>Entries older than this when a log is first read are not notified (a platform that just gained notifications).</summary>
    public static readonly TimeSpan FirstReadHorizon = TimeSpan.FromDays(1);

    /// <summary>Reads every log that moved; returns how many notifications it made (0 when another instance holds the lease).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryTakeAsync(Lease, TimeSpan.FromMinutes(5), cancellationToken))
        {
            return 0;
        }
        try
        {
            var made = 0;
            var moved = await db.Set<ProcessLogHead>().AsNoTracking()
                .Where(h => !db.Set<NotificationCursor>().Any(c => c.ProcessId == h.ProcessId && c.Sequence >= h.Length))
                .Select(h => h.ProcessId).OrderBy(id => id).ToListAsync(cancellationToken);
            foreach (var processId in moved)
            {
                made += await FanOutAsync(processId, fromStart: false, cancellationToken);
            }
            return made;
        }
        finally
        {
            await leases.ReleaseAsync(Lease, cancellationToken);
        }
    }

    /// <summary>
    /// Reads a whole log from its start (or from its cursor), whatever the age of its entries: the demo city's
    /// history. Call it only where nobody else fans out (the demo seed, before the app serves).
    /// </summary>
    public async Task<int> CatchUpAsync(int processId, CancellationToken cancellationToken)
    {
        var made = 0;
        int round;
        while ((round = await FanOutAsync(processId, fromStart: true, cancellationToken)) >= 0)
        {
            made += round;
            if (await db.Set<NotificationCursor>().AnyAsync(c => c.ProcessId == processId
                && c.Sequence >= db.Set<ProcessLogHead>().Where(h => h.ProcessId == processId).Select(h => h.Length).FirstOrDefault(), cancellationToken))
            {
                break;
            }
        }
        return made;
    }

    /// <summary>One round over a log: up to <see cref="EntriesPerRound"/> entries past the cursor, saved in one transaction.</summary>
    private async Task<int> FanOutAsync(int processId, bool fromStart, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cursor = await db.Set<NotificationCursor>().SingleOrDefaultAsync(c => c.ProcessId == processId, cancellationToken);
        var after = cursor?.Sequence ?? 0;
        var query = db.Set<ProcessLogEntry>().AsNoTracking().Where(e => e.ProcessId == processId && e.Sequence > after);
        if (cursor is null && !fromStart)
        {
            var since = now - FirstReadHorizon;
            query = query.Where(e => e.OccurredAt >= since);
        }
        var entries = await query.OrderBy(e => e.Sequence).Take(EntriesPerRound).ToListAsync(cancellationToken);
        var last = entries.Count > 0 ? entries[^1].Sequence
            : await db.Set<ProcessLogHead>().Where(h => h.ProcessId == processId).Select(h => h.Length).SingleAsync(cancellationToken);
        if (cursor is null)
        {
            db.Add(new NotificationCursor { ProcessId = processId, Sequence = last });
        }
        else
        {
            cursor.Sequence = last;
        }

        var made = new List<Notification>();
        foreach (var entry in entries)
        {
            if (await EventOfAsync(entry, cancellationToken) is not { } happened)
            {
                continue;
            }
            var recipients = await following.WhoMaySeeAsync(processId, happened.Recipients, cancellationToken);
            foreach (var userId in recipients.Where(u => u != happened.Excluded).Distinct())
            {
                made.Add(new Notification
                {
                    UserId = userId,
                    ProcessId = processId,
                    Sequence = entry.Sequence,
                    Event = happened.Event ?? entry.Action,
                    Subject = Cut(happened.Subject, 300),
                    Detail = Cut(happened.Detail, 1000),
                    Link = happened.Link,
                    CreatedAt = entry.OccurredAt,
                });
            }
        }
        db.AddRange(made);
        await mail.QueueImmediateAsync(made, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return made.Count;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>What an entry means to followers, or null when it is nothing to tell them.</summary>
    private async Task<Happened?> EventOfAsync(ProcessLogEntry entry, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(entry.Data);
        var data = json.RootElement;
        string Text(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        int Number(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
        var process = following.OfProcess(entry.ProcessId);
        var processLink = "/processes/" + entry.ProcessId;
        switch (entry.Action)
        {
            case "phase.advanced":
                return new(process, "", Text("to"), processLink);
            case "process.closed":
                return new(process, "", "", processLink);
            case "announcement.published":
                return new(process, Text("title"), Text("body"), processLink);
            case "content.hidden" or "content.hidden-by-reports":
            {
                var kind = Text("content");
                var item = Number("item");
                if (contents.FirstOrDefault(c => c.Kind == kind) is not { } content || await content.FindAsync(item, cancellationToken) is not { Deleted: false } found)
                {
                    return null;
                }
                var views = await content.DescribeAsync([item], cancellationToken);
                var link = views.TryGetValue(item, out var view) ? view.Link : processLink;
                var author = db.Users.Where(u => u.Id == found.AuthorUserId).Select(u => u.Id);
                return new(author, "", entry.Action == "content.hidden" ? Text("reason") : "", link);
            }
            default:
                // The other capabilities' entries (a vote opened, a proposal reviewed...): each says what its own mean.
                foreach (var owner in following.Targets)
                {
                    if (await owner.EventOfAsync(entry.Action, data, entry.OccurredAt, cancellationToken) is { } followed)
                    {
                        var recipients = followed.About.Select(a => following.Of(a.Kind, a.Id))
                            .Aggregate(followed.AlsoProcessFollowers ? process : null, (all, one) => all is null ? one : all.Union(one));
                        if (followed.Also is { } also)
                        {
                            recipients = recipients is null ? also : recipients.Union(also);
                        }
                        return recipients is null ? null
                            : new(recipients, followed.Subject, followed.Detail, followed.Link) { Excluded = followed.Excluded, Event = followed.Event };
                    }
                }
                return null;
        }
    }

    private sealed record Happened(IQueryable<string> Recipients, string Subject, string Detail, string Link)
    {
        public string? Excluded { get; init; }

        /// <summary>What the notification says happened, when it is not the entry's own action (a held comment, published).</summary>
        public string? Event { get; init; }
    }
}

/// <summary>Runs the fan-out every few seconds.</summary>
public sealed partial class NotificationFanOutService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationFanOutService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationFanOut>().RunAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error);
            }
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.FanOutEverySeconds)), clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Making notifications from the logs failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
