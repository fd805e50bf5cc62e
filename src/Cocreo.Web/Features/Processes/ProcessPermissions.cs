using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Processes;

/// <summary>What someone may do with a process.</summary>
public enum ProcessAction
{
    View,
    ViewMembers,
    Edit,
    ManagePhases,
    ManageMembers,
    Announce,
    Reflect,
    Join,
    Leave,

    /// <summary>Archive the process or take it out of the archive.</summary>
    Archive,

    /// <summary>Delete the process (while nobody has taken part in it).</summary>
    Delete,

    /// <summary>Start or end a workshop session, and register people on site.</summary>
    RunWorkshop,
}

/// <summary>Who someone is with respect to one process: the facts its permissions depend on.</summary>
public sealed record ProcessAccess(string? UserId, bool IsPlatformAdmin, OrganisationRole? OrganisationRole, ProcessRole? Role)
{
    public static ProcessAccess Anonymous { get; } = new(null, false, null, null);

    public bool IsAuthenticated => UserId is not null;

    /// <summary>
    /// The process's organisation is suspended by the platform: hidden from the public, read-only for its insiders and
    /// platform administrators (a fact about the process's situation that every permission of a process depends on).
    /// </summary>
    public bool OrganisationSuspended { get; init; }

    /// <summary>Runs the process: its owner or a facilitator.</summary>
    public bool IsProcessTeam => Role is ProcessRole.Owner or ProcessRole.Facilitator;

    /// <summary>Runs the process, or may run it: its team, the organisation's administrators, platform administrators.</summary>
    public bool Runs => IsPlatformAdmin || IsProcessTeam || OrganisationRole == Organisations.OrganisationRole.Administrator;

    /// <summary>Works for the organisation, or runs the process.</summary>
    public bool IsInsider => OrganisationRole is not null || IsProcessTeam;
}

/// <summary>
/// The one place that decides who may do what with a process; pages, API endpoints and tests all ask it. A refusal
/// says why: a process this person may not see does not exist for them; otherwise the reason is either who they
/// are or the state of the process.
/// </summary>
public static class ProcessPermissions
{
    public static bool Allows(ProcessAction action, Process process, ProcessAccess who) => Decide(action, process, who).IsAllowed;

    public static bool Allows(ProcessAction action, ProcessVisibility visibility, bool isClosed, ProcessAccess who) =>
        Decide(action, visibility, isClosed, who).IsAllowed;

    public static Decision Decide(ProcessAction action, Process process, ProcessAccess who) =>
        process.IsArchived && action is not (ProcessAction.View or ProcessAction.ViewMembers or ProcessAction.Archive)
            ? (CanSee(process.Visibility, who) ? Archived : Decision.Hidden)
            : Decide(action, process.Visibility, process.IsClosed, who);

    /// <summary>The refusal of every change to an archived process.</summary>
    public static Decision Archived { get; } = Decision.NotNow("This process is archived: it can no longer change.", typeof(ProcessPermissions));

    public static Decision Decide(ProcessAction action, ProcessVisibility visibility, bool isClosed, ProcessAccess who)
    {
        if (!CanSee(visibility, who))
        {
            return Decision.Hidden;
        }
        if (who.OrganisationSuspended && action is not (ProcessAction.View or ProcessAction.ViewMembers))
        {
            return OrganisationPermissions.Suspended;
        }
        return action switch
        {
            ProcessAction.View => Decision.Allowed,
            ProcessAction.ViewMembers => who.IsPlatformAdmin || who.OrganisationRole is not null || who.IsProcessTeam
                ? Decision.Allowed
                : NotYours("Only the process's team and the organisation's staff see who takes part."),
            ProcessAction.Edit or ProcessAction.ManagePhases or ProcessAction.Announce => !who.Runs
                ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, run the process.")
                : Open(isClosed),
            ProcessAction.ManageMembers => !(who.IsPlatformAdmin || who.Role == ProcessRole.Owner || who.OrganisationRole == OrganisationRole.Administrator)
                ? NotYours("Only the process's owner and the organisation's administrators give people roles.")
                : Open(isClosed),
            // Reflections and learnings matter most after the end, so they stay open for the team.
            ProcessAction.Reflect => who.IsProcessTeam ? Decision.Allowed : NotYours("Only the process's owner and facilitators add reflections."),
            ProcessAction.Join => !who.IsAuthenticated ? NotYours("Sign in to join the process.")
                : who.Role is not null ? Decision.NotNow("You already take part in this process.", typeof(ProcessPermissions))
                : visibility == ProcessVisibility.Private ? NotYours("This process is private: its team adds its members.")
                : Open(isClosed),
            ProcessAction.Leave => who.Role is not null ? Decision.Allowed : NotYours("You do not take part in this process."),
            // Also closed processes: archiving is what happens after the end.
            ProcessAction.Archive => who.IsPlatformAdmin || who.Role == ProcessRole.Owner || who.OrganisationRole == OrganisationRole.Administrator
                ? Decision.Allowed
                : NotYours("Only the process's owner and the organisation's administrators archive the process."),
            // Only its owner: deleting is undoing one's own mistake. Whether people took part is the handler's rule.
            ProcessAction.Delete => who.Role == ProcessRole.Owner
                ? Decision.Allowed
                : NotYours("Only the process's owner deletes the process."),
            ProcessAction.RunWorkshop => !who.IsProcessTeam
                ? NotYours("Only the process's owner and facilitators run a workshop.")
                : Open(isClosed),
            _ => NotYours("This change is not allowed."),
        };
    }

    /// <summary>
    /// Whether someone may see a process at all: a private one only its organisation, members and admins; one of a
    /// suspended organisation only its organisation's staff, its team and platform administrators (for the public it
    /// is taken down: 404).
    /// </summary>
    public static bool CanSee(ProcessVisibility visibility, ProcessAccess who) =>
        who.OrganisationSuspended
            ? who.IsPlatformAdmin || who.IsInsider
            : visibility != ProcessVisibility.Private || who.IsPlatformAdmin || who.OrganisationRole is not null || who.Role is not null;

    /// <summary>Refused because the process is closed, else allowed.</summary>
    public static Decision Open(bool isClosed) =>
        isClosed ? Decision.NotNow("The process is closed: it can no longer change.", typeof(ProcessPermissions)) : Decision.Allowed;

    private static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(ProcessPermissions));
}
