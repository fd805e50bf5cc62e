namespace Cocreo.Web.Platform.Localization;

/// <summary>The strings of the layout, errors and validation messages (SharedText.sl.resx holds Slovenian).</summary>
public sealed class SharedText : ILocalizedText;

/// <summary>
/// Marks a feature's text class. Strings are looked up by their English text; the class's <c>.sl.resx</c> beside it
/// holds the Slovenian. A test checks that every key used in the feature's pages and code is translated.
/// </summary>
#pragma warning disable CA1040 // a marker interface is the point: it lets localisation find each feature's texts
public interface ILocalizedText;
#pragma warning restore CA1040
