using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Debate;

/// <summary>The strings of debates (DebateText.sl.resx).</summary>
public sealed class DebateText : ILocalizedText;

/// <summary>The debate's words for its enums.</summary>
public static class DebateNames
{
    public static string Alignment(Microsoft.Extensions.Localization.IStringLocalizer<DebateText> t, Alignment alignment) => alignment switch
    {
        Debate.Alignment.For => t["For"],
        Debate.Alignment.Against => t["Against"],
        _ => t["Neutral"],
    };

    public static string Sort(Microsoft.Extensions.Localization.IStringLocalizer<DebateText> t, DebateSort sort) => sort switch
    {
        DebateSort.Best => t["Best"],
        DebateSort.Discussed => t["Most discussed"],
        DebateSort.Bridging => t["Bridging"],
        _ => t["Oldest"],
    };
}
