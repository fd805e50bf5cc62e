using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Accounts;

/// <summary>The link sent to a new address: opening it and confirming moves the account (its sign-in name too) there.</summary>
public sealed class ConfirmNewEmailModel(UserManager<CocreoUser> users, SignInManager<CocreoUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool Changed { get; private set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountEmails.DecodeCode(Code);
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || token is null || string.IsNullOrWhiteSpace(Email))
        {
            Failed = true;
            return Page();
        }
        var changed = await users.ChangeEmailAsync(user, Email, token);
        if (!changed.Succeeded || !(await users.SetUserNameAsync(user, Email)).Succeeded)
        {
            Failed = true;
            return Page();
        }
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
        }
        Changed = true;
        return Page();
    }
}
