using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>A person's own account: the name others see, the language of their emails, the password and the e-mail address.</summary>
[Authorize]
public sealed class IndexModel(UserManager<CocreoUser> users, SignInManager<CocreoUser> signIn, AccountEmails emails, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    [BindProperty]
    public PasswordChange Password { get; set; } = new();

    [BindProperty]
    public EmailChange NewEmail { get; set; } = new();

    public bool HasPassword { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    public string Email { get; private set; } = "";

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Enter the name others will see.")]
        [StringLength(100, ErrorMessage = "The name can have at most {1} characters.")]
        public string DisplayName { get; set; } = "";

        public string PreferredLanguage { get; set; } = "en";
    }

    public sealed class PasswordChange
    {
        [Required(ErrorMessage = "Enter your current password.")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(200, ErrorMessage = "The password can have at most {1} characters.")]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(New), ErrorMessage = "The two passwords are not the same.")]
        public string ConfirmNew { get; set; } = "";
    }

    public sealed class EmailChange
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
        [StringLength(256, ErrorMessage = "The email address can have at most {1} characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your current password.")]
        public string CurrentPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.IsDeleted)
        {
            return Challenge();
        }
        await ShowAsync(user);
        Input = new ProfileInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage };
        return Page();
    }

    private async Task ShowAsync(CocreoUser user)
    {
        Email = user.Email ?? "";
        HasPassword = await users.HasPasswordAsync(user);
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
    }

    /// <summary>Only this form's fields are checked: the page has three forms.</summary>
    private bool Valid(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        return ModelState.IsValid;
    }

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.IsDeleted)
        {
            return Challenge();
        }
        await ShowAsync(user);
        Input = new ProfileInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage };
        if (!Valid(nameof(Password)))
        {
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Password.Current, Password.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Password.Current" : "Password.New",
                    error.Code == "PasswordMismatch" ? t["The current password is not correct."] : error.Description);
            }
            return Page();
        }
        // The security stamp changed: other sessions end, this one goes on.
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = t["Your password was changed."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangeEmailAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.IsDeleted)
        {
            return Challenge();
        }
        await ShowAsync(user);
        Input = new ProfileInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage };
        if (!Valid(nameof(NewEmail)))
        {
            return Page();
        }
        if (!await users.CheckPasswordAsync(user, NewEmail.CurrentPassword))
        {
            ModelState.AddModelError("NewEmail.CurrentPassword", t["The current password is not correct."]);
            return Page();
        }
        var address = NewEmail.Email.Trim();
        // The same answer when another account has the address; that address gets no link.
        if (await users.FindByEmailAsync(address) is null)
        {
            await emails.SendEmailChangeAsync(user, address, cancellationToken);
        }
        await emails.SendEmailChangeNoticeAsync(user, address, cancellationToken);
        TempData["Status"] = t["We sent a link to {0}. Your address changes when you open it.", address].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.IsDeleted)
        {
            return Challenge();
        }
        await ShowAsync(user);
        if (!Valid(nameof(Input)))
        {
            return Page();
        }
        if (!Cultures.IsSupported(Input.PreferredLanguage))
        {
            ModelState.AddModelError("Input.PreferredLanguage", t["Choose a language from the list."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        user.DisplayName = Input.DisplayName.Trim();
        user.PreferredLanguage = Input.PreferredLanguage;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = t["Your account was saved."].Value;
        return RedirectToPage();
    }
}
