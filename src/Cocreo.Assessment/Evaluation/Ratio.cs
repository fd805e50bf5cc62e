using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cocreo.Assessment;

/// <summary>
/// An exact fraction, kept in lowest terms with a positive denominator. Scores and thresholds are
/// ratios so that a share of exactly one third meets a "from 1/3" threshold, which floating point
/// cannot promise. Written in JSON as <c>"numerator/denominator"</c>.
/// </summary>
[JsonConverter(typeof(RatioJsonConverter))]
public readonly record struct Ratio : IComparable<Ratio>
{
    /// <summary>Creates <paramref name="numerator"/> / <paramref name="denominator"/> in lowest terms.</summary>
    public Ratio(long numerator, long denominator)
    {
        if (denominator == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "A ratio's denominator cannot be zero.");
        }
        if (denominator < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var divisor = (long)BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = numerator / divisor;
        Denominator = denominator / divisor;
    }

    /// <summary>The numerator in lowest terms (carries the sign).</summary>
    public long Numerator { get; }

    /// <summary>The denominator in lowest terms (always positive).</summary>
    public long Denominator { get; }

    /// <summary>Zero.</summary>
    public static Ratio Zero => new(0, 1);

    /// <summary>One.</summary>
    public static Ratio One => new(1, 1);

    /// <summary>The nearest double, for charts; never for comparisons that decide a level.</summary>
    public double ToDouble() => (double)Numerator / Denominator;

    /// <summary>The absolute value.</summary>
    public Ratio Abs() => new(Math.Abs(Numerator), Denominator);

    /// <summary>Compares exactly by cross-multiplication.</summary>
    public int CompareTo(Ratio other) =>
        ((BigInteger)Numerator * other.Denominator).CompareTo((BigInteger)other.Numerator * Denominator);

    /// <summary>Exact sum.</summary>
    public static Ratio operator +(Ratio a, Ratio b) =>
        new(checked(a.Numerator * b.Denominator + b.Numerator * a.Denominator), checked(a.Denominator * b.Denominator));

    /// <summary>Exact difference.</summary>
    public static Ratio operator -(Ratio a, Ratio b) =>
        new(checked(a.Numerator * b.Denominator - b.Numerator * a.Denominator), checked(a.Denominator * b.Denominator));

    /// <summary>Exact product.</summary>
    public static Ratio operator *(Ratio a, Ratio b) =>
        new(checked(a.Numerator * b.Numerator), checked(a.Denominator * b.Denominator));

    /// <summary>Exact quotient by a whole number.</summary>
    public static Ratio operator /(Ratio a, long b) => new(a.Numerator, checked(a.Denominator * b));

#pragma warning disable CS1591 // the comparison operators mean what they always mean
    public static bool operator <(Ratio a, Ratio b) => a.CompareTo(b) < 0;
    public static bool operator >(Ratio a, Ratio b) => a.CompareTo(b) > 0;
    public static bool operator <=(Ratio a, Ratio b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Ratio a, Ratio b) => a.CompareTo(b) >= 0;
#pragma warning restore CS1591

    /// <summary>Reads <c>"2/3"</c>, <c>"1"</c> or <c>"0"</c>.</summary>
    public static bool TryParse(string? text, out Ratio ratio)
    {
        ratio = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var parts = text.Split('/');
        if (parts.Length > 2
            || !long.TryParse(parts[0].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var numerator))
        {
            return false;
        }
        long denominator = 1;
        if (parts.Length == 2
            && (!long.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out denominator) || denominator == 0))
        {
            return false;
        }
        ratio = new Ratio(numerator, denominator);
        return true;
    }

    /// <summary><c>"2/3"</c>, or <c>"1"</c> for a whole number.</summary>
    public override string ToString() =>
        Denominator == 1
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}

internal sealed class RatioJsonConverter : JsonConverter<Ratio>
{
    public override Ratio Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.Number
            ? reader.GetInt64().ToString(CultureInfo.InvariantCulture)
            : reader.GetString();
        return Ratio.TryParse(text, out var ratio)
            ? ratio
            : throw new JsonException($"'{text}' is not a fraction; write it as \"numerator/denominator\", e.g. \"1/3\".");
    }

    public override void Write(Utf8JsonWriter writer, Ratio value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
