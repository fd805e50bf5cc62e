using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>
/// Sign-in through an OpenID Connect provider, end to end against a small provider run by the test (discovery,
/// authorization code with PKCE, token endpoint, signed ID token checked against its published keys).
/// </summary>
public sealed class OpenIdConnectTests(OpenIdConnectTests.ProviderAndApp fixture) : IClassFixture<OpenIdConnectTests.ProviderAndApp>
{
    /// <summary>A fake national eID: it signs in whoever asks as Maja Državljanka.</summary>
    public sealed class FakeProvider : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "test-key" };
        private readonly Dictionary<string, string> nonces = [];

        public string Authority { get; }
        public string Email { get; } = $"maja.{Guid.NewGuid():N}@example.org";

        public FakeProvider()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            app = builder.Build();
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Authority!,
                ["authorization_endpoint"] = Authority + "/authorize",
                ["token_endpoint"] = Authority + "/token",
                ["jwks_uri"] = Authority + "/jwks",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }));
            app.MapGet("/jwks", () =>
            {
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
                return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
            });
            // The provider "authenticates" and answers with a form post back to the app, as OIDC form_post does.
            app.MapGet("/authorize", (HttpRequest request) =>
            {
                var code = Guid.NewGuid().ToString("N");
                nonces[code] = request.Query["nonce"]!;
                return Results.Json(new { redirect_uri = request.Query["redirect_uri"].ToString(), code, state = request.Query["state"].ToString() });
            });
            app.MapPost("/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                if (string.IsNullOrEmpty(form["code_verifier"]))
                {
                    return Results.BadRequest(new { error = "invalid_request", error_description = "PKCE verifier missing" });
                }
                var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                {
                    Issuer = Authority,
                    Audience = "cocreo-test",
                    Claims = new Dictionary<string, object>
                    {
                        ["sub"] = "eid-12345",
                        ["email"] = Email,
                        ["email_verified"] = true,
                        ["name"] = "Maja Državljanka",
                        ["nonce"] = nonces[form["code"]!],
                    },
                    IssuedAt = DateTime.UtcNow,
                    Expires = DateTime.UtcNow.AddMinutes(5),
                    SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
                });
                return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = idToken });
            });
            app.StartAsync().GetAwaiter().GetResult();
            Authority = app.Urls.Single().TrimEnd('/');
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    public sealed class ProviderAndApp : SqliteApp
    {
        public FakeProvider Eid { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Authentication:OpenIdConnect:Authority"] = Eid.Authority,
            ["Authentication:OpenIdConnect:ClientId"] = "cocreo-test",
            ["Authentication:OpenIdConnect:ClientSecret"] = "secret",
            ["Authentication:OpenIdConnect:DisplayName"] = "Test eID",
            ["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false",
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Eid.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_citizen_signs_in_with_eID_and_gets_an_account_from_the_verified_identity()
    {
        var client = fixture.NewClient();
        var signInPage = await client.GetOkPageAsync("/account/sign-in");
        Assert.Contains("Test eID", signInPage.Body!.TextContent, StringComparison.Ordinal);

        var (action, fields) = await ExternalFormAsync(client);
        var toProvider = await client.PostAsync(action, fields);
        Assert.Equal(HttpStatusCode.Redirect, toProvider.StatusCode);
        var authorize = toProvider.Headers.Location!;
        Assert.StartsWith(fixture.Eid.Authority + "/authorize", authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge=", authorize.Query, StringComparison.Ordinal);

        using var browser = new HttpClient();
        var answer = JsonDocument.Parse(await browser.GetStringAsync(authorize)).RootElement;
        var callback = new Uri(answer.GetProperty("redirect_uri").GetString()!).PathAndQuery;
        var signedIn = await client.PostAsync(callback, new()
        {
            ["code"] = answer.GetProperty("code").GetString()!,
            ["state"] = answer.GetProperty("state").GetString()!,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var back = await client.Http.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/processes", back.Headers.Location!.OriginalString);

        var account = await client.GetOkPageAsync("/account");
        Assert.Contains(fixture.Eid.Email, account.Body!.TextContent, StringComparison.Ordinal);
        using var scope = fixture.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>().FindByEmailAsync(fixture.Eid.Email);
        Assert.NotNull(user);
        Assert.Equal("Maja Državljanka", user.DisplayName);
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
    }

    private static async Task<(string Action, Dictionary<string, string> Fields)> ExternalFormAsync(FormClient client)
    {
        var page = await client.GetOkPageAsync("/account/sign-in?returnUrl=/processes");
        var form = page.Forms.Single(f => f.GetAttribute("action") == "/account/external");
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        fields["returnUrl"] = "/processes";
        return ("/account/external", fields);
    }
}
