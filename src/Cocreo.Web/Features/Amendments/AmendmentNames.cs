using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Amendments;

/// <summary>The words for an amendment's state and name.</summary>
public static class AmendmentNames
{
    /// <summary>An amendment's amended title, or "Amendment 12" when the amended thing has no title (a text's preamble).</summary>
    public static string Name(IStringLocalizer<AmendmentsText> t, string title, int id) => title.Length > 0 ? title : t["Amendment {0}", id];

    public static string Status(IStringLocalizer<AmendmentsText> t, Amendment a, int currentVersion) => a.Status switch
    {
        AmendmentStatus.Open when a.NeedsRebase(currentVersion) => t["Open · needs rebasing onto version {0}", currentVersion],
        AmendmentStatus.Open => t["Open"],
        AmendmentStatus.Accepted => t["Accepted (version {0})", a.ResultVersion ?? 0],
        AmendmentStatus.Rejected when a.PromotedProposalId is not null => t["Rejected · became its own proposal"],
        AmendmentStatus.Rejected => t["Rejected"],
        _ => t["Withdrawn"],
    };
}
