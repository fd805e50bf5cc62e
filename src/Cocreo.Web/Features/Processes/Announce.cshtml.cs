using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Shared.Hosting;
using Cocreo.Web.Shared.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team publishes an announcement: shown on the process page and emailed to members.</summary>
[Authorize]
public sealed class AnnounceModel(
    CocreoDbContext db,
    ProcessDirectory directory,
    ProcessAccessReader accessReader,
    ProcessLog log,
    SubmissionGuard submissions,
    ProcessNotifications notifications,
    TimeProvider clock,
    IStringLocalizer<ProcessText> t) : PageModel
{
    [BindProperty]
    public AnnouncementInput Input { get; set; } = new();

    public Process Process { get; private set; } = null!;

    public sealed class AnnouncementInput
    {
        [Required(ErrorMessage = "Enter a title.")]
        [StringLength(ProcessLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Write the announcement.")]
        [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string Body { get; set; } = "";

        public Guid SubmissionId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await DeniedAsync(await directory.FindAsync(id, cancellationToken), cancellationToken);
        Input.SubmissionId = Guid.NewGuid();
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await DeniedAsync(await directory.FindAsync(id, cancellationToken), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var path = await submissions.RunOnceAsync(Input.SubmissionId, () => db.RetryOnConflictAsync(async ct =>
        {
            var process = await directory.FindForChangeAsync(id, User.UserId(), ct);
            var published = new Announcement
            {
                ProcessId = id,
                Title = Input.Title.Trim(),
                Body = Input.Body.Trim(),
                AuthorUserId = User.UserId()!,
                PublishedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(published);
            log.Append(process!, await EditModel.ActorAsync(db, process!, User, ct), "announcement.published", new { title = published.Title, body = published.Body });
            await notifications.QueueAnnouncementAsync(process!, published, ct);
            await db.SaveChangesAsync(ct);
            return $"/processes/{id}";
        }, cancellationToken), cancellationToken);
        TempData["Status"] = t["The announcement was published."].Value;
        return Redirect(path);
    }

    private async Task<IActionResult?> DeniedAsync(Process? process, CancellationToken cancellationToken)
    {
        if (process is not null)
        {
            Process = process;
        }
        return await accessReader.RefusalAsync(this, process, ProcessAction.Announce, cancellationToken);
    }
}
