using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Commitments;

/// <summary>What someone may do with a process's commitments.</summary>
public enum CommitmentAction
{
    /// <summary>Read the commitments (whoever sees the process).</summary>
    View,

    /// <summary>Make a commitment, change what it says, add and tick off its milestones.</summary>
    Manage,

    /// <summary>Move a commitment's status (planned, in progress, done, delayed, dropped).</summary>
    ChangeStatus,
}

/// <summary>
/// The one place that decides who may do what with a process's commitments. Commitments are what follows a process,
/// so they stay open after it closes; an archived process no longer changes.
/// </summary>
public static class CommitmentPermissions
{
    public static bool Allows(CommitmentAction action, Process process, ProcessAccess who, Commitment? commitment = null) =>
        Decide(action, process, who, commitment).IsAllowed;

    public static Decision Decide(CommitmentAction action, Process process, ProcessAccess who, Commitment? commitment = null)
    {
        var view = ProcessPermissions.Decide(ProcessAction.View, process, who);
        if (!view.IsAllowed || action == CommitmentAction.View)
        {
            return view;
        }
        if (process.IsArchived)
        {
            return ProcessPermissions.Archived;
        }
        return action switch
        {
            CommitmentAction.Manage => who.Runs
                ? Decision.Allowed
                : NotYours("Only the process's owner and facilitators, and the organisation's administrators, make and change commitments."),
            // The taskholder says where their own commitment stands.
            CommitmentAction.ChangeStatus => who.Runs || (who.UserId is { } user && commitment?.TaskholderUserId == user)
                ? Decision.Allowed
                : NotYours("Only the commitment's taskholder and the process's team change where it stands."),
            _ => NotYours("This change is not allowed."),
        };
    }

    private static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(CommitmentPermissions));
}
