using System.Globalization;

namespace Cocreo.Web.Platform.Localization;

/// <summary>The interface languages of the platform.</summary>
public static class Cultures
{
    public const string Default = "en";

    /// <summary>Language code and its name in that language, as shown in the language switch.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Supported =
    [
        ("en", "English"),
        ("sl", "Slovenščina"),
    ];

    public static readonly string[] Codes = Supported.Select(s => s.Code).ToArray();

    public static bool IsSupported(string? code) => code is not null && Codes.Contains(code);

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>
    /// The culture for a language code. English uses British formats (day before month, 24-hour clock): Cocreo is
    /// made for European public bodies, and the neutral "en" would otherwise format dates the American way.
    /// </summary>
    public static CultureInfo Formatting(string code)
    {
        var culture = (CultureInfo)new CultureInfo(code).Clone();
        if (code == "en")
        {
            var british = new CultureInfo("en-GB");
            culture.DateTimeFormat = british.DateTimeFormat;
            culture.NumberFormat = british.NumberFormat;
        }
        return culture;
    }
}
