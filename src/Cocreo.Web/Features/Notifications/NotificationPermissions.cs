using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Notifications;

/// <summary>What someone may do about notifications.</summary>
public enum NotificationAction
{
    /// <summary>Follow (or stop following) a process, a budget or a proposal.</summary>
    Follow,
}

/// <summary>
/// Who may follow: anyone signed in who may see the process the subject belongs to. Reading, marking and choosing
/// e-mails concern only one's own notifications (the pages ask nothing else); unsubscribing needs the signed link.
/// </summary>
public static class NotificationPermissions
{
    public static Decision Decide(NotificationAction action, ProcessVisibility visibility, ProcessAccess who) =>
        !ProcessPermissions.CanSee(visibility, who) ? Decision.Hidden
        : action == NotificationAction.Follow && !who.IsAuthenticated ? Decision.NotYours("Sign in to follow it.", typeof(NotificationPermissions))
        : Decision.Allowed;
}
