using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team publishes an announcement: shown on the process page and emailed to members.</summary>
[Authorize]
public sealed class AnnounceModel(ProcessAccessReader processes, ChangeRunner changes, IStringLocalizer<ProcessText> t) : PageModel
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
        Process = (await processes.ReadAsync(id, User, ProcessAction.Announce, cancellationToken)).Process;
        Input.SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] PublishAnnouncement.Handler publish, CancellationToken cancellationToken)
    {
        Process = (await processes.ReadAsync(id, User, ProcessAction.Announce, cancellationToken)).Process;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(publish, new PublishAnnouncement.Command(id, Input.Title, Input.Body, Input.SubmissionId), cancellationToken);
        return this.Done(t["The announcement was published."], $"/processes/{id}");
    }
}
