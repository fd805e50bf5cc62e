namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// Optional sign-in with an OpenID Connect provider (public bodies use national eID providers). Configured in
/// <c>Authentication:OpenIdConnect</c>; absent configuration means email and password only.
/// </summary>
public sealed class ExternalSignInOptions
{
    public const string Section = "Authentication:OpenIdConnect";
    public const string Scheme = "oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The provider's name on the sign-in button, e.g. "SI-PASS".</summary>
    public string DisplayName { get; set; } = "eID";

    public string[] Scopes { get; set; } = ["openid", "profile", "email"];

    /// <summary>Refuse a provider whose metadata is not served over HTTPS (default). Only a local test provider turns it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>What the rest of the platform needs to know about external sign-in.</summary>
public sealed class ExternalSignIn(ExternalSignInOptions options)
{
    public bool IsEnabled => options.IsConfigured;
    public string DisplayName => options.DisplayName;

    /// <summary>The sign-in form posts, then redirects to the provider: the CSP's form-action must allow its origin.</summary>
    public IEnumerable<string> FormActionOrigins =>
        options.IsConfigured && Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
            ? [authority.GetLeftPart(UriPartial.Authority)]
            : [];
}
