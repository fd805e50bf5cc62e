using System.Threading.Channels;

namespace Cocreo.Web.Platform.Email;

/// <summary>
/// Account mail (confirmation, password reset, e-mail change, "someone tried to register with your address") is
/// handed to this queue and sent in the background, so the answer to the request never waits for the mail server:
/// an attacker timing "forgot password" or "register" cannot tell a known address (mail sent) from an unknown one
/// (no mail). These messages carry one-time links, so they are kept in memory only, never written to the database
/// like the outbox's: a crash before sending loses them, and the person asks again (every such page says how).
/// </summary>
public sealed partial class AccountMailQueue(EmailSender sender, ILogger<AccountMailQueue> logger) : BackgroundService
{
    private readonly Channel<EmailMessage> queue = Channel.CreateBounded<EmailMessage>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private int waiting;

    /// <summary>Queues a message; returns at once unless ten thousand are already waiting.</summary>
    public async ValueTask EnqueueAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref waiting);
        try
        {
            await queue.Writer.WriteAsync(message, cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref waiting);
            throw;
        }
    }

    /// <summary>Waits (up to <paramref name="within"/>) until every queued message was sent or failed; whether it came to that.</summary>
    public async Task<bool> DrainedAsync(TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (Volatile.Read(ref waiting) > 0)
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }
            await Task.Delay(10);
        }
        return true;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // What was queued before shutdown is still sent, as long as the host waits.
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await sender.SendAsync(message, stoppingToken);
            }
            catch (Exception error)
            {
                // The address is personal data: only the failure is logged.
                LogSendFailed(logger, error);
            }
            finally
            {
                Interlocked.Decrement(ref waiting);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An account e-mail could not be sent; the person can ask for it again")]
    private static partial void LogSendFailed(ILogger logger, Exception error);
}
