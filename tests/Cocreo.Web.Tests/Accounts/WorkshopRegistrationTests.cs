using System.Globalization;
using System.Net;
using Cocreo.Web.Platform.Security;
using Cocreo.Web.Testing;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>
/// Registration limits that fit a workshop: with the default limit, sixty people on one Wi-Fi (one address) register
/// one after another, and whoever goes beyond the limit is told to wait as long as Retry-After says, not an hour.
/// </summary>
public sealed class WorkshopRegistrationTests(WorkshopRegistrationTests.DefaultLimitApp app) : IClassFixture<WorkshopRegistrationTests.DefaultLimitApp>
{
    /// <summary>The app with the registration limit a deployment gets by default (the other tests raise it).</summary>
    public sealed class DefaultLimitApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:RegistrationsPerHour"] = new RateLimitOptions().RegistrationsPerHour.ToString(CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public async Task Sixty_people_on_one_address_register_and_the_one_beyond_the_limit_is_told_how_long_to_wait()
    {
        var room = app.NewClientFrom("192.0.2.60");
        for (var person = 1; person <= 60; person++)
        {
            var response = await room.SubmitAsync("/account/register", Registration($"Person {person}"));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"person {person}: {(int)response.StatusCode}");
        }

        // Past the whole allowance (the same address keeps registering), the refusal and its page agree on the wait.
        HttpResponseMessage refused;
        var attempts = 60;
        do
        {
            refused = await room.SubmitAsync("/account/register", Registration($"Person {++attempts}"));
        }
        while (refused.StatusCode != HttpStatusCode.TooManyRequests && attempts < 1_000);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? double.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        Assert.Contains("Wait 1 minute, then try again.", (await FormClient.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Registration(string name) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = $"{Guid.NewGuid():N}@example.org",
    };
}
