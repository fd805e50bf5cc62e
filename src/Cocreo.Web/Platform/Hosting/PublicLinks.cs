using Microsoft.Extensions.Options;

namespace Cocreo.Web.Platform.Hosting;

/// <summary>The platform's settings, bound from <c>Platform</c>.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>The address people reach the platform at (scheme, host, port), which links in e-mails use.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>Absolute links to the platform's pages, for e-mails and printed codes.</summary>
public sealed class PublicLinks(IOptions<PlatformOptions> options, IHttpContextAccessor http)
{
    public string To(string path)
    {
        var configured = options.Value.PublicUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + path;
        }
        var request = http.HttpContext?.Request;
        return request is null ? "http://localhost:5080" + path : $"{request.Scheme}://{request.Host}{path}";
    }
}
