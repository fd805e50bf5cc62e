using System.Globalization;

namespace Cocreo.Web.Platform.Localization;

/// <summary>
/// Shows a percentage with enough digits to be true: one decimal normally, but a small share keeps two significant
/// digits (10 of 24,000 is "0.042 %", not "0.0 %"), and a share that is not zero is never shown as zero.
/// </summary>
public static class Percentages
{
    public static string Show(decimal percent, IFormatProvider? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var size = Math.Abs(percent);
        var digits = size == 0 || size >= 1 ? 1 : Math.Min(6, 1 - (int)Math.Floor(Math.Log10((double)size)));
        return Math.Round(percent, digits, MidpointRounding.AwayFromZero).ToString("N" + digits.ToString(CultureInfo.InvariantCulture), culture) + " %";
    }
}
