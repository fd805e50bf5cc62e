using System.Net;
using System.Text.Json;
using Cocreo.Web.Testing;

namespace Cocreo.Web.Tests.Shared;

/// <summary>What every page and the platform as a whole promise: headers, health, API description, errors, languages.</summary>
public sealed class PlatformTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_page_carries_a_strict_content_security_policy_and_security_headers()
    {
        var response = await app.NewClient().Http.GetAsync("/");
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task No_page_has_inline_script_or_style()
    {
        foreach (var url in new[] { "/", "/processes", "/account/sign-in", "/account/register", "/about" })
        {
            var page = await app.NewClient().GetOkPageAsync(url);
            Assert.All(page.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), $"inline script on {url}"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.Empty(page.QuerySelectorAll("style"));
        }
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        var response = await app.NewClient().Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_is_described_by_an_OpenAPI_document()
    {
        var json = JsonDocument.Parse(await app.NewClient().Http.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/processes", paths.Select(p => p.TrimEnd('/')));
        Assert.Contains("/api/v1/processes/{id}/log", paths.Select(p => p.TrimEnd('/')));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var response = await app.NewClient().PostAsync("/account/sign-in", new() { ["Input.Email"] = "a@example.org", ["Input.Password"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_language_switch_shows_the_platform_in_Slovenian_and_remembers_it()
    {
        var client = app.NewClient();
        var switched = await client.Http.GetAsync("/culture/sl?returnUrl=/processes");
        Assert.Equal("/processes", switched.Headers.Location!.OriginalString);
        var page = await client.GetOkPageAsync("/processes");
        Assert.Equal("sl", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Preskoči", page.QuerySelector(".skip-link")!.TextContent, StringComparison.Ordinal);

        var evil = await client.Http.GetAsync("/culture/en?returnUrl=https://evil.example");
        Assert.Equal("/", evil.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0d%0a/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%7F/evil.example")]
    public async Task The_language_switch_goes_home_instead_of_to_another_site(string returnUrl)
    {
        var response = await app.NewClient().Http.GetAsync($"/culture/en?returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_huge_request_is_refused_before_it_is_read()
    {
        var client = app.NewClient();
        var (action, fields) = await client.ReadFormAsync("/account/register");
        fields["Input.DisplayName"] = new string('x', 2_000_000);
        var response = await client.PostAsync(action, fields);
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Sign-in attempts beyond the limit are refused with 429 and a Retry-After.</summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.LimitedApp app) : IClassFixture<SignInRateLimitTests.LimitedApp>
{
    public sealed class LimitedApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" };
    }

    [Fact]
    public async Task The_fourth_wrong_password_in_a_minute_is_refused()
    {
        var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "wrong password" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
