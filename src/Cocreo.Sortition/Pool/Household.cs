using System.Security.Cryptography;
using System.Text;

namespace Cocreo.Sortition;

/// <summary>Turns an address into a household key that groups people living together without keeping the address.</summary>
public static class Household
{
    /// <summary>
    /// The SHA-256 hash (hexadecimal) of the normalised address parts (trimmed, case and inner spacing ignored),
    /// or null when every part is empty: people whose address is unknown are not grouped with anyone.
    /// </summary>
    public static string? Key(IEnumerable<string> addressParts)
    {
        var parts = addressParts.Select(Normalise).ToArray();
        if (parts.All(p => p.Length == 0))
        {
            return null;
        }
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexStringLower(bytes);
    }

    private static string Normalise(string part) =>
        string.Join(' ', part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
