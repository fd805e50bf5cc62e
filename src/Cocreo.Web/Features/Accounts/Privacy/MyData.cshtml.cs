using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Accounts;

/// <summary>Downloads everything the platform holds about the signed-in person, as one JSON file.</summary>
[Authorize]
public sealed class MyDataModel(PersonalDataExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var json = await export.ExportAsync(User.UserId()!, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(json, "application/json", "cocreo-my-data.json");
    }
}
