using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// The link sent to a newly registered address: its holder holds the mailbox, so here, and only here, the password
/// of a new account is chosen. Any earlier password (chosen by whoever pre-registered the address) is removed.
/// </summary>
public sealed class ConfirmEmailModel(UserManager<CocreoUser> users, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    /// <summary>The link is good: the page asks for the password.</summary>
    public bool Valid { get; private set; }

    public bool Confirmed { get; private set; }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(200, ErrorMessage = "The password can have at most {1} characters.")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task OnGetAsync()
    {
        ModelState.Clear();
        Valid = await UnconfirmedUserAsync() is not null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await UnconfirmedUserAsync();
        Valid = user is not null;
        if (user is null || !ModelState.IsValid)
        {
            return Page();
        }
        foreach (var validator in users.PasswordValidators)
        {
            foreach (var error in (await validator.ValidateAsync(users, user, Input.Password)).Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Confirm with the code first (changing the password renews the security stamp, which spends the code).
        if (!(await users.ConfirmEmailAsync(user, AccountEmails.DecodeCode(Code)!)).Succeeded)
        {
            Valid = false;
            return Page();
        }
        if (await users.HasPasswordAsync(user))
        {
            await users.RemovePasswordAsync(user);
        }
        var added = await users.AddPasswordAsync(user, Input.Password);
        if (!added.Succeeded)
        {
            ModelState.AddModelError("", t["Something went wrong. Try again."]);
            return Page();
        }
        Confirmed = true;
        return Page();
    }

    /// <summary>The account the link names, when it is not confirmed yet and the code is right for it.</summary>
    private async Task<CocreoUser?> UnconfirmedUserAsync()
    {
        var token = AccountEmails.DecodeCode(Code);
        var user = UserId is null || token is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || user.EmailConfirmed || user.IsDemo)
        {
            return null;
        }
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<CocreoUser>.ConfirmEmailTokenPurpose, token!) ? user : null;
    }
}
