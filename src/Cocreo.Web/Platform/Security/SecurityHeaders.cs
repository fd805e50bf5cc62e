namespace Cocreo.Web.Platform.Security;

/// <summary>
/// Headers every response carries. The content security policy allows no inline script or style and no
/// third-party origin: pages work without JavaScript and the few scripts are files served by the platform. A response
/// that set its own policy keeps it (a proposal's PDF download is served with <c>sandbox</c>).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, string contentSecurityPolicy)
{
    public static string Policy(IEnumerable<string> extraFormActions) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; " +
        "form-action 'self'" + string.Concat(extraFormActions.Select(o => " " + o)) + "; upgrade-insecure-requests";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = contentSecurityPolicy;
            }
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
