namespace Cocreo.OpinionMap.Clustering;

/// <summary>
/// A small pseudo-random generator (Steele, Lea and Flood's SplitMix64) whose sequence is fixed by its seed alone, on
/// every platform and .NET version, so that seeded starts give the same groups everywhere.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>A generator for one purpose, derived from a seed and the numbers that name the purpose.</summary>
    public static SplitMix64 For(int seed, params ReadOnlySpan<int> purpose)
    {
        var generator = new SplitMix64((ulong)(uint)seed);
        foreach (var part in purpose)
        {
            generator = new SplitMix64(generator.NextUInt64() ^ (ulong)(uint)part);
        }
        return generator;
    }

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
