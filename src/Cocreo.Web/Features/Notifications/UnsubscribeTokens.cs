using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// The one-click unsubscribe links of notification e-mails: the person's id, protected (encrypted and authenticated)
/// with the platform's data-protection keys, which live in the shared database so every instance reads every link.
/// A tampered link, or a token made for another purpose, is not read.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Cocreo.Notifications.Unsubscribe.v1");

    public string For(string userId) => protector.Protect(userId);

    /// <summary>The person the token was made for, or null when it is not one of ours.</summary>
    public string? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }
        try
        {
            return protector.Unprotect(token);
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
