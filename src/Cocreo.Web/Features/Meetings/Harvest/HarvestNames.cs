using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>The words for the harvest's kinds.</summary>
public static class HarvestNames
{
    public static string Kind(IStringLocalizer<HarvestText> t, HarvestKind kind) => kind switch
    {
        HarvestKind.Idea => t["Idea"],
        HarvestKind.Question => t["Question"],
        HarvestKind.Decision => t["Decision"],
        _ => t["Note"],
    };
}
