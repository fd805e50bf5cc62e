using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Notifications;

/// <summary>A person's own notifications and e-mail choice.</summary>
public sealed class NotificationInbox(CocreoDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>
    /// The person's notifications, without those of a process deleted since (the process's query filter leaves a
    /// deleted process out, so the notifications about it are gone from the list and the unread count).
    /// </summary>
    private IQueryable<Notification> Own(string userId) =>
        db.Set<Notification>().Where(n => n.UserId == userId && db.Set<Processes.Process>().Any(p => p.Id == n.ProcessId));

    /// <summary>How many are unread: one count on the (person, read) index, for the header of every page.</summary>
    public Task<int> UnreadAsync(string userId, CancellationToken cancellationToken) =>
        Own(userId).CountAsync(n => n.ReadAt == null, cancellationToken);

    public Task<int> CountAsync(string userId, CancellationToken cancellationToken) =>
        Own(userId).CountAsync(cancellationToken);

    /// <summary>A page of the person's notifications, newest first.</summary>
    public Task<List<Notification>> PageAsync(string userId, int page, CancellationToken cancellationToken) =>
        Own(userId).AsNoTracking()
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);

    /// <summary>Marks one of the person's notifications read; false when it is not theirs (or not there).</summary>
    public async Task<bool> MarkReadAsync(string userId, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Set<Notification>().AnyAsync(n => n.Id == id && n.UserId == userId, cancellationToken))
        {
            return false;
        }
        await db.Set<Notification>().Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), cancellationToken);
        return true;
    }

    /// <summary>Marks all of the person's notifications read; returns how many were unread.</summary>
    public Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), cancellationToken);
    }

    public async Task<EmailFrequency> EmailAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == userId).Select(p => (EmailFrequency?)p.Email).SingleOrDefaultAsync(cancellationToken)
        ?? EmailFrequency.Daily;

    /// <summary>
    /// Sets how the person wants e-mails; returns whether it changed. Choosing none or at once settles what waited for
    /// a digest (it stays in the list, it is not sent later).
    /// </summary>
    public async Task<bool> ChooseEmailAsync(string userId, EmailFrequency email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Set<NotificationPreference>().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if ((row?.Email ?? EmailFrequency.Daily) == email)
        {
            return false;
        }
        if (row is null)
        {
            db.Add(new NotificationPreference { UserId = userId, Email = email, ChangedAt = now });
        }
        else
        {
            row.Email = email;
            row.ChangedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (row is null)
        {
            // A parallel choice inserted the row first: set it there.
            db.ChangeTracker.Clear();
            await db.Set<NotificationPreference>().Where(p => p.UserId == userId)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.Email, email).SetProperty(x => x.ChangedAt, now), cancellationToken);
        }
        if (email is EmailFrequency.Never or EmailFrequency.Immediately)
        {
            await db.Set<Notification>().Where(n => n.UserId == userId && n.EmailedAt == null)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.EmailedAt, now), cancellationToken);
        }
        return true;
    }
}
