using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Platform.Hosting;

public static class PageResults
{
    /// <summary>
    /// Refuses an action: a person who is signed in gets 403 with an explanation page; an anonymous one is sent to
    /// sign in first (they may well have the right once signed in).
    /// </summary>
    public static IActionResult Denied(this PageModel page) =>
        page.User.Identity?.IsAuthenticated == true ? page.StatusCode(StatusCodes.Status403Forbidden) : page.Challenge();

    /// <summary>After a change: tells the person what happened (in the green status banner) and sends them on.</summary>
    public static IActionResult Done(this PageModel page, string message, string path)
    {
        page.TempData["Status"] = message;
        return new RedirectResult(path);
    }

    /// <summary>Only a local path may be a return address, so a link cannot send people to another site.</summary>
    public static string SafeReturnUrl(this PageModel page, string? returnUrl, string fallback = "/") =>
        !string.IsNullOrEmpty(returnUrl) && page.Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
}
