using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<CocreoUser> signIn, UserManager<CocreoUser> users, ExternalSignIn external, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public ExternalSignIn External => external;

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError("Input.Email", t["The email address or password is not right."]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(this.SafeReturnUrl(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", t["Too many wrong passwords: the account is locked for 15 minutes. You can reset your password meanwhile."]);
        }
        else if (result.IsNotAllowed)
        {
            ModelState.AddModelError("", t["Confirm your email address first: open the link we sent you. You can ask for a new link below."]);
        }
        else
        {
            ModelState.AddModelError("Input.Email", t["The email address or password is not right."]);
        }
        return Page();
    }
}
