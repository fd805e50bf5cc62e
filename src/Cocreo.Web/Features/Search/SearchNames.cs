using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Search;

public static class SearchNames
{
    public static string Kind(IStringLocalizer<SearchText> t, SearchKind kind) => kind switch
    {
        SearchKind.Process => t["Process"],
        SearchKind.Announcement => t["Announcement"],
        SearchKind.Proposal => t["Budget proposal"],
        SearchKind.Comment => t["Comment"],
        SearchKind.Contribution => t["Journey idea"],
        SearchKind.Amendment => t["Amendment"],
        SearchKind.TextSection => t["Section of a participatory text"],
        SearchKind.HarvestItem => t["From a meeting's harvest"],
        _ => kind.ToString(),
    };
}
