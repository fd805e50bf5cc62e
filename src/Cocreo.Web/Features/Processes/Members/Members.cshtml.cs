using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team sees who takes part; the owner gives people roles (facilitator, observer...) or adds them by email.</summary>
[Authorize]
public sealed class MembersModel(CocreoDbContext db, ProcessAccessReader processes, ChangeRunner changes, IStringLocalizer<ProcessText> t) : PageModel
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

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, ProcessAction.ViewMembers, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(int id, string userId, ProcessRole role, [FromServices] AssignRole.Handler assign, CancellationToken cancellationToken)
    {
        // The form to add a person is not what was sent.
        ModelState.Clear();
        await LoadAsync(id, ProcessAction.ManageMembers, cancellationToken);
        await changes.RunAsync(assign, new AssignRole.Command(id, userId ?? "", role), cancellationToken);
        return this.Done(t["The role was changed and logged."], $"/processes/{id}/members");
    }

    public async Task<IActionResult> OnPostAddAsync(int id, [FromServices] AddMember.Handler add, CancellationToken cancellationToken)
    {
        await LoadAsync(id, ProcessAction.ManageMembers, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var added = await changes.RunAsync(add, new AddMember.Command(id, Add.Email, Add.Role), cancellationToken);
        return this.Done(t["{0} was added to the process.", added.Name], $"/processes/{id}/members");
    }

    private async Task LoadAsync(int id, ProcessAction action, CancellationToken cancellationToken)
    {
        (Process, Access) = await processes.ReadAsync(id, User, action, cancellationToken);
        Members = (await db.Set<ProcessMember>().AsNoTracking()
                .Where(m => m.ProcessId == id)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberRow(u.Id, u.DisplayName, m.Role, m.JoinedAt))
                .ToListAsync(cancellationToken))
            .OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCulture)
            .ToList();
    }
}
