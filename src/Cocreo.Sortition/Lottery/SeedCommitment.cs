using System.Security.Cryptography;
using System.Text;

namespace Cocreo.Sortition;

/// <summary>
/// Commit and reveal: before the draw the organiser publishes the SHA-256 of a secret seed; after it, the seed itself.
/// Anyone can then check that the seed matches what was promised and reproduce the draw.
/// </summary>
public static class SeedCommitment
{
    /// <summary>A fresh secret seed: 32 bytes from the given cryptographic generator, in hexadecimal.</summary>
    public static string NewSeed(RandomNumberGenerator generator)
    {
        var bytes = new byte[32];
        generator.GetBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The commitment to publish: SHA-256 of the seed's UTF-8 bytes, in lower-case hexadecimal.</summary>
    public static string Commit(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    /// <summary>Whether a revealed seed matches a published commitment (hexadecimal, any case).</summary>
    public static bool Matches(string seed, string commitment) =>
        string.Equals(Commit(seed), commitment.Trim(), StringComparison.OrdinalIgnoreCase);
}
