using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Readiness;

/// <summary>The strings of Co-Ready (ReadinessText.sl.resx).</summary>
public sealed class ReadinessText : ILocalizedText;
