using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// Where the link and the QR code lead: what the map is for, how long it takes and what is kept about you; then a
/// service user starts without an account. A browser that started before is offered to continue.
/// </summary>
[EnableRateLimiting(JourneyMappingCapability.StartLimit)]
public sealed class JoinModel(JourneyAccessReader journeys, ChangeRunner changes) : PageModel
{
    public JourneyView Journey { get; private set; } = null!;

    /// <summary>The resume link of this browser's earlier contribution, if there is one.</summary>
    public string? ContinueLink { get; private set; }

    /// <summary>The cookie that lets a browser offer "continue where you left off" for one map; it holds the resume token.</summary>
    public static string ResumeCookie(int mapId) => "cocreo.journey." + mapId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Journey = await journeys.ReadByJoinCodeAsync(code, User, cancellationToken);
        var token = Request.Cookies[ResumeCookie(Journey.Map.Id)];
        if (await journeys.FindContributionAsync(token, User, cancellationToken) is { } earlier && earlier.Journey.Map.Id == Journey.Map.Id)
        {
            ContinueLink = WalkModel.Link(earlier.Token);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, [FromServices] StartContribution.Handler start, CancellationToken cancellationToken)
    {
        Journey = await journeys.ReadByJoinCodeAsync(code, User, cancellationToken);
        var token = await changes.RunAsync(start, new StartContribution.Command(Journey.Map.Id), cancellationToken);
        Response.Cookies.Append(ResumeCookie(Journey.Map.Id), token, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            Expires = DateTimeOffset.UtcNow.AddDays(180),
            Path = "/",
        });
        return Redirect(WalkModel.Link(token));
    }
}
