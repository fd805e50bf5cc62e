using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Platform.Charts;

/// <summary>
/// The words the chart kit writes itself: summaries, table headings, the empty state. ChartText.sl.resx beside it
/// holds the Slovenian; pages pass their own words (titles, labels, series names) already translated.
/// </summary>
public sealed class ChartText : ILocalizedText;
