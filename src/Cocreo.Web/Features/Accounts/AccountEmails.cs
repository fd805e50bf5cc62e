using Cocreo.Web.Platform.Email;
using Cocreo.Web.Platform.Hosting;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>The emails accounts need: confirming an address, resetting a password.</summary>
public sealed class AccountEmails(UserManager<CocreoUser> users, EmailSender email, PublicLinks links, IStringLocalizer<AccountText> t)
{
    public async Task SendConfirmationAsync(CocreoUser user, CancellationToken cancellationToken = default)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = links.To($"/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}");
        await email.SendAsync(new EmailMessage(user.Email!, t["Confirm your email address for Cocreo"],
            t["Hello {0},", user.DisplayName] + "\n\n" +
            t["Please confirm your email address by opening this link:"] + "\n\n" + link + "\n\n" +
            t["If you did not register on Cocreo, ignore this message."]), cancellationToken);
    }

    public async Task SendPasswordResetAsync(CocreoUser user, CancellationToken cancellationToken = default)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = links.To($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}");
        await email.SendAsync(new EmailMessage(user.Email!, t["Reset your Cocreo password"],
            t["Hello {0},", user.DisplayName] + "\n\n" +
            t["Choose a new password by opening this link:"] + "\n\n" + link + "\n\n" +
            t["If you did not ask for this, ignore this message: your password stays the same."]), cancellationToken);
    }

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
