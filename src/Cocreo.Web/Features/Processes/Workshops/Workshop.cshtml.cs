using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// Workshop mode for the process's team: start a session (a short code, a link and a QR code for the room), register a
/// person directly on the form (they get the usual e-mail to choose a password), see how many joined, end it early.
/// </summary>
[Authorize]
public sealed class WorkshopModel(ProcessAccessReader processes, ChangeRunner changes, CocreoDbContext db, AccountRegistration registration, PublicLinks links, TimeProvider clock, IStringLocalizer<ProcessText> t) : PageModel
{
    [BindProperty]
    public StartInput Start { get; set; } = new();

    [BindProperty]
    public PersonInput Person { get; set; } = new();

    public Process Process { get; private set; } = null!;

    public WorkshopSession? Session { get; private set; }

    /// <summary>The process's earlier sessions (ended or expired), newest first.</summary>
    public List<WorkshopSession> Earlier { get; private set; } = [];

    public string Link { get; private set; } = "";

    public IHtmlContent QrCode { get; private set; } = HtmlString.Empty;

    public sealed class StartInput
    {
        [Range(1, WorkshopSession.MaxHours, ErrorMessage = "A workshop session lasts 1 to 12 hours and takes 1 to 500 people.")]
        public int Hours { get; set; } = 3;

        [Range(1, WorkshopSession.MaxCap, ErrorMessage = "A workshop session lasts 1 to 12 hours and takes 1 to 500 people.")]
        public int MaxPeople { get; set; } = 200;
    }

    public sealed class PersonInput
    {
        [Required(ErrorMessage = "Enter the name others will see.")]
        [StringLength(100, ErrorMessage = "The name can have at most {1} characters.")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter the email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
        [StringLength(256, ErrorMessage = "The email address can have at most {1} characters.")]
        public string Email { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int id, [FromServices] StartWorkshop.Handler start, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        OnlyFieldsOf(nameof(Start));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await changes.RunAsync(start, new StartWorkshop.Command(id, Start.Hours, Start.MaxPeople), cancellationToken);
        return this.Done(outcome.Started ? t["The workshop session started. Show the code or the QR code to the room."] : t["A workshop session is already open."], $"/processes/{id}/workshop");
    }

    public async Task<IActionResult> OnPostEndAsync(int id, [FromServices] EndWorkshop.Handler end, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var outcome = await changes.RunAsync(end, new EndWorkshop.Command(id), cancellationToken);
        return this.Done(outcome.Ended ? t["The workshop session ended: its code no longer works."] : t["No workshop session was open."], $"/processes/{id}/workshop");
    }

    /// <summary>The facilitator registers a person on site: the usual e-mail goes to them, and they join the process.</summary>
    public async Task<IActionResult> OnPostRegisterAsync(int id, [FromServices] JoinThroughWorkshop.Handler join, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        OnlyFieldsOf(nameof(Person));
        if (Session is null)
        {
            throw new RefusedException(Refusal.Invalid("Start a workshop session first.", typeof(ProcessPermissions)));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (Session.Closed(clock.GetUtcNow().UtcDateTime) is { } closed)
        {
            throw new ProcessRuleException(closed);
        }
        if (await registration.RegisterAsync(Person.DisplayName, Person.Email, cancellationToken) is { } account)
        {
            await changes.RunAsync(join, new JoinThroughWorkshop.Command(Session.Code, account.Id), cancellationToken);
        }
        return this.Done(t["Registered: an e-mail with a link to choose a password is on its way to them."], $"/processes/{id}/workshop");
    }

    /// <summary>The page has two forms: only the posted one's fields are checked.</summary>
    private void OnlyFieldsOf(string form)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(form + ".", StringComparison.Ordinal) && k.Length > 0).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Process = (await processes.ReadAsync(id, User, ProcessAction.RunWorkshop, cancellationToken)).Process;
        var now = clock.GetUtcNow().UtcDateTime;
        Session = await db.Set<WorkshopSession>().AsNoTracking()
            .Where(s => s.ProcessId == id && s.EndedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.StartedAt).FirstOrDefaultAsync(cancellationToken);
        Earlier = await db.Set<WorkshopSession>().AsNoTracking()
            .Where(s => s.ProcessId == id && (s.EndedAt != null || s.ExpiresAt <= now))
            .OrderByDescending(s => s.StartedAt).Take(20).ToListAsync(cancellationToken);
        if (Session is not null)
        {
            Link = links.To($"/workshop/{Session.Code}");
            QrCode = new HtmlString(JourneyMapping.ShareModel.QrSvg(Link));
        }
    }
}
