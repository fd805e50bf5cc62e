using System.Net;
using System.Security.Cryptography;
using System.Text;
using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Accounts;

/// <summary>How often wrong passwords may be tried. Bound from <c>Accounts:SignInThrottle</c>.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Accounts:SignInThrottle";

    /// <summary>Wrong passwords from one client address for one e-mail address before each next one waits.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The first wait; each next failure doubles it, up to <see cref="LongestDelay"/>.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LongestDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Wrong passwords from one client address, for any e-mail addresses, in an hour before it waits an hour.</summary>
    public int FailuresPerAddressPerHour { get; set; } = 100;
}

/// <summary>
/// Wrong passwords counted per e-mail address and client address, in the database (so every instance sees the same
/// count). An attacker's failures slow down only the attacker's own address: the owner, from their own address,
/// still signs in. The e-mail address is kept as a hash, for unknown addresses as for known ones, so the answers
/// are the same whether an account exists. Rows older than a day go.
/// </summary>
public sealed class SignInThrottle(CocreoDbContext db, TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    private SignInThrottleOptions Limits => options.Value;

    /// <summary>How long this client must wait before trying a password for this address again, or null.</summary>
    public async Task<TimeSpan?> WaitAsync(string email, IPAddress? client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (key, address) = (AccountKey(email), Address(client));
        var blockedUntil = await db.Set<SignInFailures>()
            .Where(f => f.AccountKey == key && f.ClientAddress == address)
            .Select(f => f.BlockedUntil).SingleOrDefaultAsync(cancellationToken);
        if (blockedUntil > now)
        {
            return blockedUntil.Value - now;
        }
        var hourAgo = now.AddHours(-1);
        var recent = await db.Set<SignInFailures>().Where(f => f.ClientAddress == address && f.LastFailureAt > hourAgo).SumAsync(f => f.Failures, cancellationToken);
        return recent >= Limits.FailuresPerAddressPerHour ? TimeSpan.FromHours(1) : null;
    }

    public async Task FailedAsync(string email, IPAddress? client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (key, address) = (AccountKey(email), Address(client));
        var rows = db.Set<SignInFailures>().Where(f => f.AccountKey == key && f.ClientAddress == address);
        // One statement counts, so parallel failures on several instances are all counted.
        if (await rows.ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.LastFailureAt, now), cancellationToken) == 0)
        {
            db.Add(new SignInFailures { AccountKey = key, ClientAddress = address, Failures = 1, LastFailureAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                await rows.ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.LastFailureAt, now), cancellationToken);
            }
        }
        var failures = await rows.Select(f => f.Failures).SingleAsync(cancellationToken);
        if (failures >= Limits.FreeFailures)
        {
            var doublings = Math.Min(failures - Limits.FreeFailures, 20);
            var delay = TimeSpan.FromTicks(Math.Min(Limits.FirstDelay.Ticks << doublings, Limits.LongestDelay.Ticks));
            await rows.ExecuteUpdateAsync(s => s.SetProperty(f => f.BlockedUntil, now + delay), cancellationToken);
        }
        var dayAgo = now.AddDays(-1);
        await db.Set<SignInFailures>().Where(f => f.LastFailureAt < dayAgo).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The right password from this address: its count starts again.</summary>
    public async Task SucceededAsync(string email, IPAddress? client, CancellationToken cancellationToken)
    {
        var (key, address) = (AccountKey(email), Address(client));
        await db.Set<SignInFailures>().Where(f => f.AccountKey == key && f.ClientAddress == address).ExecuteDeleteAsync(cancellationToken);
    }

    private static string AccountKey(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));

    private static string Address(IPAddress? client) => client?.ToString() ?? "unknown";
}

/// <summary>Wrong passwords for one e-mail address (hashed) from one client address.</summary>
public sealed class SignInFailures
{
    public long Id { get; private set; }
    public string AccountKey { get; init; } = "";
    public string ClientAddress { get; init; } = "";
    public int Failures { get; set; }
    public DateTime LastFailureAt { get; set; }
    public DateTime? BlockedUntil { get; set; }
}

internal sealed class SignInFailuresConfiguration : IEntityTypeConfiguration<SignInFailures>
{
    public void Configure(EntityTypeBuilder<SignInFailures> failures)
    {
        failures.Property(f => f.AccountKey).HasMaxLength(64);
        failures.Property(f => f.ClientAddress).HasMaxLength(64);
        failures.HasIndex(f => new { f.AccountKey, f.ClientAddress }).IsUnique();
        failures.HasIndex(f => new { f.ClientAddress, f.LastFailureAt });
        failures.HasIndex(f => f.LastFailureAt);
    }
}
