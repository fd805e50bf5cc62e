using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Proposals;

/// <summary>What someone may do with a process's proposals.</summary>
public enum ProposalAction
{
    /// <summary>Read the proposals (once the team turned them on).</summary>
    View,

    /// <summary>Turn proposals on, open or close them, set supports and their limit.</summary>
    Configure,

    /// <summary>Put forward a new proposal.</summary>
    Propose,

    /// <summary>Support a proposal or withdraw one's support.</summary>
    Support,

    /// <summary>Give the organisation's public answer (evaluating, accepted, rejected) and merge duplicates.</summary>
    Answer,

    /// <summary>Withdraw one's own proposal.</summary>
    Withdraw,
}

/// <summary>
/// The one place that decides who may do what with a process's proposals, on the process as it is (visible, closed,
/// archived: <see cref="ProcessPermissions"/>), its proposal settings and, for a proposal, the proposal itself.
/// </summary>
public static class ProposalPermissions
{
    public static Decision Decide(ProposalAction action, Process process, ProcessAccess who, ProposalSettings? settings, Proposal? proposal = null)
    {
        var view = ProcessPermissions.Decide(ProcessAction.View, process, who);
        if (!view.IsAllowed)
        {
            return view;
        }
        if (action == ProposalAction.Configure)
        {
            return ProcessPermissions.Decide(ProcessAction.Edit, process, who);
        }
        if (settings is null)
        {
            // Proposals not turned on: nothing to see, for the team a page to turn them on.
            return Decision.Hidden;
        }
        if (proposal is not null && proposal.IsBudgetProject)
        {
            return Decision.Hidden;
        }
        return action switch
        {
            ProposalAction.View => Decision.Allowed,
            ProposalAction.Propose => !who.IsAuthenticated ? NotYours("Sign in to put forward a proposal.")
                : ProcessPermissions.Decide(ProcessAction.View, process, who).And(() => Writable(process))
                    .And(() => settings.Open ? Decision.Allowed : NotNow("This process is not taking new proposals now.")),
            ProposalAction.Support => !who.IsAuthenticated ? NotYours("Sign in to support proposals.")
                : Writable(process)
                    .And(() => settings.SupportsEnabled ? Decision.Allowed : NotNow("Supports are turned off in this process."))
                    .And(() => proposal is null || proposal.IsOpen ? Decision.Allowed : NotNow("This proposal is merged or withdrawn: it takes no supports.")),
            ProposalAction.Answer => who.Runs
                ? Writable(process)
                : NotYours("Only the process's owner and facilitators, and the organisation's administrators, answer proposals."),
            ProposalAction.Withdraw => !who.IsAuthenticated ? NotYours("Sign in to withdraw your proposal.")
                : proposal is not null && proposal.AuthorUserId != who.UserId ? NotYours("Only its author withdraws a proposal; the moderators can hide it.")
                : Writable(process),
            _ => NotYours("This change is not allowed."),
        };
    }

    /// <summary>Refused when the process is closed, archived or its organisation suspended.</summary>
    public static Decision Writable(Process process) =>
        process.IsArchived ? ProcessPermissions.Archived : ProcessPermissions.Open(process.IsClosed);

    private static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(ProposalPermissions));

    private static Decision NotNow(string reason) => Decision.NotNow(reason, typeof(ProposalPermissions));
}
