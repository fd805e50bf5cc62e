using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// Pictures stored before uploads were re-encoded kept the bytes their authors sent (with EXIF, text chunks or
/// anything after the picture) and have no thumbnail; the migration that added thumbnails left them at width 0. Once
/// at start this encodes each of them anew, like a new upload. Until then, and for good when one cannot be decoded
/// (it was not a picture, only its header was checked), it is neither shown nor served. With several app instances,
/// the one that takes the work's lease does it and the others skip it (an instance that dies before finishing leaves
/// the rest for the next start).
/// </summary>
public sealed partial class EarlierPictures(IServiceScopeFactory scopes, ILogger<EarlierPictures> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                if (!await scope.ServiceProvider.GetRequiredService<Platform.Work.WorkLeases>().TryTakeAsync("budgeting.reencode-earlier-pictures", TimeSpan.FromHours(1), stoppingToken))
                {
                    return;
                }
            }
            var (reencoded, unreadable) = await ReencodeAsync(stoppingToken);
            if (reencoded + unreadable > 0)
            {
                LogReencoded(logger, reencoded, unreadable);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(logger, error);
        }
    }

    /// <summary>Encodes anew every picture without a thumbnail; returns how many were, and how many could not be read.</summary>
    public async Task<(int Reencoded, int Unreadable)> ReencodeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var ids = await db.Set<ProposalImage>().Where(i => i.ThumbnailWidth == 0).Select(i => i.Id).ToListAsync(cancellationToken);
        var (reencoded, unreadable) = (0, 0);
        foreach (var id in ids)
        {
            // One at a time: each holds a picture and its decoded pixels in memory.
            var image = await db.Set<ProposalImage>().SingleAsync(i => i.Id == id, cancellationToken);
            var reading = ImageFile.Reencode(image.Content);
            if (reading.File is { } file)
            {
                image.Reencode(file);
                await db.SaveChangesAsync(cancellationToken);
                reencoded++;
            }
            else
            {
                unreadable++;
            }
            db.ChangeTracker.Clear();
        }
        return (reencoded, unreadable);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Encoded {Reencoded} earlier proposal pictures anew; {Unreadable} could not be read and stay hidden")]
    private static partial void LogReencoded(ILogger logger, int reencoded, int unreadable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Encoding earlier proposal pictures anew failed; it is tried again at the next start")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
