using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// A page about one journey map: it opens the map for the person and the page's action, or the reader refuses (404,
/// sign in, 403 with the reason) and the page filter answers. A page that changes the map opens it first, so a broken
/// rule can show the page again with the form as typed and the message.
/// </summary>
public abstract class JourneyPage(JourneyAccessReader journeys) : PageModel
{
    public JourneyView Journey { get; private set; } = null!;

    /// <summary>Opens maps and contributors' contributions for the page.</summary>
    protected JourneyAccessReader Journeys => journeys;

    protected async Task<JourneyView> OpenAsync(int mapId, JourneyAction action, CancellationToken cancellationToken) =>
        Journey = await journeys.ReadAsync(mapId, User, action, cancellationToken);

    /// <summary>
    /// What <paramref name="field"/> of the form sent to <paramref name="handler"/> said, when the page is shown again
    /// with a message about it (so nothing typed is lost); else <paramref name="stored"/>. Where the page repeats a
    /// form per stage, touchpoint or question, <paramref name="key"/> and <paramref name="id"/> say which one was sent.
    /// </summary>
    public string Typed(string handler, string field, string? stored = null, string? key = null, int id = 0)
    {
        var sent = HttpMethods.IsPost(Request.Method) && Request.HasFormContentType &&
            string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase) &&
            (key is null || Request.Form[key] == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return sent ? Request.Form[field].ToString() : stored ?? "";
    }

    /// <summary>
    /// After the page is loaded: shows it again when what was sent could not be read; else runs the change and sends
    /// the person to <paramref name="path"/> with <paramref name="done"/> in the status banner.
    /// </summary>
    protected async Task<IActionResult> RunAsync<TCommand, TResult>(ChangeRunner changes, IChange<TCommand, JourneyTarget, TResult> handler, TCommand command, string done, string path, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(handler, command, cancellationToken);
        return this.Done(done, path);
    }
}
