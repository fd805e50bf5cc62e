using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cocreo.Web.Platform.Security;

/// <summary>Limits on how often one client may sign in, register or write. Bound from <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int SignInPerMinute { get; set; } = 10;

    /// <summary>
    /// Registrations and account e-mails (confirmation, reset) one address may ask for per hour, all at once if need
    /// be: a workshop of 60 people on one Wi-Fi registers together, some twice. Beyond it, they come back a minute at a time.
    /// </summary>
    public int RegistrationsPerHour { get; set; } = 120;
    public int WritesPerMinute { get; set; } = 120;

    /// <summary>Unknown workshop codes one address may try per 15 minutes before the join page refuses it (429).</summary>
    public int WrongWorkshopCodes { get; set; } = 20;

    /// <summary>
    /// Page and API reads (GET, HEAD) this instance works on at once (0: no limit); the rest wait their turn, oldest
    /// first, up to <see cref="RequestsWaiting"/>, beyond which they get 429. Without it, 50 readers on two cores each
    /// get a fiftieth of the processor and every request's many awaits queue behind the others': the median barely
    /// moves but the slowest twentieth took two to three times as long (docs/benchmarks.md, the debate). Writes have
    /// their own limit (<see cref="WritesPerMinute"/>) and are not held up; live connections (the hub) are not counted.
    /// </summary>
    public int RequestsAtOnce { get; set; } = 4 * Environment.ProcessorCount;

    public int RequestsWaiting { get; set; } = 1_000;
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";

    public static IServiceCollection AddCocreoRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
            // Only submissions count: reading the sign-in page is free.
            options.AddPolicy(SignIn, context => IsWrite(context)
                ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + ClientKey(context), _ => Window(limits.SignInPerMinute, TimeSpan.FromMinutes(1)))
                : RateLimitPartition.GetNoLimiter("read"));
            // A bucket, not a window: the whole hour's allowance at once, then refilled every minute, so the wait the
            // error page and Retry-After announce is a minute, not the rest of an hour.
            options.AddPolicy(Registration, context => IsWrite(context)
                ? RateLimitPartition.GetTokenBucketLimiter("register:" + ClientKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.RegistrationsPerHour,
                    TokensPerPeriod = Math.Max(1, limits.RegistrationsPerHour / 60),
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read"));
            var writes = PartitionedRateLimiter.Create<HttpContext, string>(context => IsWrite(context)
                ? RateLimitPartition.GetTokenBucketLimiter("write:" + ClientKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.WritesPerMinute,
                    TokensPerPeriod = limits.WritesPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read"));
            options.GlobalLimiter = limits.RequestsAtOnce <= 0 ? writes : PartitionedRateLimiter.CreateChained(writes, PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsWrite(context) || context.Request.Path.StartsWithSegments(Live.LiveHub.Path)
                    ? RateLimitPartition.GetNoLimiter("not-counted")
                    : RateLimitPartition.GetConcurrencyLimiter("at-once", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = limits.RequestsAtOnce,
                        QueueLimit = limits.RequestsWaiting,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };

    private static bool IsWrite(HttpContext context) => !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);

    /// <summary>The signed-in person, or the client's address when anonymous (behind a proxy: see ForwardedHeaders).</summary>
    private static string ClientKey(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
