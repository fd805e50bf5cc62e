using Cocreo.Web.Data;
using Cocreo.Web.Shared.Hosting;
using Cocreo.Web.Shared.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Organisations;

/// <summary>Anyone with an account registers a public body; they become its first administrator.</summary>
[Authorize]
public sealed class CreateModel(CocreoDbContext db, SubmissionGuard submissions, TimeProvider clock, IStringLocalizer<OrganisationText> t) : PageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public void OnGet() => Input.SubmissionId = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && !Input.HasKnownCountry())
        {
            ModelState.AddModelError("Input.Country", t["Enter the country as a two-letter code, like SI."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var path = await submissions.RunOnceAsync(Input.SubmissionId, async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var organisation = Organisation.Create(Input.Name, Input.Type, Input.Size, Input.Country, Input.LanguageCodes, now);
            organisation.AddMember(User.UserId()!, OrganisationRole.Administrator, now);
            db.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
            return $"/organisations/{organisation.Id}";
        }, cancellationToken);
        TempData["Status"] = t["The organisation was registered. You are its administrator."].Value;
        return Redirect(path);
    }
}
