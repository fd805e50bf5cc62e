using System.Globalization;
using System.Numerics;

namespace Cocreo.Budgeting;

/// <summary>
/// An exact rational number. Voting rules use it wherever a comparison can decide an outcome, so that
/// two projects that tie really tie and one that wins by a hair really wins.
/// </summary>
/// <remarks>
/// Most values met while counting (money scaled to integers, shares of a few costs) fit in 64-bit
/// numerators and denominators; their products then fit exactly in <see cref="Int128"/>, so the common case
/// costs a few machine multiplications. A value that outgrows 64 bits moves to <see cref="BigInteger"/>
/// and stays exact. Values are kept reduced with a positive denominator, so equal numbers have equal parts.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(RationalJsonConverter))]
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    // Small form when _big is null: _numerator / (_denominatorMinusOne + 1). Storing the denominator minus one
    // makes default(Rational) the number 0/1.
    private readonly long _numerator;
    private readonly long _denominatorMinusOne;
    private readonly Big? _big;

    private sealed class Big(BigInteger numerator, BigInteger denominator)
    {
        public readonly BigInteger Numerator = numerator;
        public readonly BigInteger Denominator = denominator;
    }

    private Rational(long numerator, long denominator)
    {
        _numerator = numerator;
        _denominatorMinusOne = denominator - 1;
        _big = null;
    }

    private Rational(Big big)
    {
        _numerator = 0;
        _denominatorMinusOne = 0;
        _big = big;
    }

    /// <summary>Zero.</summary>
    public static Rational Zero => default;

    /// <summary>One.</summary>
    public static Rational One => new(1, 1);

    private long SmallDenominator => _denominatorMinusOne + 1;

    /// <summary>The numerator of the reduced fraction (its sign is the sign of the number).</summary>
    public BigInteger Numerator => _big is null ? _numerator : _big.Numerator;

    /// <summary>The denominator of the reduced fraction, always positive.</summary>
    public BigInteger Denominator => _big is null ? SmallDenominator : _big.Denominator;

    /// <summary>Whether the number is zero.</summary>
    public bool IsZero => _big is null && _numerator == 0;

    /// <summary>The sign of the number: -1, 0 or 1.</summary>
    public int Sign => _big is null ? Math.Sign(_numerator) : _big.Numerator.Sign;

    /// <summary>Whether the number is a whole number.</summary>
    public bool IsInteger => _big is null ? _denominatorMinusOne == 0 : _big.Denominator.IsOne;

    /// <summary>The whole number <paramref name="value"/>.</summary>
    public static Rational FromInteger(long value) => new(value, 1);

    /// <summary>The exact value of a decimal number.</summary>
    public static Rational FromDecimal(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        if ((bits[3] & int.MinValue) != 0)
        {
            mantissa = -mantissa;
        }
        return Create(mantissa, BigInteger.Pow(10, scale));
    }

    /// <summary>The exact value of a finite double (a double is a whole number times a power of two).</summary>
    public static Rational FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Only finite doubles have a rational value.");
        }
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }
        exponent -= 1075;
        BigInteger whole = bits < 0 ? -mantissa : mantissa;
        return exponent >= 0 ? Create(whole << exponent, BigInteger.One) : Create(whole, BigInteger.One << -exponent);
    }

    /// <summary>The fraction <paramref name="numerator"/> / <paramref name="denominator"/>.</summary>
    public static Rational Create(long numerator, long denominator) => Create((Int128)numerator, denominator);

    /// <summary>The fraction <paramref name="numerator"/> / <paramref name="denominator"/>.</summary>
    public static Rational Create(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A rational number cannot have a zero denominator.");
        }
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!divisor.IsOne && !divisor.IsZero)
        {
            numerator /= divisor;
            denominator /= divisor;
        }
        if (numerator >= long.MinValue && numerator <= long.MaxValue && denominator <= long.MaxValue)
        {
            return new Rational((long)numerator, (long)denominator);
        }
        return new Rational(new Big(numerator, denominator));
    }

    private static Rational Create(Int128 numerator, Int128 denominator)
    {
        if (denominator == 0)
        {
            throw new DivideByZeroException("A rational number cannot have a zero denominator.");
        }
        if (denominator < 0)
        {
            if (numerator == Int128.MinValue || denominator == Int128.MinValue)
            {
                return Create((BigInteger)numerator, (BigInteger)denominator);
            }
            numerator = -numerator;
            denominator = -denominator;
        }
        if (numerator == Int128.MinValue)
        {
            return Create((BigInteger)numerator, (BigInteger)denominator);
        }
        if (denominator != 1)
        {
            var divisor = GreatestCommonDivisor(numerator < 0 ? (UInt128)(-numerator) : (UInt128)numerator, (UInt128)denominator);
            if (divisor > 1)
            {
                numerator /= (Int128)divisor;
                denominator /= (Int128)divisor;
            }
        }
        if (numerator >= long.MinValue && numerator <= long.MaxValue && denominator <= long.MaxValue)
        {
            return new Rational((long)numerator, (long)denominator);
        }
        return new Rational(new Big(numerator, denominator));
    }

    private static UInt128 GreatestCommonDivisor(UInt128 a, UInt128 b)
    {
        if (a == 0)
        {
            return b;
        }
        if (b == 0)
        {
            return a;
        }
        if (a <= ulong.MaxValue && b <= ulong.MaxValue)
        {
            return GreatestCommonDivisor((ulong)a, (ulong)b);
        }
        var shift = (int)UInt128.TrailingZeroCount(a | b);
        a >>= (int)UInt128.TrailingZeroCount(a);
        do
        {
            b >>= (int)UInt128.TrailingZeroCount(b);
            if (a > b)
            {
                (a, b) = (b, a);
            }
            b -= a;
        }
        while (b != 0);
        return a << shift;
    }

    private static ulong GreatestCommonDivisor(ulong a, ulong b)
    {
        var shift = BitOperations.TrailingZeroCount(a | b);
        a >>= BitOperations.TrailingZeroCount(a);
        do
        {
            b >>= BitOperations.TrailingZeroCount(b);
            if (a > b)
            {
                (a, b) = (b, a);
            }
            b -= a;
        }
        while (b != 0);
        return a << shift;
    }

    /// <summary>The sum of two numbers.</summary>
    public static Rational operator +(Rational a, Rational b)
    {
        if (a._big is null && b._big is null)
        {
            if (a._denominatorMinusOne == b._denominatorMinusOne)
            {
                return Create((Int128)a._numerator + b._numerator, (Int128)a.SmallDenominator);
            }
            // Each product is below 2^126 in size, so the sum fits in Int128.
            return Create(
                (Int128)a._numerator * b.SmallDenominator + (Int128)b._numerator * a.SmallDenominator,
                (Int128)a.SmallDenominator * b.SmallDenominator);
        }
        return Create(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    }

    /// <summary>
    /// The sum of many numbers, added in pairs: adding fractions with unrelated denominators one by one makes every step
    /// work on the ever-longer running total, while pairs keep the operands short until the last few additions.
    /// </summary>
    public static Rational Sum(ReadOnlySpan<Rational> terms) => terms.Length switch
    {
        0 => Zero,
        1 => terms[0],
        2 => terms[0] + terms[1],
        _ => Sum(terms[..(terms.Length / 2)]) + Sum(terms[(terms.Length / 2)..]),
    };

    /// <summary>The difference of two numbers.</summary>
    public static Rational operator -(Rational a, Rational b) => a + (-b);

    /// <summary>The opposite of a number.</summary>
    public static Rational operator -(Rational a)
    {
        if (a._big is null)
        {
            return a._numerator == long.MinValue ? Create(-(BigInteger)a._numerator, a.SmallDenominator) : new Rational(-a._numerator, a.SmallDenominator);
        }
        return new Rational(new Big(-a._big.Numerator, a._big.Denominator));
    }

    /// <summary>The product of two numbers.</summary>
    public static Rational operator *(Rational a, Rational b)
    {
        if (a._big is null && b._big is null)
        {
            return Create((Int128)a._numerator * b._numerator, (Int128)a.SmallDenominator * b.SmallDenominator);
        }
        return Create(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    }

    /// <summary>The product of a number and a whole number.</summary>
    public static Rational operator *(Rational a, long k) =>
        a._big is null ? Create((Int128)a._numerator * k, (Int128)a.SmallDenominator) : Create(a._big.Numerator * k, a._big.Denominator);

    /// <summary>The quotient of two numbers.</summary>
    public static Rational operator /(Rational a, Rational b)
    {
        if (b.IsZero)
        {
            throw new DivideByZeroException();
        }
        if (a._big is null && b._big is null)
        {
            return Create((Int128)a._numerator * b.SmallDenominator, (Int128)a.SmallDenominator * b._numerator);
        }
        return Create(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    }

    /// <summary>The quotient of a number by a whole number.</summary>
    public static Rational operator /(Rational a, long k)
    {
        if (k == 0)
        {
            throw new DivideByZeroException();
        }
        return a._big is null ? Create((Int128)a._numerator, (Int128)a.SmallDenominator * k) : Create(a._big.Numerator, a._big.Denominator * k);
    }

    /// <summary>Converts a whole number.</summary>
    public static implicit operator Rational(long value) => new(value, 1);

    /// <summary>Compares two numbers exactly.</summary>
    public int CompareTo(Rational other)
    {
        if (_big is null && other._big is null)
        {
            if (_denominatorMinusOne == other._denominatorMinusOne)
            {
                return _numerator.CompareTo(other._numerator);
            }
            return ((Int128)_numerator * other.SmallDenominator).CompareTo((Int128)other._numerator * SmallDenominator);
        }
        return (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    }

    /// <summary>Compares this number with <paramref name="numerator"/> / <paramref name="denominator"/> (denominator positive) without building it.</summary>
    internal int CompareTo(long numerator, long denominator)
    {
        if (_big is null)
        {
            return ((Int128)_numerator * denominator).CompareTo((Int128)numerator * SmallDenominator);
        }
        return (_big.Numerator * denominator).CompareTo(_big.Denominator * numerator);
    }

    /// <inheritdoc />
    public bool Equals(Rational other) =>
        _big is null && other._big is null
            ? _numerator == other._numerator && _denominatorMinusOne == other._denominatorMinusOne
            : Numerator == other.Numerator && Denominator == other.Denominator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>Whether two numbers are equal.</summary>
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    /// <summary>Whether two numbers differ.</summary>
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    /// <summary>Whether <paramref name="a"/> is at most <paramref name="b"/>.</summary>
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    /// <summary>Whether <paramref name="a"/> is at least <paramref name="b"/>.</summary>
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    /// <summary>The smaller of two numbers.</summary>
    public static Rational Min(Rational a, Rational b) => a <= b ? a : b;

    /// <summary>The larger of two numbers.</summary>
    public static Rational Max(Rational a, Rational b) => a >= b ? a : b;

    /// <summary>The nearest double (for display and charts only, never for decisions).</summary>
    public double ToDouble()
    {
        if (_big is null)
        {
            return (double)_numerator / SmallDenominator;
        }
        // Drop the same number of low bits from both parts so neither overflows a double; the relative error stays
        // within a few units in the last place.
        var numerator = _big.Numerator;
        var denominator = _big.Denominator;
        var excess = (int)Math.Max(BigInteger.Abs(numerator).GetBitLength(), denominator.GetBitLength()) - 960;
        if (excess > 0)
        {
            numerator >>= excess;
            denominator >>= excess;
            if (denominator.IsZero)
            {
                return numerator.Sign * double.PositiveInfinity;
            }
        }
        return (double)numerator / (double)denominator;
    }

    /// <summary>The number rounded to a decimal (for display only, never for decisions).</summary>
    public decimal ToDecimal()
    {
        var whole = BigInteger.DivRem(Numerator, Denominator, out var remainder);
        return (decimal)whole + (decimal)((double)remainder / (double)Denominator);
    }

    /// <summary>The largest whole number not above this number.</summary>
    public BigInteger Floor()
    {
        var quotient = BigInteger.DivRem(Numerator, Denominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    /// <summary>The fraction as "numerator/denominator", or the whole number.</summary>
    public override string ToString() =>
        IsInteger ? Numerator.ToString(CultureInfo.InvariantCulture) : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>Writes a rational as <c>{"exact": "n/d", "approximately": 1.5}</c> and reads it back from either form or a plain number.</summary>
public sealed class RationalJsonConverter : System.Text.Json.Serialization.JsonConverter<Rational>
{
    /// <inheritdoc />
    public override Rational Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        if (reader.TokenType == System.Text.Json.JsonTokenType.Number)
        {
            return Rational.FromDecimal(reader.GetDecimal());
        }
        using var document = System.Text.Json.JsonDocument.ParseValue(ref reader);
        var exact = document.RootElement.ValueKind == System.Text.Json.JsonValueKind.String
            ? document.RootElement.GetString()!
            : document.RootElement.GetProperty("exact").GetString()!;
        var parts = exact.Split('/');
        return parts.Length == 1
            ? Rational.Create(BigInteger.Parse(parts[0], CultureInfo.InvariantCulture), BigInteger.One)
            : Rational.Create(BigInteger.Parse(parts[0], CultureInfo.InvariantCulture), BigInteger.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public override void Write(System.Text.Json.Utf8JsonWriter writer, Rational value, System.Text.Json.JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("exact", value.ToString());
        writer.WriteNumber("approximately", Math.Round(value.ToDouble(), 6));
        writer.WriteEndObject();
    }
}
