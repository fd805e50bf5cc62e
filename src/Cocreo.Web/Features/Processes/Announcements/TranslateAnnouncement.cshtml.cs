using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team translates an announcement so readers see it in their language.</summary>
[Authorize]
public sealed class TranslateAnnouncementModel(ProcessAccessReader processes, CocreoDbContext db, ChangeRunner changes, IStringLocalizer<ProcessText> t) : PageModel
{
    [BindProperty]
    public AnnouncementTranslationInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    public Process Process { get; private set; } = null!;
    public Announcement Announcement { get; private set; } = null!;

    public IEnumerable<(string Code, string Name)> OtherLanguages => ContentLanguages.All.Where(l => l.Code != Announcement.Language);

    public sealed class AnnouncementTranslationInput
    {
        [Required(ErrorMessage = "Enter a title.")]
        [StringLength(ProcessLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Write the announcement.")]
        [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string Body { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int id, int announcementId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, announcementId, cancellationToken);
        if (Language is not null && Announcement.Translations.FirstOrDefault(x => x.Language == Language) is { } existing)
        {
            Input = new AnnouncementTranslationInput { Title = existing.Title, Body = existing.Body };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int announcementId, [FromServices] TranslateAnnouncement.Handler translate, CancellationToken cancellationToken)
    {
        await LoadAsync(id, announcementId, cancellationToken);
        if (Language is null || !ContentLanguages.IsKnown(Language) || Language == Announcement.Language)
        {
            ModelState.AddModelError(nameof(Language), t["Choose a language other than the one the announcement is written in."]);
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(translate, new TranslateAnnouncement.Command(id, announcementId, Language!, Input.Title, Input.Body), cancellationToken);
        return this.Done(t["The translation was saved and logged."], $"/processes/{id}");
    }

    private async Task LoadAsync(int id, int announcementId, CancellationToken cancellationToken)
    {
        Process = (await processes.ReadAsync(id, User, ProcessAction.Announce, cancellationToken)).Process;
        Announcement = await db.Set<Announcement>().AsNoTracking().Include(a => a.Translations)
            .SingleOrDefaultAsync(a => a.Id == announcementId && a.ProcessId == id, cancellationToken)
            ?? throw new RefusedException(Refusal.NotFound);
    }
}
