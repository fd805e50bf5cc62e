using Cocreo.Web.Platform.Email;
using Cocreo.Web.Platform.Hosting;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// The emails accounts need: confirming an address (and choosing the password), resetting a password, telling an owner
/// what happened to their account. They are queued (<see cref="AccountMailQueue"/>), never sent while the request waits.
/// </summary>
public sealed class AccountEmails(UserManager<CocreoUser> users, AccountMailQueue email, PublicLinks links, IStringLocalizer<AccountText> t)
{
    public async Task SendConfirmationAsync(CocreoUser user, CancellationToken cancellationToken = default)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = links.To($"/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}");
        await email.EnqueueAsync(new EmailMessage(user.Email!, t["Confirm your email address for Cocreo"],
            t["Hello {0},", user.DisplayName] + "\n\n" +
            t["Open this link to confirm your address and choose your password:"] + "\n\n" + link + "\n\n" +
            t["If you did not register on Cocreo, ignore this message."]), cancellationToken);
    }

    public async Task SendPasswordResetAsync(CocreoUser user, CancellationToken cancellationToken = default)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = links.To($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}");
        await email.EnqueueAsync(new EmailMessage(user.Email!, t["Reset your Cocreo password"],
            t["Hello {0},", user.DisplayName] + "\n\n" +
            t["Choose a new password by opening this link:"] + "\n\n" + link + "\n\n" +
            t["If you did not ask for this, ignore this message: your password stays the same."]), cancellationToken);
    }

    /// <summary>Someone registered an address that already has an account: its owner is told, and how to get in.</summary>
    public Task SendRegistrationAttemptAsync(CocreoUser user, CancellationToken cancellationToken = default) =>
        email.EnqueueAsync(new EmailMessage(user.Email!, t["Someone tried to register with your address on Cocreo"],
            t["Hello {0},", user.DisplayName] + "\n\n" +
            t["Someone tried to register a new account with this address, which already has an account. Nothing was changed."] + "\n\n" +
            t["If it was you and you forgot your password, choose a new one here:"] + "\n\n" + links.To("/account/forgot-password") + "\n\n" +
            t["If it was not you, ignore this message."]), cancellationToken).AsTask();

    /// <summary>The link that moves the account to a new address, sent to that address (whoever opens it holds it).</summary>
    public async Task SendEmailChangeAsync(CocreoUser user, string newEmail, CancellationToken cancellationToken = default)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateChangeEmailTokenAsync(user, newEmail)));
        var link = links.To($"/account/confirm-new-email?userId={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&code={code}");
        await email.EnqueueAsync(new EmailMessage(newEmail, t["Confirm your new email address for Cocreo"],
            t["Hello {0},", user.DisplayName] + "\n\n" +
            t["Open this link to use this address for your Cocreo account:"] + "\n\n" + link + "\n\n" +
            t["If you did not ask for this, ignore this message."]), cancellationToken);
    }

    /// <summary>The old address is told that a change was asked for, so a stolen session cannot move the account quietly.</summary>
    public Task SendEmailChangeNoticeAsync(CocreoUser user, string newEmail, CancellationToken cancellationToken = default) =>
        email.EnqueueAsync(new EmailMessage(user.Email!, t["Your Cocreo email address is being changed"],
            t["Hello {0},", user.DisplayName] + "\n\n" +
            t["Someone signed in to your account asked to move it to {0}. It moves when the link sent there is opened.", newEmail] + "\n\n" +
            t["If it was not you, change your password now:"] + "\n\n" + links.To("/account/forgot-password")), cancellationToken).AsTask();

    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
