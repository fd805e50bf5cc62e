using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Cocreo.Sortition;

/// <summary>
/// The lottery's random numbers, reproducible on any machine: block i is SHA-256(key ‖ i), where the key is the
/// SHA-256 of the seed, the optional public random value and the digest of the published distribution. Nothing depends
/// on a platform's random number generator, so anyone holding the seed and the published files gets the same draw.
/// </summary>
public sealed class LotteryStream
{
    private readonly byte[] key;
    private readonly byte[] block = new byte[32];
    private ulong counter;
    private int used = 32;

    /// <summary>Creates the stream for a seed, an optional public random value and the digest of what is drawn from.</summary>
    public LotteryStream(string seed, string? publicValue, string inputsDigest)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        ArgumentException.ThrowIfNullOrEmpty(inputsDigest);
        using var material = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var part in new[] { "cocreo-lottery/1", seed, publicValue ?? "", inputsDigest })
        {
            // Length-prefixed, so that no two different triples give the same bytes.
            var bytes = Encoding.UTF8.GetBytes(part);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            material.Write(length);
            material.Write(bytes);
        }
        key = SHA256.HashData(material.ToArray());
    }

    /// <summary>The next 64 random bits (big-endian words of the SHA-256 blocks, in order).</summary>
    public ulong NextUInt64()
    {
        if (used == 32)
        {
            Span<byte> input = stackalloc byte[40];
            key.CopyTo(input);
            BinaryPrimitives.WriteUInt64BigEndian(input[32..], counter++);
            SHA256.HashData(input, block);
            used = 0;
        }
        var value = BinaryPrimitives.ReadUInt64BigEndian(block.AsSpan(used, 8));
        used += 8;
        return value;
    }

    /// <summary>A uniform integer in [0, count), without modulo bias (values past the last full multiple are redrawn).</summary>
    public int NextIndex(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var n = (ulong)count;
        var limit = ulong.MaxValue - (ulong.MaxValue % n + 1) % n;
        ulong value;
        do
        {
            value = NextUInt64();
        }
        while (value > limit);
        return (int)(value % n);
    }

    /// <summary>A uniform number in [0, 1) with 53 random bits.</summary>
    public double NextUnit() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
