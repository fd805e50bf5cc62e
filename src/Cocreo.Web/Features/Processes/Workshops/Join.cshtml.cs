using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// Registering at a workshop: with the session's code (in the link, or typed), a person registers as on the register
/// page and joins the process. This page is not under the per-address registration limit (a room shares one address);
/// the session's cap and the general write limit are. An unknown, ended or expired code is refused with what to do.
/// </summary>
public sealed class WorkshopJoinModel(CocreoDbContext db, AccountRegistration registration, ChangeRunner changes, ProcessDirectory directory, WorkshopCodeGuesses guesses, TimeProvider clock, IStringLocalizer<ProcessText> t) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public WorkshopSession? Session { get; private set; }

    public string ProcessTitle { get; private set; } = "";

    /// <summary>Why the code cannot be used (unknown, ended, expired, full), in words; null when it can.</summary>
    public string? Problem { get; private set; }

    public bool Registered { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Page();
        }
        if (TooManyGuesses() is { } refused)
        {
            return refused;
        }
        await LoadAsync(code, cancellationToken);
        return Problem is null ? Page() : new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
    }

    public async Task<IActionResult> OnPostAsync(string? code, [FromServices] JoinThroughWorkshop.Handler join, CancellationToken cancellationToken)
    {
        if (TooManyGuesses() is { } refused)
        {
            return refused;
        }
        await LoadAsync(code, cancellationToken);
        if (Problem is not null || Session is null)
        {
            Problem ??= t[ProcessRules.Message("WorkshopUnknown")];
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await registration.RegisterAsync(Input.DisplayName, Input.Email, cancellationToken) is { } account)
        {
            await changes.RunAsync(join, new JoinThroughWorkshop.Command(Session.Code, account.Id), cancellationToken);
        }
        Registered = true;
        return Page();
    }

    private string Address => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// 429 once this address sent too many unknown codes (<see cref="WorkshopCodeGuesses"/>), whatever code it sends
    /// now; Retry-After says how long, and the error page says why, with the same wait in minutes.
    /// </summary>
    private StatusCodeResult? TooManyGuesses()
    {
        if (guesses.Wait(Address) is not { } wait)
        {
            return null;
        }
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The error page shows this instead of its general text, with the wait Retry-After announces in minutes.
        HttpContext.Features.Set(new RefusalMessage(t.Plural(
            "Too many wrong workshop codes from this network. Wait {0, plural, one {# minute} other {# minutes}}, or ask the facilitator for the code.",
            Math.Max(1, (seconds + 59) / 60))));
        return StatusCode(StatusCodes.Status429TooManyRequests);
    }

    private async Task LoadAsync(string? code, CancellationToken cancellationToken)
    {
        var normalized = WorkshopSession.Normalize(code);
        Session = await db.Set<WorkshopSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Code == normalized, cancellationToken);
        var process = Session is null ? null : await directory.FindAsync(Session.ProcessId, cancellationToken);
        if (Session is null || process is null)
        {
            if (Session is null && !string.IsNullOrWhiteSpace(code))
            {
                guesses.Wrong(Address);
            }
            Problem = t[ProcessRules.Message("WorkshopUnknown")];
            return;
        }
        ProcessTitle = process.Title;
        if (Session.Closed(clock.GetUtcNow().UtcDateTime) is { } closed)
        {
            Problem = t[ProcessRules.Message(closed)];
        }
    }
}
