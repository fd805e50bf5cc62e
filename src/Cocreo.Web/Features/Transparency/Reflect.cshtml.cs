using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Shared.Hosting;
using Cocreo.Web.Shared.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Transparency;

/// <summary>Facilitators and sponsors write reflections and learnings into the public log: working out loud.</summary>
[Authorize]
public sealed class ReflectModel(
    CocreoDbContext db,
    ProcessDirectory directory,
    ProcessAccessReader accessReader,
    ProcessLog log,
    SubmissionGuard submissions,
    IStringLocalizer<TransparencyText> t) : PageModel
{
    [BindProperty]
    public ReflectionInput Input { get; set; } = new();

    public Process Process { get; private set; } = null!;

    public sealed class ReflectionInput
    {
        public ReflectionKind Kind { get; set; } = ReflectionKind.Reflection;

        [StringLength(200, ErrorMessage = "The title can have at most {1} characters.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Write your reflection.")]
        [StringLength(10_000, ErrorMessage = "This text can have at most {1} characters.")]
        public string Text { get; set; } = "";

        public Guid SubmissionId { get; set; }
    }

    public enum ReflectionKind
    {
        Reflection,
        Learning,
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Input.SubmissionId = Guid.NewGuid();
        return await DeniedAsync(await directory.FindAsync(id, cancellationToken), cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await DeniedAsync(await directory.FindAsync(id, cancellationToken), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", t["Choose reflection or learning."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var path = await submissions.RunOnceAsync(Input.SubmissionId, () => db.RetryOnConflictAsync(async ct =>
        {
            var process = await directory.FindForChangeAsync(id, User.UserId(), ct);
            log.Append(process!, await EditModel.ActorAsync(db, process!, User, ct), "reflection.added", new
            {
                kind = Input.Kind.ToString().ToLowerInvariant(),
                title = Input.Title?.Trim() ?? "",
                text = Input.Text.Trim(),
                phase = process!.CurrentPhase.ToString(),
            });
            await db.SaveChangesAsync(ct);
            return $"/processes/{id}/log";
        }, cancellationToken), cancellationToken);
        TempData["Status"] = t["Your reflection is in the public log."].Value;
        return Redirect(path);
    }

    private async Task<IActionResult?> DeniedAsync(Process? process, CancellationToken cancellationToken)
    {
        if (process is not null)
        {
            Process = process;
        }
        return await accessReader.RefusalAsync(this, process, ProcessAction.Reflect, cancellationToken);
    }
}
