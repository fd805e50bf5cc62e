using System.Security.Claims;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// Sign-in through the configured OpenID Connect provider (a national eID). The first time, an account is created
/// from the provider's verified email and name, or linked to the account that already has that email.
/// </summary>
public sealed class ExternalModel(SignInManager<CocreoUser> signIn, UserManager<CocreoUser> users, ExternalSignIn external, TimeProvider clock, IStringLocalizer<AccountText> t) : PageModel
{
    public string? Problem { get; private set; }

    public IActionResult OnPost(string? returnUrl)
    {
        if (!external.IsEnabled)
        {
            return NotFound();
        }
        var redirect = $"/account/external?handler=Callback&returnUrl={Uri.EscapeDataString(this.SafeReturnUrl(returnUrl))}";
        var properties = signIn.ConfigureExternalAuthenticationProperties(ExternalSignInOptions.Scheme, redirect);
        return Challenge(properties, ExternalSignInOptions.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Problem = t["The sign-in with the external provider did not complete. Try again."];
            return Page();
        }
        // The provider's sign-in does not replace the authenticator code of an account that has one.
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.Succeeded)
        {
            return LocalRedirect(this.SafeReturnUrl(returnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactorSignIn", new { returnUrl = this.SafeReturnUrl(returnUrl) });
        }
        if (result.IsLockedOut)
        {
            Problem = t["Too many wrong passwords: the account is locked for 15 minutes. You can reset your password meanwhile."];
            return Page();
        }
        var email = info.Principal.FindFirstValue(ClaimTypes.Email);
        if (string.IsNullOrEmpty(email))
        {
            Problem = t["The provider did not share an email address, which Cocreo needs to create your account."];
            return Page();
        }
        // Linking to an existing account by email, or trusting the address, is safe only if the provider verified it.
        if (!string.Equals(info.Principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Problem = t["The provider did not confirm your email address, which Cocreo needs to create your account."];
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new CocreoUser
            {
                UserName = email,
                Email = email,
                // The identity provider vouches for the address.
                EmailConfirmed = true,
                DisplayName = info.Principal.FindFirstValue(ClaimTypes.Name) ?? info.Principal.FindFirstValue("name") ?? info.Principal.FindFirstValue(ClaimTypes.GivenName) ?? email.Split('@')[0],
                PreferredLanguage = Cultures.Current,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                Problem = created.Errors.First().Description;
                return Page();
            }
        }
        var linked = await users.AddLoginAsync(user, info);
        if (!linked.Succeeded)
        {
            Problem = linked.Errors.First().Description;
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return LocalRedirect(this.SafeReturnUrl(returnUrl));
    }
}
