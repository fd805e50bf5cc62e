using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Platform.Hosting;

/// <summary>The platform's settings, bound from <c>Platform</c>.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Where links point outside production when <see cref="PublicUrl"/> is not set.</summary>
    public const string DevelopmentUrl = "http://localhost:5080";

    /// <summary>
    /// The address people reach the platform at (scheme, host, port), e.g. <c>https://cocreo.example.org</c>. Links in
    /// e-mails and printed codes are built from it, never from a request's Host or X-Forwarded-Host header (which an
    /// attacker chooses). Required in production.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The public address, or why it cannot be used (null when fine).</summary>
    public static (Uri? Url, string? Problem) Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[$"{Section}:{nameof(PublicUrl)}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return environment.IsProduction()
                ? (null, "Platform:PublicUrl is required in Production: the address people reach the platform at, such as https://cocreo.example.org (links in e-mails are built from it). Set it in appsettings.json or Platform__PublicUrl.")
                : (new Uri(DevelopmentUrl), null);
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.PathAndQuery.Trim('/').Length > 0)
        {
            return (null, $"Platform:PublicUrl must be an absolute http or https address with no path, such as https://cocreo.example.org, not '{value}'.");
        }
        if (environment.IsProduction() && url.Scheme != "https")
        {
            return (null, $"Platform:PublicUrl must use https in Production ('{value}'): links in e-mails carry sign-in and reset codes.");
        }
        return (url, null);
    }
}

/// <summary>Absolute links to the platform's pages, for e-mails and printed codes: always from the configured public address.</summary>
public sealed class PublicLinks(IConfiguration configuration, IHostEnvironment environment)
{
    private readonly string root = (PlatformOptions.Read(configuration, environment).Url ?? new Uri(PlatformOptions.DevelopmentUrl)).GetLeftPart(UriPartial.Authority);

    public string To(string path) => root + (path.StartsWith('/') ? path : "/" + path);
}

/// <summary>
/// In production, when AllowedHosts is left at "*", requests are accepted only for the public address's host (and
/// localhost, for health checks on the machine), so a forged Host header is refused before any page reads it.
/// </summary>
internal sealed class PublicHostFiltering(IConfiguration configuration, IHostEnvironment environment) : IPostConfigureOptions<HostFilteringOptions>
{
    public void PostConfigure(string? name, HostFilteringOptions options)
    {
        if (!environment.IsProduction() || options.AllowedHosts.Any(h => h != "*") || PlatformOptions.Read(configuration, environment).Url is not { } url)
        {
            return;
        }
        options.AllowedHosts = [url.Host, "localhost", "127.0.0.1", "[::1]"];
    }
}
