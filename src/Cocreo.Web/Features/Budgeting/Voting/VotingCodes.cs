using System.Security.Cryptography;
using System.Text;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// Codes people type, in Crockford's base 32 (no I, L, O or U, so nothing is misread), shown in groups of four:
/// one-time voting codes (80 bits) and ballot change codes (100 bits), of which only the SHA-256 is stored (at these
/// lengths the hash cannot be reversed by trying codes, even against a whole census at once); and receipts (60 bits),
/// which are not secret: they are published, apart from the ballots, when voting closes.
/// </summary>
public static class VotingCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int VotingCodeLength = 16;
    public const int ChangeCodeLength = 20;
    public const int ReceiptLength = 12;

    public static string NewVotingCode() => Format(Random(VotingCodeLength));

    public static string NewChangeCode() => Format(Random(ChangeCodeLength));

    /// <summary>A new receipt, normalised (as stored); <see cref="Format"/> shows it in groups.</summary>
    public static string NewReceipt() => Random(ReceiptLength);

    /// <summary>A receipt as typed, normalised; empty when it cannot be one.</summary>
    public static string NormalizeReceipt(string? receipt)
    {
        var normalized = Normalize(receipt);
        return normalized.Length == ReceiptLength && normalized.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? normalized : "";
    }

    /// <summary>Upper case without separators, with the letters people confuse mapped as Crockford's base 32 does.</summary>
    public static string Normalize(string? code)
    {
        if (code is null)
        {
            return "";
        }
        var text = new StringBuilder(code.Length);
        foreach (var c in code.ToUpperInvariant())
        {
            switch (c)
            {
                case '-' or ' ' or '\t':
                    continue;
                case 'O':
                    text.Append('0');
                    break;
                case 'I' or 'L':
                    text.Append('1');
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>The stored form of a code: SHA-256 of its normalised text, lower-case hex; empty for a malformed code.</summary>
    public static string Hash(string? code)
    {
        var normalized = Normalize(code);
        if (normalized.Length is not (VotingCodeLength or ChangeCodeLength) || normalized.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return "";
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)));
    }

    private static string Random(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }

    public static string Format(string code) => string.Join('-', code.Chunk(4).Select(group => new string(group)));
}

/// <summary>Identifiers that reveal nothing: not the order rows were written in, not how many came before.</summary>
public static class RandomIds
{
    public static long Next()
    {
        Span<byte> bytes = stackalloc byte[8];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            var value = BitConverter.ToInt64(bytes) & long.MaxValue;
            if (value != 0)
            {
                return value;
            }
        }
    }
}
