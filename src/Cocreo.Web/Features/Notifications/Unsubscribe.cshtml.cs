using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// The one-click unsubscribe link of notification e-mails. Opening it asks (a link checker that opens every link must
/// not unsubscribe anyone); the button — or a mail client's RFC 8058 POST, which carries no form token — stops the
/// e-mails. A link that was changed or made for something else gets 400 with a message.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, NotificationInbox inbox) : PageModel
{
    [FromQuery(Name = "token")]
    public string? Token { get; set; }

    public bool Invalid { get; private set; }

    public bool Done { get; private set; }

    public bool Already { get; private set; }

    public IActionResult OnGet()
    {
        if (tokens.Read(Token) is null)
        {
            return Refuse();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (tokens.Read(Token) is not { } userId)
        {
            return Refuse();
        }
        Already = !await inbox.ChooseEmailAsync(userId, EmailFrequency.Never, cancellationToken);
        Done = true;
        return Page();
    }

    private PageResult Refuse()
    {
        Invalid = true;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
