using Cocreo.Web.Features.Processes;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Notifications;

/// <summary>What a notification says, in the current language (a page's or a recipient's).</summary>
public static class NotificationWords
{
    public static string Say(IStringLocalizer<NotificationText> t, IStringLocalizer<ProcessText> processText, Notification n, string processTitle) => n.Event switch
    {
        "phase.advanced" => t["“{0}” moved to the phase {1}.", processTitle, Enum.TryParse<PolicyPhase>(n.Detail, out var phase) ? ProcessNames.Phase(processText, phase) : n.Detail],
        "process.closed" => t["“{0}” was closed.", processTitle],
        "announcement.published" => t["“{0}” published an announcement: {1}", processTitle, n.Subject],
        "budget.voting-opened" => t["Voting opened on the budget “{0}”.", n.Subject],
        "budget.voting-closed" => t["Voting closed on the budget “{0}”.", n.Subject],
        "budget.results-published" => t["The results of the budget “{0}” are published.", n.Subject],
        "proposal.reviewed" when n.Detail.StartsWith("feasible:", StringComparison.Ordinal) =>
            t["The proposal “{0}” was found feasible: {1}", n.Subject, n.Detail["feasible:".Length..]],
        "proposal.reviewed" => t["The proposal “{0}” was found not feasible: {1}", n.Subject, n.Detail[(n.Detail.IndexOf(':', StringComparison.Ordinal) + 1)..]],
        "proposal.merged" => t["The proposal “{0}” was merged into “{1}”.", n.Subject, n.Detail],
        "proposal.commented" => t["A new comment on the proposal “{0}”.", n.Subject],
        "content.hidden" => t["The moderators hid something you posted: {0}", n.Detail],
        "content.hidden-by-reports" => t["Something you posted was hidden after reports from several people, until the moderators look at it."],
        _ => n.Event,
    };

    public static string Frequency(IStringLocalizer<NotificationText> t, EmailFrequency frequency) => frequency switch
    {
        EmailFrequency.Immediately => t["At once, one e-mail for each"],
        EmailFrequency.Daily => t["A daily digest"],
        EmailFrequency.Weekly => t["A weekly digest (Mondays)"],
        _ => t["No e-mail (only here)"],
    };
}
