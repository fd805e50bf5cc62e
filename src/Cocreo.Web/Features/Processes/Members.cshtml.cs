using Cocreo.Web.Data;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Shared.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team sees who takes part; the owner gives people roles (facilitator, observer...) or adds them by email.</summary>
[Authorize]
public sealed class MembersModel(
    CocreoDbContext db,
    ProcessDirectory directory,
    ProcessAccessReader accessReader,
    ProcessLog log,
    TimeProvider clock,
    IStringLocalizer<ProcessText> t) : PageModel
{
    public Process Process { get; private set; } = null!;
    public ProcessAccess Access { get; private set; } = ProcessAccess.Anonymous;
    public List<MemberRow> Members { get; private set; } = [];

    [BindProperty]
    public AddInput Add { get; set; } = new();

    public sealed record MemberRow(string UserId, string DisplayName, ProcessRole Role, DateTime JoinedAt);

    public sealed class AddInput
    {
        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Enter the email address of a person with an account.")]
        [System.ComponentModel.DataAnnotations.EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
        public string Email { get; set; } = "";

        public ProcessRole Role { get; set; } = ProcessRole.Facilitator;
    }

    public bool CanManage => ProcessPermissions.Allows(ProcessAction.ManageMembers, Process, Access);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, ProcessAction.ViewMembers, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRoleAsync(int id, string userId, ProcessRole role, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!Enum.IsDefined(role))
        {
            return BadRequest();
        }
        string? problem = null;
        IActionResult? refusal = null;
        await db.RetryOnConflictAsync(async ct =>
        {
            var process = await db.Set<Process>()
                .Include(p => p.Members.Where(m => m.UserId == userId || m.UserId == User.UserId() || m.Role == ProcessRole.Owner))
                .SingleOrDefaultAsync(p => p.Id == id, ct);
            refusal = await DeniedAsync(process, ProcessAction.ManageMembers, ct);
            if (refusal is not null)
            {
                return 0;
            }
            var member = process!.MemberFor(userId);
            if (member is null)
            {
                problem = "NotAMember";
                return 0;
            }
            var from = member.Role;
            try
            {
                process.AssignRole(userId, role);
            }
            catch (ProcessRuleException rule)
            {
                problem = rule.Code;
                return 0;
            }
            if (from != role)
            {
                var actor = await EditModel.ActorAsync(db, process, User, ct);
                log.Append(process, actor, "member.role-changed", new
                {
                    // People acting for the process in public are named; participants and observers stay private.
                    member = role is ProcessRole.Owner or ProcessRole.Facilitator
                        ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct)
                        : null,
                    from = DetailsModel.RoleCode(from),
                    to = DetailsModel.RoleCode(role),
                });
                await db.SaveChangesAsync(ct);
            }
            return 0;
        }, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        TempData["Status"] = problem is null ? t["The role was changed and logged."].Value : t[ProcessRules.Message(problem)].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(Add.Role))
        {
            ModelState.AddModelError("Add.Role", t["This change is not allowed."]);
        }
        var refusal = await LoadAsync(id, ProcessAction.ManageMembers, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var normalized = Add.Email.Trim().ToUpperInvariant();
        var person = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            ModelState.AddModelError("Add.Email", t["Nobody with this email address has an account yet. Ask them to register first."]);
            return Page();
        }
        await db.RetryOnConflictAsync(async ct =>
        {
            var process = await db.Set<Process>()
                .Include(p => p.Members.Where(m => m.UserId == person.Id || m.UserId == User.UserId() || m.Role == ProcessRole.Owner))
                .SingleAsync(p => p.Id == id, ct);
            if (process.MemberFor(person.Id) is not null)
            {
                return 0;
            }
            process.Join(person.Id, Add.Role, clock.GetUtcNow().UtcDateTime);
            var actor = await EditModel.ActorAsync(db, process, User, ct);
            log.Append(process, actor, "member.role-changed", new
            {
                member = Add.Role is ProcessRole.Owner or ProcessRole.Facilitator ? person.DisplayName : null,
                from = (string?)null,
                to = DetailsModel.RoleCode(Add.Role),
            });
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        TempData["Status"] = t["{0} was added to the process.", person.DisplayName].Value;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, ProcessAction action, CancellationToken cancellationToken)
    {
        var process = await directory.FindAsync(id, cancellationToken);
        var refusal = await DeniedAsync(process, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Process = process!;
        Members = await db.Set<ProcessMember>().AsNoTracking()
            .Where(m => m.ProcessId == id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberRow(u.Id, u.DisplayName, m.Role, m.JoinedAt))
            .ToListAsync(cancellationToken);
        Members = Members.OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCulture).ToList();
        return null;
    }

    private async Task<IActionResult?> DeniedAsync(Process? process, ProcessAction action, CancellationToken cancellationToken)
    {
        if (process is null)
        {
            return NotFound();
        }
        Access = await accessReader.ForAsync(User, process, cancellationToken);
        Process = process;
        if (!ProcessPermissions.Allows(ProcessAction.View, process, Access))
        {
            return NotFound();
        }
        return ProcessPermissions.Allows(action, process, Access) ? null : this.Denied();
    }
}
