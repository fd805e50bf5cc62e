using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Commitments;

/// <summary>The words for a commitment's status, in the reader's language.</summary>
public static class CommitmentNames
{
    public static string Status(IStringLocalizer<CommitmentText> t, CommitmentStatus status) => status switch
    {
        CommitmentStatus.Planned => t["Planned"],
        CommitmentStatus.InProgress => t["In progress"],
        CommitmentStatus.Done => t["Done"],
        CommitmentStatus.Delayed => t["Delayed"],
        CommitmentStatus.Dropped => t["Dropped"],
        _ => status.ToString(),
    };
}
