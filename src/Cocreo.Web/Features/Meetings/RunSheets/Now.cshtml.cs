using System.Globalization;
using Cocreo.Meetings.RunSheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>
/// The projector view: the current block with its countdown, what comes next, how late the meeting runs. Whoever may
/// see the meeting may open it (a projector is signed in as nobody); the facilitators' instructions are not on it.
/// When the run sheet changes, every projector and phone in the room fetches the view's part again at once
/// (<c>?handler=Part&amp;v={version}</c>, see runsheets.js); see <see cref="CachePolicy"/>.
/// </summary>
[OutputCache(PolicyName = CachePolicy)]
public sealed class RunSheetNowModel(MeetingAccessReader meetings, RunSheetStore sheets) : PageModel
{
    /// <summary>
    /// The part of the view for a run sheet's version, asked for by anonymous devices (a projector, participants'
    /// phones), is the same for all of them: each server renders it once per version and language and answers the
    /// rest of the room from its output cache (ASP.NET Core's, with its default rules: GET, anonymous, 200, no
    /// cookie set), for a few seconds. The version is in the address, so a device told of version n never gets an
    /// older part; the page itself, and anyone signed in, is never served from the cache.
    /// </summary>
    public const string CachePolicy = "RunSheetNowPart";

    public static void AddCachePolicy(OutputCacheOptions options) =>
        options.AddPolicy(CachePolicy, policy => policy
            .With(c => c.HttpContext.Request.Query["handler"] == "Part" && c.HttpContext.Request.Query["v"].Count == 1)
            .SetVaryByQuery("handler", "v")
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            .Expire(TimeSpan.FromSeconds(10)));

    public MeetingView View { get; private set; } = null!;
    public RunSheet? Sheet { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, RunSheetPermissions.Projector, cancellationToken);
        Sheet = await sheets.FindAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>Only the changing part (<c>#runsheet-now</c>'s content), without the page around it.</summary>
    public async Task<IActionResult> OnGetPartAsync(int id, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, RunSheetPermissions.Projector, cancellationToken);
        Sheet = await sheets.FindAsync(id, cancellationToken);
        return Sheet is null ? NotFound() : Partial("_Now", new NowPart(id, Sheet, View.Now, false, false));
    }
}
