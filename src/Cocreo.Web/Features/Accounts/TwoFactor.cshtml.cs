using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// Two-step sign-in with an authenticator app (TOTP, RFC 6238, through ASP.NET Core Identity): turning it on with a
/// code from the app, one-time recovery codes, turning it off. Platform administrators must have it.
/// </summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<CocreoUser> users, SignInManager<CocreoUser> signIn, IOptions<TwoFactorOptions> options, IStringLocalizer<AccountText> t) : PageModel
{
    public const string MfaClaim = "amr";
    public const string MfaValue = "mfa";

    [BindProperty]
    [Required(ErrorMessage = "Enter the code from your authenticator app.")]
    [StringLength(12, ErrorMessage = "Enter the code from your authenticator app.")]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>An administrator must keep two-step sign-in (and is sent here until it is on).</summary>
    public bool Required => options.Value.RequiredForAdministrators && User.IsPlatformAdmin();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalize(Code)))
        {
            ModelState.AddModelError(nameof(Code), t["The code is not right. Check the time on your phone and try the newest code."]);
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        // This session has just shown the second factor.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(MfaClaim, MfaValue)]);
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        }
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (Required)
        {
            ModelState.AddModelError(nameof(Code), t["Platform administrators must keep two-step sign-in."]);
        }
        else if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalize(Code)))
        {
            ModelState.AddModelError(nameof(Code), t["The code is not right. Check the time on your phone and try the newest code."]);
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return this.Done(t["Two-step sign-in is off."], "/account");
    }

    private async Task ShowAsync(CocreoUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (Enabled)
        {
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = string.Join(" ", key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Cocreo")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Cocreo&digits=6";
    }

    internal static string Normalize(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
