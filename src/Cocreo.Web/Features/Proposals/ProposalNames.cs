using Cocreo.Web.Features.Budgeting;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>A proposal's status in words.</summary>
public static class ProposalNames
{
    public static string Status(IStringLocalizer<ProposalsText> t, Proposal p) => p.IsWithdrawn ? t["Withdrawn"] : p.Status switch
    {
        ProposalStatus.Evaluating => t["Evaluating"],
        ProposalStatus.Accepted => t["Accepted"],
        ProposalStatus.Rejected => t["Rejected"],
        ProposalStatus.Merged => t["Merged"],
        _ => t["Not answered yet"],
    };

    public static string Order(IStringLocalizer<ProposalsText> t, ProposalOrder order) => order switch
    {
        ProposalOrder.MostSupported => t["Most supported"],
        ProposalOrder.Random => t["Random"],
        _ => t["Newest"],
    };
}
