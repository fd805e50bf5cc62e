using System.Globalization;
using System.Threading.Channels;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

public sealed record AnnouncementPublished(int ProcessId, int AnnouncementId);

/// <summary>Tells participants about announcements by email, after the request that published them.</summary>
public sealed class ProcessNotifications
{
    private readonly Channel<AnnouncementPublished> queue = Channel.CreateUnbounded<AnnouncementPublished>();

    public void Announce(AnnouncementPublished published) => queue.Writer.TryWrite(published);

    internal ChannelReader<AnnouncementPublished> Reader => queue.Reader;
}

/// <summary>
/// Sends each participant the announcement in their language. The announcement itself is saved before this runs;
/// if the server stops before the mail is sent, the announcement stays on the process page.
/// </summary>
public sealed partial class AnnouncementMailer(
    ProcessNotifications notifications,
    IServiceScopeFactory scopes,
    EmailSender email,
    IStringLocalizerFactory localizers,
    ILogger<AnnouncementMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var published in notifications.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(published, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, published.ProcessId, published.AnnouncementId, error);
            }
        }
    }

    private async Task SendAsync(AnnouncementPublished published, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var announcement = await db.Set<Announcement>().AsNoTracking().SingleAsync(a => a.Id == published.AnnouncementId, cancellationToken);
        var title = await db.Set<Process>().Where(p => p.Id == published.ProcessId).Select(p => p.Title).SingleAsync(cancellationToken);
        var recipients = await db.Set<ProcessMember>().AsNoTracking()
            .Where(m => m.ProcessId == published.ProcessId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, u.PreferredLanguage, u.EmailConfirmed })
            .Where(r => r.EmailConfirmed && r.Email != null)
            .ToListAsync(cancellationToken);
        var text = localizers.Create(typeof(ProcessText));
        foreach (var recipient in recipients)
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = new CultureInfo(recipient.PreferredLanguage);
            try
            {
                var subject = text["{0}: {1}", title, announcement.Title];
                var body = announcement.Body + "\n\n— " + text["You receive this because you take part in “{0}” on Cocreo.", title];
                await email.SendAsync(new EmailMessage(recipient.Email!, subject, body), cancellationToken);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not email announcement {AnnouncementId} of process {ProcessId}")]
    private static partial void LogFailed(ILogger logger, int processId, int announcementId, Exception error);
}
