using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>The strings of Co-Master (ProcessQualityText.sl.resx).</summary>
public sealed class ProcessQualityText : ILocalizedText;
