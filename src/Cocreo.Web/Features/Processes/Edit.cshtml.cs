using Cocreo.Web.Data;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Shared.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team changes the description, scope, sponsor and visibility; each change is logged with what changed.</summary>
[Authorize]
public sealed class EditModel(
    CocreoDbContext db,
    ProcessDirectory directory,
    ProcessAccessReader accessReader,
    ProcessLog log,
    IStringLocalizer<ProcessText> t) : PageModel
{
    [BindProperty]
    public ProcessForm Input { get; set; } = new();

    public int ProcessId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var process = await directory.FindAsync(id, cancellationToken);
        var denied = await DeniedAsync(process, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        Input = ProcessForm.From(process!);
        ProcessId = id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        ProcessId = id;
        CreateModel.Validate(Input, ModelState, t);
        if (!ModelState.IsValid)
        {
            var process = await directory.FindAsync(id, cancellationToken);
            return await DeniedAsync(process, cancellationToken) ?? Page();
        }
        var userId = User.UserId()!;
        IActionResult? refusal = null;
        await db.RetryOnConflictAsync(async ct =>
        {
            var process = await directory.FindForChangeAsync(id, userId, ct);
            refusal = await DeniedAsync(process, ct);
            if (refusal is not null)
            {
                return 0;
            }
            var actor = await ActorAsync(db, process!, User, ct);
            var before = ProcessForm.From(process!);
            process!.Describe(Input.Content());
            var changed = Changes(before, ProcessForm.From(process));
            if (changed.Count > 0)
            {
                log.Append(process, actor, "process.described", changed);
            }
            var canBefore = process.CanInfluence.ToList();
            var cannotBefore = process.CannotInfluence.ToList();
            process.SetScope(ProcessForm.Lines(Input.CanInfluence), ProcessForm.Lines(Input.CannotInfluence));
            if (!canBefore.SequenceEqual(process.CanInfluence) || !cannotBefore.SequenceEqual(process.CannotInfluence))
            {
                log.Append(process, actor, "process.scope-changed", new { canInfluence = process.CanInfluence, cannotInfluence = process.CannotInfluence });
            }
            if (process.Visibility != Input.Visibility)
            {
                process.ChangeVisibility(Input.Visibility);
                log.Append(process, actor, "process.visibility-changed", new { visibility = process.Visibility.ToString() });
            }
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        TempData["Status"] = t["Your changes were saved and logged."].Value;
        return Redirect($"/processes/{id}");
    }

    /// <summary>The named actor for a team member's change; platform admins act as "admin".</summary>
    internal static async Task<LogActor> ActorAsync(CocreoDbContext db, Process process, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.UserId()!;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var member = process.MemberFor(userId);
        var role = member is not null ? DetailsModel.RoleCode(member.Role) : user.IsPlatformAdmin() ? "admin" : "staff";
        return LogActor.Named(name, role);
    }

    private static Dictionary<string, string> Changes(ProcessForm before, ProcessForm after)
    {
        var changes = new Dictionary<string, string>();
        void Compare(string field, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
            {
                changes[field] = b ?? "";
            }
        }
        Compare("title", before.Title, after.Title);
        Compare("problemStatement", before.ProblemStatement, after.ProblemStatement);
        Compare("purpose", before.Purpose, after.Purpose);
        Compare("language", before.Language, after.Language);
        Compare("sponsor", before.SponsorName, after.SponsorName);
        Compare("sponsorMandate", before.SponsorMandate, after.SponsorMandate);
        Compare("politicalBacking", before.PoliticalBacking, after.PoliticalBacking);
        return changes;
    }

    private async Task<IActionResult?> DeniedAsync(Process? process, CancellationToken cancellationToken)
    {
        return await accessReader.RefusalAsync(this, process, ProcessAction.Edit, cancellationToken);
    }
}
