using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Meetings;

/// <summary>What someone may do with a meeting.</summary>
public enum MeetingAction
{
    /// <summary>Read the meeting, its place and its calendar file.</summary>
    View,

    /// <summary>Register (or join the waiting list), change one's needs, cancel one's registration.</summary>
    Register,

    /// <summary>Plan a meeting in the process.</summary>
    Create,

    /// <summary>Change or cancel the meeting.</summary>
    Edit,

    /// <summary>See who registered, their needs and the attendance; check people in; add walk-ins.</summary>
    Organise,
}

/// <summary>The facts about a meeting, its process and the time that permissions depend on.</summary>
public sealed record MeetingSubject(ProcessVisibility Visibility, bool ProcessClosed, bool ProcessArchived, bool Cancelled, bool RegistrationOpen, bool Ended)
{
    public static MeetingSubject Of(Process process, Meeting? meeting, DateTime now) =>
        new(process.Visibility, process.IsClosed, process.IsArchived, meeting?.IsCancelled ?? false, meeting?.RegistrationOpen ?? true, meeting?.HasEnded(now) ?? false);
}

/// <summary>
/// The one place that decides who may do what with a meeting; pages, endpoints, handlers and tests all ask it. Who may
/// see the process may see its meetings; signed-in people who may see it register while registration is open; the
/// process's team (owner, facilitators, the organisation's administrators, platform administrators) plans and runs them.
/// </summary>
public static class MeetingPermissions
{
    public static bool Allows(MeetingAction action, MeetingSubject subject, ProcessAccess who) => Decide(action, subject, who).IsAllowed;

    public static Decision Decide(MeetingAction action, MeetingSubject subject, ProcessAccess who)
    {
        if (!ProcessPermissions.CanSee(subject.Visibility, who))
        {
            return Decision.Hidden;
        }
        if (action != MeetingAction.View && subject.ProcessArchived)
        {
            return ProcessPermissions.Archived;
        }
        return action switch
        {
            MeetingAction.View => Decision.Allowed,
            MeetingAction.Register => !who.IsAuthenticated
                ? NotYours("Sign in to register for this meeting.")
                : ProcessPermissions.Open(subject.ProcessClosed).And(() => subject switch
                {
                    { Cancelled: true } => NotNow("This meeting is cancelled."),
                    { Ended: true } => NotNow("This meeting is over."),
                    { RegistrationOpen: false } => NotNow("Registration for this meeting is closed."),
                    _ => Decision.Allowed,
                }),
            MeetingAction.Create => !who.Runs
                ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, plan meetings.")
                : ProcessPermissions.Open(subject.ProcessClosed),
            MeetingAction.Edit => !who.Runs
                ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, change meetings.")
                : ProcessPermissions.Open(subject.ProcessClosed).And(() => subject.Cancelled ? NotNow("This meeting is cancelled.") : Decision.Allowed),
            // Attendance is taken at the door and counted afterwards, also once the process has closed.
            MeetingAction.Organise => who.Runs
                ? (subject.Cancelled ? NotNow("This meeting is cancelled.") : Decision.Allowed)
                : NotYours("Only the process's owner and facilitators, and the organisation's administrators, see registrations and check people in."),
            _ => NotYours("This change is not allowed."),
        };
    }

    private static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(MeetingPermissions));

    private static Decision NotNow(string reason) => Decision.NotNow(reason, typeof(MeetingPermissions));
}
