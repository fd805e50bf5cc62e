using Cocreo.Web.Features.Processes;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Notifications;

/// <summary>What a notification says, in the current language (a page's or a recipient's).</summary>
public static class NotificationWords
{
    /// <summary>The words of a notification; <paramref name="subject"/> is its subject's title in the reader's language when known (<see cref="NotificationSubjects"/>).</summary>
    public static string Say(IStringLocalizer<NotificationText> t, IStringLocalizer<ProcessText> processText, Notification n, string processTitle, string? subject = null) =>
        Words(t, processText, n, processTitle, subject ?? n.Subject);

    private static string Words(IStringLocalizer<NotificationText> t, IStringLocalizer<ProcessText> processText, Notification n, string processTitle, string subject) => n.Event switch
    {
        "phase.advanced" => t["“{0}” moved to the phase {1}.", processTitle, Enum.TryParse<PolicyPhase>(n.Detail, out var phase) ? ProcessNames.Phase(processText, phase) : n.Detail],
        "process.closed" => t["“{0}” was closed.", processTitle],
        "announcement.published" => t["“{0}” published an announcement: {1}", processTitle, subject],
        "budget.voting-opened" => t["Voting opened on the budget “{0}”.", subject],
        "budget.voting-closed" => t["Voting closed on the budget “{0}”.", subject],
        "budget.results-published" => t["The results of the budget “{0}” are published.", subject],
        "proposal.reviewed" when n.Detail.StartsWith("feasible:", StringComparison.Ordinal) =>
            t["The proposal “{0}” was found feasible: {1}", subject, n.Detail["feasible:".Length..]],
        "proposal.reviewed" => t["The proposal “{0}” was found not feasible: {1}", subject, n.Detail[(n.Detail.IndexOf(':', StringComparison.Ordinal) + 1)..]],
        "proposal.answered" when n.Detail.StartsWith("accepted:", StringComparison.Ordinal) =>
            t["The proposal “{0}” was accepted: {1}", subject, n.Detail["accepted:".Length..]],
        "proposal.answered" when n.Detail.StartsWith("rejected:", StringComparison.Ordinal) =>
            t["The proposal “{0}” was rejected: {1}", subject, n.Detail["rejected:".Length..]],
        "proposal.answered" => t["The proposal “{0}” is being evaluated: {1}", subject, n.Detail[(n.Detail.IndexOf(':', StringComparison.Ordinal) + 1)..]],
        "proposal.merged" => t["The proposal “{0}” was merged into “{1}”.", subject, n.Detail],
        "proposal.commented" => t["A new comment on the proposal “{0}”.", subject],
        "process.commented" => t["A new comment on the problem and purpose of “{0}”.", subject],
        "debate.synthesis-written" => t["The organisation published a synthesis of the debate on “{0}”.", subject],
        "text.published" => t["Version {1} of the text “{0}” is published.", subject, n.Detail],
        "text-section.commented" => t["A new comment on the section “{0}”.", subject],
        "amendment.commented" => t["A new comment on the amendment “{0}”.", subject],
        "comment.replied" => t["Someone replied to your comment on “{0}”.", subject],
        "amendment.proposed" => t["Someone proposed an amendment to “{0}”.", subject],
        "amendment.accepted" => t["Your amendment to “{0}” was accepted.", subject],
        "amendment.rejected" => t["Your amendment to “{0}” was rejected: {1}", subject, n.Detail],
        "meeting.planned" => t["A meeting is planned in “{0}”: {1}.", processTitle, subject],
        "meeting.changed" => t["The meeting “{0}” you registered for has changed: check its time and place.", subject],
        "meeting.report.published" => t["The report of the meeting “{0}” is published.", subject],
        "meeting.cancelled" => t["The meeting “{0}” in “{1}” is cancelled.", subject, processTitle],
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
