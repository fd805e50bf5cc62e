using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Meetings.OpenSpace;

/// <summary>What someone may do with a meeting's Open Space grid.</summary>
public enum GridAction
{
    /// <summary>Read the grid: slots, spaces, sessions with their conveners' names, reports.</summary>
    View,

    /// <summary>Post a session onto a free cell at the marketplace (and become its convener).</summary>
    Post,

    /// <summary>Move a session to another free cell, or withdraw it.</summary>
    Convene,

    /// <summary>Write a session's report.</summary>
    Report,

    /// <summary>Add or remove the grid's spaces.</summary>
    ManageSpaces,
}

/// <summary>The facts the grid's permissions depend on: the meeting's, whether the person has a place at it, and whether they convene the session concerned.</summary>
public sealed record GridSubject(MeetingSubject Meeting, bool IsParticipant, bool IsConvener);

/// <summary>
/// Who may do what with the grid. Whoever may see the meeting reads it. People registered for the meeting (with a
/// place) and the process's team post sessions while the marketplace is open (the process open, the meeting neither
/// cancelled nor over). A session's convener and the team move or withdraw it while the marketplace is open, and write
/// its report (also after the meeting). The team (owner, facilitators, the organisation's administrators, platform
/// administrators) manages the spaces.
/// </summary>
public static class GridPermissions
{
    public static bool Allows(GridAction action, GridSubject subject, ProcessAccess who) => Decide(action, subject, who).IsAllowed;

    public static Decision Decide(GridAction action, GridSubject subject, ProcessAccess who)
    {
        var meeting = subject.Meeting;
        if (!ProcessPermissions.CanSee(meeting.Visibility, who))
        {
            return Decision.Hidden;
        }
        if (action == GridAction.View)
        {
            return Decision.Allowed;
        }
        if (meeting.ProcessArchived)
        {
            return ProcessPermissions.Archived;
        }
        return action switch
        {
            GridAction.Post => !who.IsAuthenticated
                ? NotYours("Sign in to post a session.")
                : !(who.Runs || subject.IsParticipant)
                    ? NotYours("Only people registered for the meeting and the process's team post sessions.")
                    : Marketplace(meeting),
            GridAction.Convene => !who.IsAuthenticated
                ? NotYours("Sign in to change your session.")
                : !(who.Runs || subject.IsConvener)
                    ? NotYours("Only the session's convener and the process's team move or withdraw it.")
                    : Marketplace(meeting),
            GridAction.Report => !who.IsAuthenticated
                ? NotYours("Sign in to write the session's report.")
                : !(who.Runs || subject.IsConvener)
                    ? NotYours("Only the session's convener and the process's team write its report.")
                    : meeting.Cancelled ? NotNow("This meeting is cancelled.") : Decision.Allowed,
            GridAction.ManageSpaces => !who.Runs
                ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, manage the grid's spaces.")
                : Marketplace(meeting),
            _ => NotYours("This change is not allowed."),
        };
    }

    private static Decision Marketplace(MeetingSubject meeting) =>
        ProcessPermissions.Open(meeting.ProcessClosed).And(() => meeting switch
        {
            { Cancelled: true } => NotNow("This meeting is cancelled."),
            { Ended: true } => NotNow("The marketplace is closed: the meeting is over. Conveners can still write their sessions' reports."),
            _ => Decision.Allowed,
        });

    private static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(GridPermissions));

    private static Decision NotNow(string reason) => Decision.NotNow(reason, typeof(GridPermissions));
}
