namespace Cocreo.Web.Platform.Security;

/// <summary>
/// Headers every response carries. The content security policy allows no inline script or style and no
/// third-party origin: pages work without JavaScript and the few scripts are files served by the platform. A response
/// that set its own policy keeps it (a proposal's PDF download is served with <c>sandbox</c>); likewise its own
/// permissions policy (<see cref="PermissionsPolicy"/>).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, string contentSecurityPolicy)
{
    public static string Policy(IEnumerable<string> extraFormActions) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; " +
        "form-action 'self'" + string.Concat(extraFormActions.Select(o => " " + o)) + "; upgrade-insecure-requests";

    /// <summary>
    /// The permissions policy: camera, microphone, geolocation and payment off. A page that needs one of them for its
    /// own origin sets the header itself with that one allowed (<paramref name="allowed"/>, such as
    /// <c>geolocation=(self)</c>: the proposal form's "Use my location"), and the response keeps it.
    /// </summary>
    public static string PermissionsPolicy(params string[] allowed) => string.Join(", ",
        new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()" }.Select(p => allowed.FirstOrDefault(a => a.Split('=')[0] == p.Split('=')[0]) ?? p));

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
            if (Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(headers["Permissions-Policy"]))
            {
                headers["Permissions-Policy"] = PermissionsPolicy();
            }
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
