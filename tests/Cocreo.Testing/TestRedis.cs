using Xunit;

namespace Cocreo.Testing;

/// <summary>
/// The real Redis server that ./test.sh starts (COCREO_TEST_REDIS, "host:port"), the backplane of live updates
/// across instances. Without it the calling test is skipped with the reason, except under CI=true, where it fails.
/// </summary>
public static class TestRedis
{
    public const string Variable = "COCREO_TEST_REDIS";

    public static string? Configuration => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string RequireServer()
    {
        if (Configuration is { } configured)
        {
            return configured;
        }
        var reason = $"No Redis server: set {Variable} to host:port (./test.sh starts one and sets it).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " (CI=true: multi-instance tests must run)");
        }
        Assert.Skip(reason);
        return "";
    }
}
