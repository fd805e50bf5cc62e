using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Notifications;

/// <summary>What a person follows, their e-mail choice and their notifications: all theirs, exported and removed with the account.</summary>
public sealed class NotificationsPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "notifications";

    public override IReadOnlyCollection<string> Columns { get; } = ["Follows.UserId", "NotificationPreferences.UserId", "Notifications.UserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        follows = await db.Set<Follow>().AsNoTracking().Where(f => f.UserId == userId)
            .Select(f => new { kind = f.Kind.ToString(), subject = f.SubjectId, process = f.ProcessId, following = f.Following, changedAt = f.ChangedAt })
            .ToListAsync(cancellationToken),
        email = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == userId).Select(p => p.Email.ToString()).SingleOrDefaultAsync(cancellationToken),
        notifications = await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id)
            .Select(n => new { n.Event, n.Subject, n.Detail, n.Link, n.CreatedAt, n.ReadAt, n.EmailedAt })
            .ToListAsync(cancellationToken),
    };

    /// <summary>Nothing of it is needed once the person is gone: removed, in the deletion's change.</summary>
    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        db.RemoveRange(await db.Set<Follow>().Where(f => f.UserId == userId).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<NotificationPreference>().Where(p => p.UserId == userId).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<Notification>().Where(n => n.UserId == userId).ToListAsync(cancellationToken));
    }
}
