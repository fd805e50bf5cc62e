using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Amendments;

/// <summary>The words for an amendment's state.</summary>
public static class AmendmentNames
{
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
