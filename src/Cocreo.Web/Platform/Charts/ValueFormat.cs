using System.Globalization;

namespace Cocreo.Web.Platform.Charts;

/// <summary>
/// How a chart writes its values, in the reader's culture: a .NET numeric format, a factor applied first and a
/// suffix. The chart, its table and its summary all write a value the same way.
/// </summary>
public sealed record ValueFormat(string Pattern, double Factor = 1, string Suffix = "")
{
    /// <summary>Whole numbers with group separators: "1,234" (en), "1.234" (sl).</summary>
    public static readonly ValueFormat Count = new("N0");

    /// <summary>A share from 0 to 1 as the culture writes a percentage: "67%" (en), "67 %" (sl).</summary>
    public static ValueFormat Percent(int decimals = 0) => new("P" + decimals.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number with a fixed count of decimals: "3.25" (en), "3,25" (sl).</summary>
    public static ValueFormat Decimal(int decimals) => new("N" + decimals.ToString(CultureInfo.InvariantCulture));

    public string Write(double value, CultureInfo culture) => (value * Factor).ToString(Pattern, culture) + Suffix;
}
