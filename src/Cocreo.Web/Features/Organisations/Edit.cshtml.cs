using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Organisations;

/// <summary>An administrator changes the organisation's description.</summary>
[Authorize]
public sealed class EditModel(OrganisationAccessReader organisations, ChangeRunner changes, IStringLocalizer<OrganisationText> t) : PageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public int OrganisationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await organisations.ReadAsync(id, User, OrganisationAction.Edit, cancellationToken);
        OrganisationId = id;
        Input = OrganisationForm.From(view.Organisation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] EditOrganisation.Handler edit, CancellationToken cancellationToken)
    {
        await organisations.ReadAsync(id, User, OrganisationAction.Edit, cancellationToken);
        OrganisationId = id;
        if (ModelState.IsValid && !Input.HasKnownCountry())
        {
            ModelState.AddModelError("Input.Country", t["Enter the country as a two-letter code, like SI."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(edit, new EditOrganisation.Command(id, Input.Name, Input.Type, Input.Size, Input.Country, Input.LanguageCodes()), cancellationToken);
        return this.Done(t["The organisation was saved."], $"/organisations/{id}");
    }
}
