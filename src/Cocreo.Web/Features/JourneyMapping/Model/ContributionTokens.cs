using System.Security.Cryptography;
using System.Text;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The secrets of journey mapping. A contributor's resume token is 256 random bits that only they hold (in their
/// resume link); the database keeps its SHA-256, so a leaked database does not let anyone edit a contribution.
/// A join code is short and easy to type from a poster, and only says which map to join.
/// </summary>
public static class ContributionTokens
{
    // No 0/O, 1/I/L: people type the code from paper.
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static (string Token, string Hash) New()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A token as it appears in links: 43 URL-safe characters. Anything else is not worth a database look-up.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string NewJoinCode() => RandomNumberGenerator.GetString(CodeAlphabet, 8);

    public static string NormalizeJoinCode(string code) => code.Trim().ToUpperInvariant();
}
