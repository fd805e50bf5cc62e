using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Amendments;

/// <summary>The strings of amendments and versions (AmendmentsText.sl.resx).</summary>
public sealed class AmendmentsText : ILocalizedText;
