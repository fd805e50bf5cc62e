using System.Threading.RateLimiting;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Tests.Platform;

public sealed class OneReadAtOnceApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:RequestsAtOnce"] = "2",
        ["RateLimits:RequestsWaiting"] = "0",
    };
}

/// <summary>
/// The instance works on a bounded number of reads at once (RateLimits:RequestsAtOnce), the rest waiting their turn;
/// writes (limited per person instead) and the live hub's connections, which stay open, are never counted.
/// </summary>
public sealed class RequestsAtOnceTests(OneReadAtOnceApp app) : IClassFixture<OneReadAtOnceApp>
{
    private PartitionedRateLimiter<HttpContext> Limiter => app.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;

    private static HttpContext Request(string method, string path) => new DefaultHttpContext { Request = { Method = method, Path = path } };

    [Fact]
    public void Reads_beyond_the_limit_wait_or_are_refused_while_writes_and_live_connections_are_not_counted()
    {
        using var first = Limiter.AttemptAcquire(Request("GET", "/processes/1"));
        using var second = Limiter.AttemptAcquire(Request("HEAD", "/api/v1/processes/1/proposals"));
        Assert.True(first.IsAcquired && second.IsAcquired);
        // No room left and none to wait in (RequestsWaiting 0): the third read is turned away.
        using (var third = Limiter.AttemptAcquire(Request("GET", "/debate/process/1")))
        {
            Assert.False(third.IsAcquired);
        }
        using (var live = Limiter.AttemptAcquire(Request("GET", "/live")))
        using (var write = Limiter.AttemptAcquire(Request("POST", "/processes/1/proposals/new")))
        {
            Assert.True(live.IsAcquired);
            Assert.True(write.IsAcquired);
        }
        // A read done frees its place.
        first.Dispose();
        using var fourth = Limiter.AttemptAcquire(Request("GET", "/debate/process/1"));
        Assert.True(fourth.IsAcquired);
    }
}
