using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Meetings;

/// <summary>Settings of meetings. Bound from <c>Meetings</c>.</summary>
public sealed class MeetingOptions
{
    public const string Section = "Meetings";

    /// <summary>How often the reminders are looked for.</summary>
    public int RemindEverySeconds { get; set; } = 60;

    /// <summary>False: no background reminders (the tests send them themselves).</summary>
    public bool Background { get; set; } = true;

    /// <summary>How many days after a meeting ends the needs its participants gave are forgotten.</summary>
    public int NeedsKeptDays { get; set; } = 30;
}

/// <summary>
/// Queues the reminder e-mails of meetings whose reminder time has come (<see cref="Meeting.ReminderHours"/> before
/// the start) to everyone registered. Each meeting's reminders are claimed first, inside the transaction that queues
/// them, by one conditional update of <see cref="Meeting.RemindersClaimedAt"/>: of two instances (or two rounds)
/// at once, exactly one finds it unclaimed (PostgreSQL re-checks the condition on the locked row; SQLite runs one
/// write at a time), so nobody gets the reminder twice; a crash before the commit leaves it unclaimed for the next round.
/// </summary>
public sealed class MeetingReminders(CocreoDbContext db, MeetingMail mail, TimeProvider clock)
{
    /// <summary>Sends (queues) the due reminders; returns how many meetings this call claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken) => await SendAsync(await DueAsync(cancellationToken), cancellationToken);

    /// <summary>The meetings whose reminders are due and unclaimed as of now (read without a claim: another instance may take them first).</summary>
    public async Task<List<Meeting>> DueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddHours(MeetingLimits.MaxReminderHours);
        return (await db.Set<Meeting>().AsNoTracking()
                .Where(m => m.State == MeetingState.Scheduled && m.RemindersClaimedAt == null && m.StartsAt > now && m.StartsAt <= horizon)
                .ToListAsync(cancellationToken))
            .Where(m => m.RemindersDue(now))
            .ToList();
    }

    /// <summary>Claims each of <paramref name="candidates"/> that is still unclaimed and queues its reminders in the claim's transaction; returns how many it claimed.</summary>
    public async Task<int> SendAsync(IReadOnlyList<Meeting> candidates, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = 0;
        foreach (var meeting in candidates)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var taken = await db.Set<Meeting>()
                .Where(m => m.Id == meeting.Id && m.RemindersClaimedAt == null && m.State == MeetingState.Scheduled && m.StartsAt == meeting.StartsAt)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.RemindersClaimedAt, now), cancellationToken);
            if (taken != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }
            var people = await db.Set<MeetingRegistration>()
                .Where(r => r.MeetingId == meeting.Id && r.Status == RegistrationStatus.Registered && r.UserId != null)
                .Select(r => r.UserId!).ToListAsync(cancellationToken);
            await mail.QueueAsync(meeting, people, MeetingMail.Kind.Reminder, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            claimed++;
        }
        return claimed;
    }
}

/// <summary>
/// Looks for due reminders every <see cref="MeetingOptions.RemindEverySeconds"/> on every instance (the claim keeps
/// them single), and hourly forgets the needs of meetings long past (<see cref="MeetingNeedsRetention"/>).
/// </summary>
public sealed partial class MeetingReminderService(IServiceScopeFactory scopes, IOptions<MeetingOptions> options, TimeProvider clock, ILogger<MeetingReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background)
        {
            return;
        }
        var forgottenAt = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MeetingReminders>().SendDueAsync(stoppingToken);
                if (clock.GetUtcNow().UtcDateTime - forgottenAt >= TimeSpan.FromHours(1))
                {
                    await scope.ServiceProvider.GetRequiredService<MeetingNeedsRetention>().ForgetDueAsync(stoppingToken);
                    forgottenAt = clock.GetUtcNow().UtcDateTime;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error);
            }
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(5, options.Value.RemindEverySeconds)), clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending meeting reminders failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
