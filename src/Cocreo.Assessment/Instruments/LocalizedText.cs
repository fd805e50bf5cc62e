using System.Globalization;

namespace Cocreo.Assessment;

/// <summary>A text of an instrument in English and Slovenian.</summary>
/// <param name="En">The English text.</param>
/// <param name="Sl">The Slovenian text.</param>
public sealed record LocalizedText(string En, string Sl)
{
    /// <summary>
    /// The text for <paramref name="culture"/>: Slovenian for any Slovenian culture (sl, sl-SI), English otherwise.
    /// </summary>
    public string For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "sl" ? Sl : En;
    }

    /// <summary>The English text (for logs and debugging; pages use <see cref="For"/>).</summary>
    public override string ToString() => En;
}
