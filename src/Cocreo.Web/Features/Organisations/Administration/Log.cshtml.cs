using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Organisations;

/// <summary>The administrators' log: every decision of a platform administrator about an organisation, newest first.</summary>
[Authorize]
public sealed class AdministratorLogModel(AdministratorLog log) : PageModel
{
    public const int Shown = 500;

    public List<AdministratorLogEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(int? organisation, CancellationToken cancellationToken)
    {
        RefusedException.Unless(OrganisationPermissions.Decide(OrganisationAction.DecideStanding, new OrganisationAccess(User.UserId(), User.IsPlatformAdmin(), null)), User.UserId() is not null);
        Entries = await log.LatestAsync(organisation, Shown, cancellationToken);
    }
}
