using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>The strings of participatory texts (ParticipatoryTextsText.sl.resx).</summary>
public sealed class ParticipatoryTextsText : ILocalizedText;
