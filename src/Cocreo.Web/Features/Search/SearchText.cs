using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Search;

/// <summary>The strings of search (SearchText.sl.resx).</summary>
public sealed class SearchText : ILocalizedText;
