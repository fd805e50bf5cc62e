using Cocreo.Web.Data;
using Cocreo.Web.Shared.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Organisations;

[Authorize]
public sealed class EditModel(CocreoDbContext db, IStringLocalizer<OrganisationText> t) : PageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public int OrganisationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (organisation, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Input = OrganisationForm.From(organisation!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var (organisation, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (ModelState.IsValid && !Input.HasKnownCountry())
        {
            ModelState.AddModelError("Input.Country", t["Enter the country as a two-letter code, like SI."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        organisation!.Update(Input.Name, Input.Type, Input.Size, Input.Country, Input.LanguageCodes);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = t["The organisation was saved."].Value;
        return Redirect($"/organisations/{id}");
    }

    private async Task<(Organisation?, IActionResult?)> LoadAsync(int id, CancellationToken cancellationToken)
    {
        OrganisationId = id;
        var organisation = await db.Set<Organisation>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return (null, NotFound());
        }
        var userId = User.UserId()!;
        var role = await db.Set<OrganisationMember>().Where(m => m.OrganisationId == id && m.UserId == userId).Select(m => (OrganisationRole?)m.Role).SingleOrDefaultAsync(cancellationToken);
        return OrganisationPermissions.Allows(OrganisationAction.Edit, role, User.IsPlatformAdmin()) ? (organisation, null) : (null, this.Denied());
    }
}
