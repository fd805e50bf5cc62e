using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// Where the link and the QR code lead: what the map is for, how long it takes and what is kept about you; then a
/// service user starts without an account. A browser that started before is offered to continue.
/// </summary>
[EnableRateLimiting(JourneyMappingCapability.StartLimit)]
public sealed class JoinModel(JourneyDirectory directory, ContributionWrites writes, IStringLocalizer<JourneyText> t) : PageModel
{
    public JourneyView Journey { get; private set; } = null!;

    /// <summary>The resume link of this browser's or account's earlier contribution, if there is one.</summary>
    public string? ContinueLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(code, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var token = Request.Cookies[JourneyPages.ResumeCookie(Journey.Map.Id)];
        if (await directory.FindContributionAsync(token, User, cancellationToken) is { } earlier && earlier.Journey.Map.Id == Journey.Map.Id)
        {
            ContinueLink = $"/journeys/c/{earlier.Token}";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(code, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var token = await writes.StartAsync(Journey, User, cancellationToken);
        if (token is null)
        {
            TempData["Status"] = t[JourneyRules.Message("MapClosed")].Value;
            return RedirectToPage(new { code });
        }
        Response.Cookies.Append(JourneyPages.ResumeCookie(Journey.Map.Id), token, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            Expires = DateTimeOffset.UtcNow.AddDays(180),
            Path = "/",
        });
        return Redirect($"/journeys/c/{token}");
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var journey = await directory.FindByJoinCodeAsync(code, User, cancellationToken);
        if (journey is null || !journey.Can(JourneyAction.View))
        {
            return journey is null || User.UserId() is not null ? NotFound() : this.Denied();
        }
        Journey = journey;
        return null;
    }
}
