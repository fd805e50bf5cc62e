using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The strings of journey mapping (JourneyText.sl.resx).</summary>
public sealed class JourneyText : ILocalizedText;
