using Cocreo.Web.Shared.Email;
using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Shared.Hosting;
using Cocreo.Web.Shared.Localization;
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
    ProcessDirectory processes,
    EmailSender email,
    TimeProvider clock,
    IStringLocalizer<OrganisationText> t) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public OrganisationRole? Role { get; private set; }
    public List<ProcessSummary> Processes { get; private set; } = [];
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

    public bool CanInvite => OrganisationPermissions.Allows(OrganisationAction.InviteStaff, Role, User.IsPlatformAdmin());
    public bool CanEdit => OrganisationPermissions.Allows(OrganisationAction.Edit, Role, User.IsPlatformAdmin());
    public bool CanStartProcess => OrganisationPermissions.Allows(OrganisationAction.StartProcess, Role, User.IsPlatformAdmin());

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, OrganisationAction.View, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, OrganisationAction.InviteStaff, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!Enum.IsDefined(Invite.Role))
        {
            ModelState.AddModelError("Invite.Role", t["Choose a role."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var address = Invite.Email.Trim();
        // An open invitation to the same address is replaced, so a double submit sends one working link.
        var earlier = await db.Set<OrganisationInvitation>()
            .Where(i => i.OrganisationId == id && i.Email == address && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var old in earlier)
        {
            old.Revoke(now);
        }
        var (invitation, token) = OrganisationInvitation.Create(id, address, Invite.Role, User.UserId()!, now);
        db.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        var link = $"{Request.Scheme}://{Request.Host}/invitations/{token}";
        await email.SendAsync(new EmailMessage(address,
            t["Invitation to {0} on Cocreo", Organisation.Name],
            t["You are invited to join {0} on Cocreo as {1}. Open this link to accept (valid for 14 days):", Organisation.Name, OrganisationNames.Role(t, Invite.Role)] + "\n\n" + link), cancellationToken);
        TempData["Status"] = t["An invitation was sent to {0}.", address].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int invitationId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, OrganisationAction.InviteStaff, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var invitation = await db.Set<OrganisationInvitation>().SingleOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == id, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }
        invitation.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = t["The invitation was withdrawn."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, OrganisationAction action, CancellationToken cancellationToken)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        Organisation = organisation;
        var userId = User.UserId()!;
        Role = await db.Set<OrganisationMember>().Where(m => m.OrganisationId == id && m.UserId == userId).Select(m => (OrganisationRole?)m.Role).SingleOrDefaultAsync(cancellationToken);
        if (!OrganisationPermissions.Allows(action, Role, User.IsPlatformAdmin()))
        {
            return this.Denied();
        }
        Processes = await processes.OfOrganisationAsync(id, Cultures.Current, cancellationToken);
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
        return null;
    }
}
