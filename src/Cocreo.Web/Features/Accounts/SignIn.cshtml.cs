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
public sealed class SignInModel(SignInManager<CocreoUser> signIn, UserManager<CocreoUser> users, SignInThrottle throttle, DummyPassword dummy, ExternalSignIn external, IStringLocalizer<AccountText> t) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var client = HttpContext.Connection.RemoteIpAddress;
        // Wrong passwords slow down the address they come from, never the account: nobody can lock someone else out.
        if (await throttle.WaitAsync(email, client, cancellationToken) is { } wait)
        {
            ModelState.AddModelError("", t["Too many wrong passwords from this device: wait {0} minutes, or reset your password.", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))]);
            return Page();
        }
        // One slow password hash on every path, and one answer for every failure: neither says which addresses have accounts.
        var user = await users.FindByEmailAsync(email);
        var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (user is { EmailConfirmed: true, IsDemo: false, PasswordHash: not null })
        {
            result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        }
        if (user is not { EmailConfirmed: true, IsDemo: false, PasswordHash: not null } || result.IsLockedOut || result.IsNotAllowed)
        {
            dummy.Check(Input.Password);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(email, client, cancellationToken);
            return result.Succeeded
                ? LocalRedirect(this.SafeReturnUrl(ReturnUrl))
                : RedirectToPage("TwoFactorSignIn", new { returnUrl = this.SafeReturnUrl(ReturnUrl), rememberMe = Input.RememberMe });
        }
        await throttle.FailedAsync(email, client, cancellationToken);
        ModelState.AddModelError("Input.Email", t["The email address or password is not right."]);
        return Page();
    }
}
