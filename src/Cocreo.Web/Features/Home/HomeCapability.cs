using Cocreo.Web.Platform.Capabilities;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Localization;

namespace Cocreo.Web.Features.Home;

/// <summary>Home: the front page, about, accessibility, errors, and the language switch.</summary>
public sealed class HomeCapability : Capability
{
    public override string Name => "home";

    public override Type Text => typeof(HomeText);

    /// <summary>The language switch: remembers the choice in a cookie for a year and goes back where the reader was.</summary>
    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            if (!Cultures.IsSupported(code))
            {
                return Results.NotFound();
            }
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
    }

    /// <summary>
    /// A path on this site, by the rule <c>Url.IsLocalUrl</c> applies in pages (which minimal APIs lack): one leading
    /// slash, not "//" or "/\\", and no control character — "/\t/evil.example" is "//evil.example" to a browser.
    /// </summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !url.AsSpan(1).ContainsAnyInRange('\u0000', '\u001f') && !url.Contains('\u007f')));
}
