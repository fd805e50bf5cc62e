using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Home;

/// <summary>
/// The page for every error status. The API gets problem details instead of a page; no error shows a stack trace.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IProblemDetailsService problems) : PageModel
{
    public int Code { get; private set; }

    /// <summary>Why a change was refused, when the refusal said (see <see cref="Platform.Changes.RefusalPageFilter"/>): shown instead of the general text.</summary>
    public string? Reason { get; private set; }

    /// <summary>For 429: how many minutes the Retry-After header asks to wait (at least 1), so the page says the same.</summary>
    public int WaitMinutes { get; private set; } = 1;

    // No model binding here: a re-executed POST may carry a body that cannot be read (too large), so the
    // status code is read from the route only.
    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public Task<IActionResult> OnPostAsync() => ShowAsync();

    private async Task<IActionResult> ShowAsync()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, out var parsed) ? parsed : 500;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Code = failure is not null && Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode
            : code is >= 400 and <= 599 ? code : 500;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? Request.Path.Value ?? "";
        Response.StatusCode = Code;
        Reason = HttpContext.Features.Get<Platform.Changes.RefusalMessage>()?.Text;
        if (int.TryParse(Response.Headers.RetryAfter.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            WaitMinutes = Math.Max(1, (seconds + 59) / 60);
        }
        if (originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = { Status = Code } });
            return new EmptyResult();
        }
        return Page();
    }
}
