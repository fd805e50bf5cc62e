using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Capabilities;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Organisations;

/// <summary>An organisation's own page for its staff: its processes, its staff, and invitations.</summary>
[Authorize]
public sealed class DetailsModel(
    CocreoDbContext db,
    OrganisationAccessReader organisations,
    ChangeRunner changes,
    IEnumerable<Capability> capabilities,
    TimeProvider clock,
    IStringLocalizer<OrganisationText> t) : PageModel
{
    public OrganisationView View { get; private set; } = null!;
    public Organisation Organisation => View.Organisation;
    public List<(string Name, string Email, OrganisationRole Role)> Staff { get; private set; } = [];
    public List<OrganisationInvitation> OpenInvitations { get; private set; } = [];

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter the email address of the person to invite.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
        [StringLength(256, ErrorMessage = "The email address can have at most {1} characters.")]
        public string Email { get; set; } = "";

        public OrganisationRole Role { get; set; } = OrganisationRole.Staff;
    }

    public bool CanInvite => View.Can(OrganisationAction.InviteStaff);
    public bool CanEdit => View.Can(OrganisationAction.Edit);
    public bool CanStartProcess => View.Can(OrganisationAction.StartProcess);

    /// <summary>What other capabilities show in a slot of this page.</summary>
    public IEnumerable<PageSlot> Slots(string slot) => capabilities.SlotsOf(slot);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, OrganisationAction.View, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, [FromServices] InviteStaff.Handler invite, CancellationToken cancellationToken)
    {
        await LoadAsync(id, OrganisationAction.InviteStaff, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(invite, new InviteStaff.Command(id, Invite.Email, Invite.Role), cancellationToken);
        return this.Done(t["An invitation was sent to {0}.", Invite.Email.Trim()], $"/organisations/{id}");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int invitationId, [FromServices] RevokeInvitation.Handler revoke, CancellationToken cancellationToken)
    {
        await LoadAsync(id, OrganisationAction.InviteStaff, cancellationToken);
        await changes.RunAsync(revoke, new RevokeInvitation.Command(id, invitationId), cancellationToken);
        return this.Done(t["The invitation was withdrawn."], $"/organisations/{id}");
    }

    private async Task LoadAsync(int id, OrganisationAction action, CancellationToken cancellationToken)
    {
        View = await organisations.ReadAsync(id, User, action, cancellationToken);
        Staff = (await db.Set<OrganisationMember>().AsNoTracking()
                .Where(m => m.OrganisationId == id)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.DisplayName, u.Email, m.Role })
                .ToListAsync(cancellationToken))
            .Select(s => (s.DisplayName, s.Email ?? "", s.Role))
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCulture)
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        OpenInvitations = (await db.Set<OrganisationInvitation>().AsNoTracking()
                .Where(i => i.OrganisationId == id && i.AcceptedAt == null && i.RevokedAt == null)
                .ToListAsync(cancellationToken))
            .Where(i => i.IsOpen(now))
            .ToList();
    }
}
