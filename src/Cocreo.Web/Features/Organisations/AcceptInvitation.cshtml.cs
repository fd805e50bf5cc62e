using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Organisations;

/// <summary>The invited person, signed in, accepts and joins the organisation's staff.</summary>
[Authorize]
public sealed class AcceptInvitationModel(CocreoDbContext db, ChangeRunner changes, TimeProvider clock, IStringLocalizer<OrganisationText> t) : PageModel
{
    public string? OrganisationName { get; private set; }
    public bool IsValid => OrganisationName is not null;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromServices] AcceptInvitation.Handler accept, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        var joined = await changes.RunAsync(accept, new AcceptInvitation.Command(token), cancellationToken);
        return this.Done(t["Welcome to {0}.", joined.Name], $"/organisations/{joined.OrganisationId}");
    }

    private async Task LoadAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = await AcceptInvitation.OpenInvitationAsync(db, token, clock, cancellationToken);
        OrganisationName = invitation is null ? null
            : await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == invitation.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
