using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>Deleting one's own account, confirmed with the password; what must be handed over first is said before.</summary>
[Authorize]
public sealed class DeleteModel(UserManager<CocreoUser> users, SignInManager<CocreoUser> signIn, ChangeRunner changes, IEnumerable<IPersonalData> parts, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    public bool HasPassword { get; private set; }

    public IReadOnlyList<string> HandOver { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } gone)
        {
            return gone;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] DeleteAccount.Handler delete, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } gone)
        {
            return gone;
        }
        var user = (await users.GetUserAsync(User))!;
        // An empty field binds as null, which the password check does not take: it is a wrong password like any other.
        if (!HasPassword || string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), HasPassword ? t["The current password is not correct."] : t["Choose a password first: we e-mail you a link."]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await changes.RunAsync(delete, new DeleteAccount.Command(), cancellationToken);
        await signIn.SignOutAsync();
        return this.Done(t["Your account was deleted. What you contributed stays, shown as by a former participant."], "/");
    }

    /// <summary>What the page shows; an account deleted already (a resubmission, another tab) is signed out and told so.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.IsDeleted)
        {
            await signIn.SignOutAsync();
            return this.Done(t["Your account was deleted. What you contributed stays, shown as by a former participant."], "/");
        }
        HasPassword = await users.HasPasswordAsync(user);
        HandOver = await DeleteAccount.HandOverFirstAsync(parts, user.Id, cancellationToken);
        return null;
    }
}
