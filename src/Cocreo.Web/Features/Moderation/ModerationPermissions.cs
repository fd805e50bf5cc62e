using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Moderation;

/// <summary>What someone may do about content people post.</summary>
public enum ModerationAction
{
    /// <summary>Tell the moderators that something breaks the rules.</summary>
    Report,

    /// <summary>See the reports, hide content with a public reason, show it again, dismiss reports.</summary>
    Moderate,
}

/// <summary>
/// The one place that decides who may report and who moderates. Moderation goes on after a process closes (what
/// was posted stays public, so it stays answerable); a suspended organisation's processes change not at all (the
/// platform's guard).
/// </summary>
public static class ModerationPermissions
{
    public static bool Allows(ModerationAction action, Process process, ProcessAccess who) => Decide(action, process.Visibility, who).IsAllowed;

    public static Decision Decide(ModerationAction action, ProcessVisibility visibility, ProcessAccess who)
    {
        if (!ProcessPermissions.CanSee(visibility, who))
        {
            return Decision.Hidden;
        }
        return action switch
        {
            ModerationAction.Report => who.IsAuthenticated ? Decision.Allowed : Decision.NotYours("Sign in to report something to the moderators.", typeof(ModerationPermissions)),
            ModerationAction.Moderate => who.Runs
                ? Decision.Allowed
                : Decision.NotYours("Only the process's owner and facilitators, and the organisation's administrators, moderate what people post in it.", typeof(ModerationPermissions)),
            _ => Decision.NotYours("This change is not allowed.", typeof(ModerationPermissions)),
        };
    }

    /// <summary>Reporting one item: anyone signed in who sees it, but not its author, and only while it is shown.</summary>
    public static Decision DecideReport(ContentTarget target)
    {
        var who = target.Access;
        return Decide(ModerationAction.Report, target.Process.Visibility, who)
            .And(() => target.Item.AuthorUserId == who.UserId
                ? Decision.NotYours("You cannot report what you wrote; you can edit or delete it.", typeof(ModerationPermissions))
                : Decision.Allowed)
            .And(() => target.Case?.WasReportedBy(who.UserId!) == true ? Decision.Allowed   // a repeat: counted once, nothing changes
                : target.Item.Deleted ? Decision.NotNow("Its author deleted it.", typeof(ModerationPermissions))
                : target.Case is { IsShown: false } ? Decision.NotNow("The moderators have hidden it already.", typeof(ModerationPermissions))
                : Decision.Allowed);
    }
}
