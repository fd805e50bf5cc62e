using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Meetings.Report;

/// <summary>The strings of a meeting's report (ReportText.sl.resx).</summary>
public sealed class ReportText : ILocalizedText;
