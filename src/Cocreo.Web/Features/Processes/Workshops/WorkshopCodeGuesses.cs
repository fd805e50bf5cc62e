using System.Threading.RateLimiting;
using Cocreo.Web.Platform.Security;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// Wrong workshop codes per address: a code is short enough to type in a room, so guessing is limited. After
/// <see cref="RateLimitOptions.WrongWorkshopCodes"/> unknown codes in <see cref="Window"/> from one address, the join page
/// answers 429 to that address, whatever code it sends (a right guess would otherwise still get through), with a
/// Retry-After the error page turns into the same wait in minutes. Right codes cost nothing: a room of 60 on one Wi-Fi
/// joins freely. Counted on this server; each server of several counts its own.
/// </summary>
public sealed class WorkshopCodeGuesses : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> limiter;

    public WorkshopCodeGuesses(IOptions<RateLimitOptions> options)
    {
        var permits = Math.Max(1, options.Value.WrongWorkshopCodes);
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 }));
    }

    /// <summary>How long the address must wait before trying a code again, or null when it may try now.</summary>
    public TimeSpan? Wait(string address)
    {
        using var lease = limiter.AttemptAcquire(address, 0);
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : Window;
    }

    /// <summary>Counts an unknown code sent from the address.</summary>
    public void Wrong(string address)
    {
        using var lease = limiter.AttemptAcquire(address, 1);
    }

    public void Dispose() => limiter.Dispose();
}
