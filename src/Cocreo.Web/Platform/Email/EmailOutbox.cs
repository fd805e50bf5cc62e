using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Platform.Email;

/// <summary>
/// An email waiting to be sent. Emails that follow from a change (an announcement to every member) are queued in
/// the same transaction as the change, so a crash can delay them but never lose them or send them for a change
/// that was not saved.
/// </summary>
public sealed class OutgoingEmail
{
    public long Id { get; private set; }
    public string To { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";

    /// <summary>The one-click unsubscribe address of mail people may stop (notifications); null for account mail.</summary>
    public string? Unsubscribe { get; init; }
    public DateTime QueuedAt { get; init; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The last failure, without the address (personal data is not logged).</summary>
    public string? LastError { get; set; }

    /// <summary>The claim of the dispatcher sending it now (a random token per batch); null when nobody is.</summary>
    public string? ClaimToken { get; set; }

    /// <summary>Until when the claim holds; a dispatcher that died while sending loses it then, and another sends.</summary>
    public DateTime? ClaimedUntil { get; set; }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> email)
    {
        email.ToTable("OutgoingEmails");
        email.Property(e => e.To).HasMaxLength(256);
        email.Property(e => e.Subject).HasMaxLength(400);
        email.Property(e => e.Unsubscribe).HasMaxLength(2000);
        email.Property(e => e.LastError).HasMaxLength(1000);
        email.Property(e => e.ClaimToken).HasMaxLength(32);
        email.HasIndex(e => e.ClaimToken);
        email.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
    }
}

/// <summary>Queues emails in the current unit of work; <see cref="EmailDispatcher"/> sends them.</summary>
public sealed class EmailOutbox(CocreoDbContext db, TimeProvider clock)
{
    public void Queue(EmailMessage message)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new OutgoingEmail { To = message.To, Subject = message.Subject, Body = message.TextBody, Unsubscribe = message.Unsubscribe, QueuedAt = now, NextAttemptAt = now });
    }
}

/// <summary>
/// Sends queued emails, a batch at a time, retrying failures with growing delays (up to 8 attempts). With several
/// app instances on one database, a dispatcher first claims its batch: one update marks the due, unclaimed emails
/// with its token for <see cref="ClaimFor"/>, and it sends only what carries its token; a parallel dispatcher's
/// update finds them claimed (PostgreSQL re-checks the condition on the locked row; SQLite runs one write at a
/// time). Each email is sent once, except when an instance dies between sending and recording it: after the claim
/// lapses, another instance sends it again (at least once, never lost).
/// </summary>
public sealed partial class EmailDispatcher(IServiceScopeFactory scopes, EmailSender email, TimeProvider clock, ILogger<EmailDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed batch is held: far longer than sending 50 emails takes.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);
    private const int MaxAttempts = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendBatchAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogDispatchFailed(logger, error);
            }
            await Task.Delay(PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>Sends the emails that are due; returns how many it tried.</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await Due(db, now)
            .OrderBy(e => e.Id)
            .Take(50)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }
        var due = await ClaimAsync(db, candidates, now, cancellationToken);
        foreach (var message in due)
        {
            message.Attempts++;
            message.ClaimToken = null;
            message.ClaimedUntil = null;
            try
            {
                await email.SendAsync(new EmailMessage(message.To, message.Subject, message.Body, message.Unsubscribe), cancellationToken);
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                message.NextAttemptAt = now + TimeSpan.FromSeconds(Math.Pow(4, message.Attempts));
                message.LastError = error.GetType().Name + ": " + error.Message[..Math.Min(error.Message.Length, 900)];
                LogSendFailed(logger, message.Id, message.Attempts, error.GetType().Name);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return due.Count;
    }

    /// <summary>
    /// Claims those of <paramref name="candidates"/> that are still due and unclaimed, in one update, and returns them
    /// (tracked). Two dispatchers claiming the same candidates at once get disjoint sets.
    /// </summary>
    public static async Task<List<OutgoingEmail>> ClaimAsync(CocreoDbContext db, IReadOnlyCollection<long> candidates, DateTime now, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        var until = now + ClaimFor;
        await Due(db, now).Where(e => candidates.Contains(e.Id))
            .ExecuteUpdateAsync(e => e.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        return await db.Set<OutgoingEmail>().Where(e => e.ClaimToken == token).OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

    private static IQueryable<OutgoingEmail> Due(CocreoDbContext db, DateTime now) =>
        db.Set<OutgoingEmail>().Where(e => e.SentAt == null && e.Attempts < MaxAttempts && e.NextAttemptAt <= now && (e.ClaimedUntil == null || e.ClaimedUntil < now));

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending queued emails failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Id} could not be sent (attempt {Attempt}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, long id, int attempt, string error);
}
