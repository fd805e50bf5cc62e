using Cocreo.Web.Platform.Localization;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// When digests are due: the daily one covers what waited since before today's digest hour (in the platform's time
/// zone) once that hour passed, the weekly one what waited since before the last Monday at that hour. Running it
/// again changes nothing until the next cutoff: what came after a cutoff waits for the next one.
/// </summary>
public static class DigestSchedule
{
    public static DateTime DailyCutoff(DateTime utcNow, TimeZoneInfo zone, int hour)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
        var today = local.Date.AddHours(hour);
        return ToUtc(local >= today ? today : today.AddDays(-1), zone);
    }

    public static DateTime WeeklyCutoff(DateTime utcNow, TimeZoneInfo zone, int hour)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
        var monday = local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)).AddHours(hour);
        return ToUtc(local >= monday ? monday : monday.AddDays(-7), zone);
    }

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
}

/// <summary>Builds the daily and weekly digests that are due, every minute, on whichever instances run it (batches are claimed).</summary>
public sealed partial class NotificationDigestService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, DateDisplay dates, TimeProvider clock, ILogger<NotificationDigestService> logger) : BackgroundService
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
                await RunAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error);
            }
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var mail = scope.ServiceProvider.GetRequiredService<NotificationMail>();
        await mail.BuildDigestsAsync(EmailFrequency.Daily, DigestSchedule.DailyCutoff(now, dates.Zone, options.Value.DigestHour), now, cancellationToken);
        await mail.BuildDigestsAsync(EmailFrequency.Weekly, DigestSchedule.WeeklyCutoff(now, dates.Zone, options.Value.DigestHour), now, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Building notification digests failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
