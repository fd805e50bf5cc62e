using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Meetings.Profiles;

/// <summary>The strings of mixing attributes, answers and representativeness (ProfileText.sl.resx).</summary>
public sealed class ProfileText : ILocalizedText;
