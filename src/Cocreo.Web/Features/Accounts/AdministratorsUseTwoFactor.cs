using Cocreo.Web.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Accounts;

/// <summary>Bound from <c>Accounts:TwoFactor</c>.</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Accounts:TwoFactor";

    /// <summary>A platform administrator acts only in a session signed in with a second factor (default: true).</summary>
    public bool RequiredForAdministrators { get; set; } = true;
}

/// <summary>
/// A platform administrator's session that did not show a second factor (the account has none yet, or it was signed
/// in before one was required) can reach only the account pages: a page is answered with a redirect to setting up
/// two-step sign-in, anything else with 403. Administrator rights never work on a password alone.
/// </summary>
public sealed class AdministratorsUseTwoFactor(RequestDelegate next, IOptions<TwoFactorOptions> options)
{
    private static readonly string[] Open = ["/account", "/error", "/culture", "/healthz"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (!options.Value.RequiredForAdministrators || !user.IsPlatformAdmin() ||
            user.HasClaim(TwoFactorModel.MfaClaim, TwoFactorModel.MfaValue) ||
            Open.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)) ||
            Path.HasExtension(context.Request.Path.Value))
        {
            return next(context);
        }
        if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect("/account/two-factor");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Task.CompletedTask;
    }
}
