using System.Net;
using Cocreo.Web.Testing;

namespace Cocreo.Web.Tests.Shared;

/// <summary>
/// Two app instances on one database, as behind a load balancer: a sign-in cookie issued by one is accepted by the
/// other, because the data-protection keys live in the shared database.
/// </summary>
public abstract class MultiInstanceTests<TApp>(TApp first) : IClassFixture<TApp> where TApp : CocreoApp
{
    private sealed class SecondInstance(CocreoApp first) : CocreoApp
    {
        public override string Provider => first.Provider;
        public override string ConnectionString => first.ConnectionString;
    }

    [Fact]
    public async Task A_cookie_from_one_instance_signs_in_on_the_other()
    {
        first.RequireAvailable();
        var user = await first.CreateUserAsync("Load Balanced");
        var client = first.NewClient();
        var signIn = await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = CocreoApp.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cocreo.auth=", StringComparison.Ordinal)).Split(';')[0];

        await using var second = new SecondInstance(first);
        var other = second.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        var response = await other.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(user.Email!, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class MultiInstanceOnSqlite(SqliteApp app) : MultiInstanceTests<SqliteApp>(app);

public sealed class MultiInstanceOnPostgres(PostgresApp app) : MultiInstanceTests<PostgresApp>(app);
