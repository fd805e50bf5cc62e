using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Organisations;

/// <summary>Anyone with an account registers a public body; they become its first administrator.</summary>
[Authorize]
public sealed class CreateModel(ChangeRunner changes, IStringLocalizer<OrganisationText> t) : PageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public void OnGet() => Input.SubmissionId = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync([FromServices] RegisterOrganisation.Handler register, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && !Input.HasKnownCountry())
        {
            ModelState.AddModelError("Input.Country", t["Enter the country as a two-letter code, like SI."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var id = await changes.RunAsync(register, new RegisterOrganisation.Command(Input.Name, Input.Type, Input.Size, Input.Country, Input.LanguageCodes(), Input.SubmissionId), cancellationToken);
        return this.Done(t["The organisation was registered. You are its administrator."], $"/organisations/{id}");
    }
}
