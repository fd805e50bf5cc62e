using System.Globalization;
using Cocreo.Transparency;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>Tells a process's members about an announcement, each in their own language.</summary>
public sealed class ProcessNotifications(CocreoDbContext db, EmailOutbox outbox, IStringLocalizerFactory localizers)
{
    /// <summary>Queues one email per member with a confirmed address, in the unit of work that publishes the announcement.</summary>
    public async Task QueueAnnouncementAsync(Process process, Announcement announcement, LogCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var recipients = await db.Set<ProcessMember>().AsNoTracking()
            .Where(m => m.ProcessId == process.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, u.PreferredLanguage, u.EmailConfirmed })
            .Where(r => r.EmailConfirmed && r.Email != null)
            .ToListAsync(cancellationToken);
        var text = localizers.Create(typeof(ProcessText));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var recipient in recipients)
            {
                CultureInfo.CurrentUICulture = new CultureInfo(recipient.PreferredLanguage);
                var title = LocalizedProcess.Of(process, recipient.PreferredLanguage).Title;
                outbox.Queue(new EmailMessage(
                    recipient.Email!,
                    text["{0}: {1}", title, announcement.Title],
                    announcement.Body + "\n\n— " + text["You receive this because you take part in “{0}” on Cocreo.", title]
                    + "\n\n" + text["Checkpoint of the public log, signed by the platform (keep it: with it anyone can prove later that the log was not rolled back or rewritten):"]
                    + "\n" + checkpoint.ToJson()));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
