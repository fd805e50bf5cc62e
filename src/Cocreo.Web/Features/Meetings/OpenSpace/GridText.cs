using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Meetings.OpenSpace;

/// <summary>The strings of the Open Space grid (GridText.sl.resx).</summary>
public sealed class GridText : ILocalizedText;
