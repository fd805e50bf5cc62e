using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>The strings of run sheets (RunSheetText.sl.resx); the meetings' own strings stay in <see cref="MeetingText"/>.</summary>
public sealed class RunSheetText : ILocalizedText;
