using System.Net;
using Cocreo.Web.Testing;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>
/// Wrong passwords slow down the address they come from, not the account: an attacker cannot lock the owner out, and
/// the count lives in the database, so a second instance behind the same load balancer sees it too.
/// </summary>
public abstract class SignInThrottleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private sealed class SecondInstance(CocreoApp first) : CocreoApp
    {
        public override string Provider => first.Provider;
        public override string ConnectionString => first.ConnectionString;
    }

    private static Task<HttpResponseMessage> TryAsync(FormClient client, string email, string password) =>
        client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private static string RandomAddress() => $"203.0.113.{Random.Shared.Next(1, 250)}";

    [Fact]
    public async Task Wrong_passwords_from_five_addresses_do_not_lock_the_owner_out()
    {
        app.RequireAvailable();
        var owner = await app.CreateUserAsync("Owner Ona");
        for (var address = 1; address <= 5; address++)
        {
            var attacker = app.NewClientFrom($"198.51.100.{address}");
            for (var i = 0; i < 6; i++)
            {
                await TryAsync(attacker, owner.Email!, $"guess {address}.{i}");
            }
        }
        var signedIn = await TryAsync(app.NewClientFrom("192.0.2.77"), owner.Email!, CocreoApp.TestPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_address_that_keeps_guessing_waits_and_the_answer_does_not_say_whether_the_account_exists()
    {
        app.RequireAvailable();
        var known = await app.CreateUserAsync("Guessed Gaja");
        var unknown = $"nobody.{Guid.NewGuid():N}@example.org";
        var attacker = app.NewClientFrom(RandomAddress());
        for (var i = 0; i < 5; i++)
        {
            await TryAsync(attacker, known.Email!, $"guess {i}");
            await TryAsync(attacker, unknown, $"guess {i}");
        }
        // Even the right password waits now, from this address.
        var knownAnswer = await TryAsync(attacker, known.Email!, CocreoApp.TestPassword);
        var unknownAnswer = await TryAsync(attacker, unknown, CocreoApp.TestPassword);
        Assert.Equal(HttpStatusCode.OK, knownAnswer.StatusCode);
        var text = (await FormClient.ParseAsync(knownAnswer)).QuerySelector("main")!.TextContent;
        Assert.Contains("from this device", text, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(text, (await FormClient.ParseAsync(unknownAnswer)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_sees_the_count()
    {
        app.RequireAvailable();
        await using var second = new SecondInstance(app);
        var person = await app.CreateUserAsync("Counted Cene");
        var address = RandomAddress();
        var viaFirst = app.NewClientFrom(address);
        var viaSecond = second.NewClientFrom(address);
        for (var i = 0; i < 5; i++)
        {
            await TryAsync(i % 2 == 0 ? viaFirst : viaSecond, person.Email!, $"guess {i}");
        }
        var answer = await TryAsync(viaSecond, person.Email!, CocreoApp.TestPassword);
        Assert.Contains("from this device", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteSignInThrottleTests(SqliteApp app) : SignInThrottleTests<SqliteApp>(app);

public sealed class PostgresSignInThrottleTests(PostgresApp app) : SignInThrottleTests<PostgresApp>(app);
