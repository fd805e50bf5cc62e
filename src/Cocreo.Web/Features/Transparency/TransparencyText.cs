using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Transparency;

/// <summary>The strings of the public log and reflections (TransparencyText.sl.resx).</summary>
public sealed class TransparencyText : ILocalizedText;
