using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Shared.Hosting;
using Cocreo.Web.Shared.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>Staff of an organisation start a process; they become its owner.</summary>
[Authorize]
public sealed class CreateModel(
    CocreoDbContext db,
    OrganisationMembership organisations,
    ProcessLog log,
    SubmissionGuard submissions,
    TimeProvider clock,
    IStringLocalizer<ProcessText> t) : PageModel
{
    [BindProperty]
    public ProcessForm Input { get; set; } = new();

    public OrganisationSummary Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken cancellationToken)
    {
        var denied = await AuthorizeAsync(organisationId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        Input = new ProcessForm { SubmissionId = Guid.NewGuid(), Language = Shared.Localization.Cultures.Current };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int organisationId, CancellationToken cancellationToken)
    {
        var denied = await AuthorizeAsync(organisationId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        Validate(Input, ModelState, t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var userId = User.UserId()!;
        var path = await submissions.RunOnceAsync(Input.SubmissionId, async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var process = Process.Start(organisationId, Input.Content(), Input.Visibility, now);
            process.SetScope(ProcessForm.Lines(Input.CanInfluence), ProcessForm.Lines(Input.CannotInfluence));
            process.Join(userId, ProcessRole.Owner, now);
            db.Add(process);
            // The id is needed in the first log entry's hash.
            await db.SaveChangesAsync(cancellationToken);
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            log.Append(process, LogActor.Named(name, "owner"), "process.created", new
            {
                title = process.Title,
                problemStatement = process.ProblemStatement,
                purpose = process.Purpose,
                canInfluence = process.CanInfluence,
                cannotInfluence = process.CannotInfluence,
                sponsor = process.SponsorName,
                visibility = process.Visibility.ToString(),
                phase = process.CurrentPhase.ToString(),
            });
            await db.SaveChangesAsync(cancellationToken);
            return $"/processes/{process.Id}";
        }, cancellationToken);
        TempData["Status"] = t["The process was created. Plan its phases next."].Value;
        return Redirect(path);
    }

    internal static void Validate(ProcessForm input, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IStringLocalizer t)
    {
        if (!ContentLanguages.IsKnown(input.Language))
        {
            modelState.AddModelError($"Input.{nameof(ProcessForm.Language)}", t["Choose the language the content is written in."]);
        }
        foreach (var (field, problem) in input.ScopeProblems())
        {
            modelState.AddModelError($"Input.{field}", problem == ScopeProblem.TooManyItems
                ? t["List at most {0} items.", ProcessLimits.ScopeItems]
                : t["Each item can have at most {0} characters.", ProcessLimits.ScopeItem]);
        }
    }

    private async Task<IActionResult?> AuthorizeAsync(int organisationId, CancellationToken cancellationToken)
    {
        var organisation = await organisations.SummaryAsync(organisationId, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        Organisation = organisation;
        var role = await organisations.RoleOfAsync(organisationId, User.UserId()!, cancellationToken);
        return OrganisationPermissions.Allows(OrganisationAction.StartProcess, role, User.IsPlatformAdmin()) ? null : this.Denied();
    }
}
