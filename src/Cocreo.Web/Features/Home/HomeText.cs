using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Home;

/// <summary>The strings of the home, about and error pages (HomeText.sl.resx).</summary>
public sealed class HomeText : ILocalizedText;
