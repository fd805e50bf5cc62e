using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Moderation;

/// <summary>The words for moderation's values, in the reader's language.</summary>
public static class ModerationNames
{
    public static string Reason(IStringLocalizer<ModerationText> t, ReportReason reason) => reason switch
    {
        ReportReason.Spam => t["Spam or advertising"],
        ReportReason.Offensive => t["Offensive, hateful or a personal attack"],
        ReportReason.OffTopic => t["Not about this subject"],
        _ => t["Something else"],
    };

    /// <summary>What kind of content an item is, in words.</summary>
    public static string Kind(IStringLocalizer<ModerationText> t, string kind) => kind switch
    {
        "budgeting/comment" => t["Comment"],
        "budgeting/proposal" => t["Proposal"],
        "journeys/contribution" => t["Contribution"],
        _ => kind,
    };
}
