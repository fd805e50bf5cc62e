using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>The holder of the one-time setup token (printed to the console) makes their account the first administrator.</summary>
[Authorize]
public sealed class SetupModel(SetupToken setup, UserManager<CocreoUser> users, SignInManager<CocreoUser> signIn, RoleManager<IdentityRole> roles, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool IsValid => setup.IsValid(Token);

    public IActionResult OnGet() => IsValid ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!IsValid)
        {
            return NotFound();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await AccountsCapability.EnsureRolesAsync(roles);
        await users.AddToRoleAsync(user, CocreoUser.PlatformAdminRole);
        setup.Consume();
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = t["You are now the platform administrator."].Value;
        return Redirect("/");
    }
}
