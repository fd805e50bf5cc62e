using Cocreo.Web.Shared.Localization;
using Microsoft.AspNetCore.Localization;

namespace Cocreo.Web.Features.Home;

public static class HomeFeature
{
    /// <summary>The language switch: remembers the choice in a cookie for a year and goes back where the reader was.</summary>
    public static WebApplication MapHome(this WebApplication app)
    {
        app.MapGet("/culture/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            if (!Cultures.IsSupported(code))
            {
                return Results.NotFound();
            }
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return app;
    }
}
