using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Moderation;

/// <summary>The strings of moderation (ModerationText.sl.resx).</summary>
public sealed class ModerationText : ILocalizedText;
