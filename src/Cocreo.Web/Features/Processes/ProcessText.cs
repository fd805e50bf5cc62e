using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The strings of processes (ProcessText.sl.resx).</summary>
public sealed class ProcessText : ILocalizedText;
