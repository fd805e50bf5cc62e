using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Organisations;

[Authorize]
public sealed class IndexModel(OrganisationMembership membership) : PageModel
{
    public List<OrganisationSummary> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organisations = await membership.OrganisationsOfAsync(User.UserId()!, cancellationToken);
}
