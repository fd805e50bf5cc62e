using Cocreo.Web.Data;
using Cocreo.Web.Shared.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Organisations;

/// <summary>The invited person, signed in, accepts and joins the organisation's staff.</summary>
[Authorize]
public sealed class AcceptInvitationModel(CocreoDbContext db, TimeProvider clock, IStringLocalizer<OrganisationText> t) : PageModel
{
    public string? OrganisationName { get; private set; }
    public bool IsValid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = await FindAsync(token, cancellationToken);
        IsValid = invitation is not null;
        if (invitation is not null)
        {
            OrganisationName = await db.Set<Organisation>().Where(o => o.Id == invitation.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = await FindAsync(token, cancellationToken);
        if (invitation is null)
        {
            IsValid = false;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = await db.Set<Organisation>().Include(o => o.Members).SingleAsync(o => o.Id == invitation.OrganisationId, cancellationToken);
        organisation.AddMember(User.UserId()!, invitation.Role, now);
        invitation.Accept(now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = t["Welcome to {0}.", organisation.Name].Value;
        return Redirect($"/organisations/{organisation.Id}");
    }

    private async Task<OrganisationInvitation?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = OrganisationInvitation.HashToken(token ?? "");
        var invitation = await db.Set<OrganisationInvitation>().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation is not null && invitation.IsOpen(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }
}
