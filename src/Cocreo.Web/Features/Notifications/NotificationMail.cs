using System.Globalization;
using System.Text;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// Notification e-mails: one at once for people who want them so, and the daily and weekly digests, built in batches
/// of people (one claim, one read, one insert into the outbox each), in each person's language, with a one-click
/// unsubscribe link (RFC 8058) built from the configured public address.
/// </summary>
public sealed class NotificationMail(
    CocreoDbContext db,
    Following following,
    EmailOutbox outbox,
    PublicLinks links,
    UnsubscribeTokens tokens,
    IStringLocalizer<NotificationText> t,
    IStringLocalizer<ProcessText> processText,
    IOptions<NotificationOptions> options)
{
    /// <summary>
    /// For notifications being made (in the caller's unit of work): queues an e-mail for each of those whose owner wants
    /// them at once, and settles those whose owner wants none. The rest wait for a digest.
    /// </summary>
    public async Task QueueImmediateAsync(IReadOnlyList<Notification> made, DateTime now, CancellationToken cancellationToken)
    {
        if (made.Count == 0)
        {
            return;
        }
        // Asked a thousand people at a time: a list is sent as one parameter each, and databases cap them (SQLite at 32,766).
        var choices = new Dictionary<string, EmailFrequency>();
        foreach (var people in made.Select(n => n.UserId).Distinct().Chunk(1000))
        {
            foreach (var choice in await db.Set<NotificationPreference>().AsNoTracking()
                .Where(p => people.Contains(p.UserId) && (p.Email == EmailFrequency.Immediately || p.Email == EmailFrequency.Never))
                .Select(p => new { p.UserId, p.Email }).ToListAsync(cancellationToken))
            {
                choices[choice.UserId] = choice.Email;
            }
        }
        foreach (var notification in made.Where(n => choices.GetValueOrDefault(n.UserId) == EmailFrequency.Never))
        {
            notification.EmailedAt = now;
        }
        var immediate = made.Where(n => choices.GetValueOrDefault(n.UserId) == EmailFrequency.Immediately).ToList();
        if (immediate.Count == 0)
        {
            return;
        }
        var recipients = new Dictionary<string, Recipient>();
        foreach (var ids in immediate.Select(n => n.UserId).Distinct().Chunk(1000))
        {
            foreach (var recipient in await Recipients(db.Users.Where(u => ids.Contains(u.Id))).ToListAsync(cancellationToken))
            {
                recipients[recipient.UserId] = recipient;
            }
        }
        var context = await ContextAsync(immediate, cancellationToken);
        foreach (var notification in immediate)
        {
            notification.EmailedAt = now;
            if (recipients.TryGetValue(notification.UserId, out var recipient))
            {
                InLanguage(recipient.Language, () => outbox.Queue(Immediate(recipient, notification, context)));
            }
        }
    }

    /// <summary>
    /// Builds the digests of <paramref name="period"/> for what waited since before <paramref name="cutoff"/>, a batch
    /// of people at a time, until none waits; returns how many people were handled.
    /// </summary>
    public async Task<int> BuildDigestsAsync(EmailFrequency period, DateTime cutoff, DateTime now, CancellationToken cancellationToken)
    {
        var total = 0;
        int handled;
        while ((handled = await BuildDigestBatchAsync(period, cutoff, now, cancellationToken)) > 0)
        {
            total += handled;
        }
        return total;
    }

    /// <summary>
    /// One batch: the next people whose notifications wait for this digest, claimed in one update (inside a
    /// transaction, so a parallel instance's update of the same rows waits and then finds them taken), their
    /// notifications read in one query, and their e-mails queued in one save.
    /// </summary>
    public async Task<int> BuildDigestBatchAsync(EmailFrequency period, DateTime cutoff, DateTime now, CancellationToken cancellationToken)
    {
        var candidates = await Waiting(period, cutoff).Select(n => n.UserId).Distinct().OrderBy(u => u)
            .Take(options.Value.DigestBatchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }
        var batch = Guid.NewGuid().ToString("N");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The candidates are the first waiting people in the database's order: the range from the first to the last
        // holds them (and whoever started waiting in between), so the claim needs two parameters, not a thousand.
        var (first, last) = (candidates[0], candidates[^1]);
        var claimed = await Waiting(period, cutoff).Where(n => string.Compare(n.UserId, first) >= 0 && string.Compare(n.UserId, last) <= 0)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.EmailedAt, now).SetProperty(x => x.DigestBatch, batch), cancellationToken);
        if (claimed == 0)
        {
            // Another instance took these people between our look and our claim; the next look finds the rest.
            await transaction.CommitAsync(cancellationToken);
            return candidates.Count;
        }
        var notifications = await db.Set<Notification>().AsNoTracking().Where(n => n.DigestBatch == batch)
            .OrderBy(n => n.UserId).ThenBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        var recipients = await Recipients(db.Users.Where(u => db.Set<Notification>().Any(n => n.DigestBatch == batch && n.UserId == u.Id)))
            .ToDictionaryAsync(r => r.UserId, cancellationToken);
        var context = await ContextAsync(notifications, cancellationToken);
        // A process deleted since the notification was made is gone for its followers: nothing about it is mailed.
        foreach (var own in notifications.Where(n => context.Processes.ContainsKey(n.ProcessId)).GroupBy(n => n.UserId))
        {
            if (recipients.TryGetValue(own.Key, out var recipient))
            {
                InLanguage(recipient.Language, () => outbox.Queue(Digest(recipient, period, own.ToList(), context)));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return candidates.Count;
    }

    /// <summary>Notifications that wait for a digest of <paramref name="period"/> (made before the cutoff, not sent yet).</summary>
    private IQueryable<Notification> Waiting(EmailFrequency period, DateTime cutoff)
    {
        var waiting = db.Set<Notification>().Where(n => n.EmailedAt == null && n.CreatedAt < cutoff);
        var preferences = db.Set<NotificationPreference>();
        return period == EmailFrequency.Weekly
            ? waiting.Where(n => preferences.Any(p => p.UserId == n.UserId && p.Email == EmailFrequency.Weekly))
            : waiting.Where(n => !preferences.Any(p => p.UserId == n.UserId && p.Email != EmailFrequency.Daily));
    }

    private static IQueryable<Recipient> Recipients(IQueryable<Accounts.CocreoUser> users) =>
        users.Where(u => u.EmailConfirmed && u.Email != null)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.PreferredLanguage));

    private EmailMessage Immediate(Recipient recipient, Notification notification, MailContext context)
    {
        var title = context.ProcessTitle(notification.ProcessId, recipient.Language);
        var said = NotificationWords.Say(t, processText, notification, title, context.Subjects.Of(notification, recipient.Language));
        var body = new StringBuilder();
        body.Append(said).Append("\n\n");
        if (notification.Event == "announcement.published" && notification.Detail.Length > 0)
        {
            body.Append(notification.Detail).Append("\n\n");
        }
        body.Append(links.To(notification.Link)).Append('\n');
        AppendCheckpoint(body, notification, context);
        return Footer(recipient, body, t["{0}: {1}", title, said]);
    }

    private EmailMessage Digest(Recipient recipient, EmailFrequency period, List<Notification> notifications, MailContext context)
    {
        var body = new StringBuilder();
        body.Append(t["Hello {0},", recipient.Name]).Append("\n\n");
        body.Append(period == EmailFrequency.Weekly ? t["This is what happened this week in what you follow:"] : t["This is what happened since yesterday in what you follow:"]).Append("\n\n");
        foreach (var notification in notifications)
        {
            body.Append("• ").Append(NotificationWords.Say(t, processText, notification, context.ProcessTitle(notification.ProcessId, recipient.Language), context.Subjects.Of(notification, recipient.Language))).Append('\n');
            body.Append("  ").Append(links.To(notification.Link)).Append('\n');
            AppendCheckpoint(body, notification, context);
        }
        body.Append('\n').Append(t["All your notifications: {0}", links.To("/notifications")]).Append('\n');
        return Footer(recipient, body, t.Plural("{0, plural, one {# new notification} other {# new notifications}} on Cocreo", notifications.Count));
    }

    private void AppendCheckpoint(StringBuilder body, Notification notification, MailContext context)
    {
        if (context.Checkpoints.TryGetValue((notification.ProcessId, notification.Sequence), out var checkpoint))
        {
            body.Append('\n').Append(processText["Checkpoint of the public log, signed by the platform (keep it: with it anyone can prove later that the log was not rolled back or rewritten):"])
                .Append('\n').Append(checkpoint.ToCheckpoint().ToJson()).Append("\n\n");
        }
    }

    private EmailMessage Footer(Recipient recipient, StringBuilder body, string subject)
    {
        var unsubscribe = links.To("/notifications/unsubscribe?token=" + Uri.EscapeDataString(tokens.For(recipient.UserId)));
        body.Append("\n— ").Append(t["You receive this because you follow these on Cocreo. Choose how often on {0}", links.To("/account#notification-email")]).Append('\n');
        body.Append(t["Stop these e-mails: {0}", unsubscribe]).Append('\n');
        return new EmailMessage(recipient.Email, subject, body.ToString(), unsubscribe);
    }

    /// <summary>The processes' titles (with translations) and the checkpoints of announcements, for a set of notifications.</summary>
    private async Task<MailContext> ContextAsync(IReadOnlyCollection<Notification> notifications, CancellationToken cancellationToken)
    {
        var processIds = notifications.Select(n => n.ProcessId).Distinct().ToList();
        var processes = await db.Set<Process>().AsNoTracking().Include(p => p.Translations)
            .Where(p => processIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var announced = notifications.Where(n => n.Event == "announcement.published").Select(n => new { n.ProcessId, n.Sequence }).Distinct().ToList();
        var checkpoints = new Dictionary<(int, long), ProcessLogCheckpoint>();
        foreach (var group in announced.GroupBy(a => a.ProcessId))
        {
            var lengths = group.Select(a => a.Sequence).ToList();
            foreach (var checkpoint in await db.Set<ProcessLogCheckpoint>().AsNoTracking()
                .Where(c => c.ProcessId == group.Key && lengths.Contains(c.Length)).ToListAsync(cancellationToken))
            {
                checkpoints.TryAdd((checkpoint.ProcessId, checkpoint.Length), checkpoint);
            }
        }
        return new MailContext(processes, checkpoints, await NotificationSubjects.LoadAsync(following, notifications, cancellationToken));
    }

    private static void InLanguage(string language, Action action)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    private sealed record Recipient(string UserId, string Email, string Name, string Language);

    private sealed record MailContext(Dictionary<int, Process> Processes, Dictionary<(int, long), ProcessLogCheckpoint> Checkpoints, NotificationSubjects Subjects)
    {
        private readonly Dictionary<(int, string), string> titles = [];

        public string ProcessTitle(int processId, string language)
        {
            if (!titles.TryGetValue((processId, language), out var title))
            {
                title = Processes.TryGetValue(processId, out var process) ? LocalizedProcess.Of(process, language).Title.Text : "";
                titles[(processId, language)] = title;
            }
            return title;
        }
    }
}
