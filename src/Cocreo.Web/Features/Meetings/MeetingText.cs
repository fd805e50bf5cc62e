using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Meetings;

/// <summary>The strings of meetings (MeetingText.sl.resx).</summary>
public sealed class MeetingText : ILocalizedText;
