using System.Security.Claims;
using Cocreo.Web.Features.Accounts;

namespace Cocreo.Web.Platform.Hosting;

public static class ClaimsPrincipalExtensions
{
    public static string? UserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public static bool IsPlatformAdmin(this ClaimsPrincipal user) => user.IsInRole(CocreoUser.PlatformAdminRole);
}
