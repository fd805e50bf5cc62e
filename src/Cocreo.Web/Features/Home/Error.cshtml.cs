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

    public async Task<IActionResult> OnGetAsync(int code) => await ShowAsync(code);

    public async Task<IActionResult> OnPostAsync(int code) => await ShowAsync(code);

    private async Task<IActionResult> ShowAsync(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 500;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? Request.Path.Value ?? "";
        Response.StatusCode = Code;
        if (originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = { Status = Code } });
            return new EmptyResult();
        }
        return Page();
    }
}
