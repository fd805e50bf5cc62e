using System.Net;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>
/// Links in e-mails come from the configured public address, never from the request: a password reset asked for
/// with a forged Host or X-Forwarded-Host header still links to the platform. Forwarded headers are trusted only
/// from listed proxies, and in production a request for another host is refused.
/// </summary>
public sealed class LinkPoisoningTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_reset_asked_for_with_a_forged_host_links_to_the_configured_address()
    {
        var victim = await app.CreateUserAsync("Victim Vida");
        var client = app.NewClient();
        var token = await Scenarios.AntiforgeryTokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = victim.Email!, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "attacker.example";
        request.Headers.Add("X-Forwarded-Host", "attacker.example");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var mail = await MailAsync(victim.Email!);
        Assert.Contains("http://cocreo.test/account/reset-password?", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", mail, StringComparison.Ordinal);
    }

    [Fact]
    public void Forwarded_headers_are_trusted_from_no_proxy_by_default_and_never_for_the_host()
    {
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
        Assert.False(options.ForwardedHeaders.HasFlag(ForwardedHeaders.XForwardedHost));
    }

    [Fact]
    public async Task Forwarded_headers_are_trusted_from_a_listed_proxy()
    {
        await using var behindProxy = new ProxiedApp();
        var options = behindProxy.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Equal([IPAddress.Parse("10.0.0.2")], options.KnownProxies);
    }

    [Fact]
    public async Task In_production_a_request_for_another_host_is_refused()
    {
        await using var production = new ProductionApp();
        var client = production.NewClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        forged.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.SendAsync(forged)).StatusCode);
        using var proper = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        proper.Headers.Host = "cocreo.example.org";
        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(proper)).StatusCode);
    }

    private async Task<string> MailAsync(string to)
    {
        for (var i = 0; i < 100; i++)
        {
            foreach (var file in Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder, "*.eml") : [])
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == to))
                {
                    return message.TextBody ?? "";
                }
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException("No e-mail to " + to);
    }

    private sealed class ProxiedApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = "10.0.0.2" };
    }

    private sealed class ProductionApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Platform:PublicUrl"] = "https://cocreo.example.org" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseStaticWebAssets();
        }
    }
}
