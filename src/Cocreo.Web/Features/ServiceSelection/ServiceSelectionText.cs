using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>The strings of Co-Serve (ServiceSelectionText.sl.resx).</summary>
public sealed class ServiceSelectionText : ILocalizedText;
