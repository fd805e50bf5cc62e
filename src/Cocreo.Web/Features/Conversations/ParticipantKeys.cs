using System.Security.Cryptography;
using System.Text;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// The participant key of someone taking part in a link conversation without an account: 256 random bits in an
/// HttpOnly, SameSite=Lax cookie of their browser (secure on HTTPS), so they can come back and go on. The database
/// keeps only SHA-256 of the conversation's id and the key, so the same browser is not linkable across conversations
/// through the stored hashes, and a leaked database does not let anyone vote as someone else.
/// </summary>
public static class ParticipantKeys
{
    public const string Cookie = "cocreo.conversation";

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(int conversationId, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId}:{key}")));

    /// <summary>A key as this code makes them: 43 URL-safe characters. Anything else is not worth a database look-up.</summary>
    public static bool LooksValid(string? key) =>
        key is { Length: 43 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The key of this browser, if it has one.</summary>
    public static string? Read(HttpContext http) => http.Request.Cookies[Cookie] is { } key && LooksValid(key) ? key : null;

    /// <summary>The key of this browser, made and set in its cookie when it has none (only when it takes part, never on a visit).</summary>
    public static string Ensure(HttpContext http)
    {
        if (Read(http) is { } key)
        {
            return key;
        }
        key = New();
        http.Response.Cookies.Append(Cookie, key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
        });
        return key;
    }
}
