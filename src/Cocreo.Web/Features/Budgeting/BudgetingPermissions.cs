using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>What someone may do with a participatory budget.</summary>
public enum BudgetAction
{
    View,

    /// <summary>Create budgets, change their settings before voting, upload the census, move phases, publish results.</summary>
    Manage,
    Propose,
    Support,
    Comment,

    /// <summary>Edit one's own comment (only while proposals are collected and reviewed; deleting it is <see cref="Comment"/>).</summary>
    EditOwnComment,

    /// <summary>Edit one's own proposal's title and description (while proposals are collected and it is not reviewed yet).</summary>
    EditOwnProposal,

    /// <summary>Withdraw one's own proposal (until voting opens).</summary>
    WithdrawOwnProposal,

    /// <summary>Add or remove pictures of one's own proposal (staff do it for any proposal while they may review).</summary>
    IllustrateOwnProposal,

    /// <summary>Translate one's own proposal into another language (the team translates any proposal, as <see cref="Manage"/>).</summary>
    TranslateOwnProposal,

    /// <summary>Review proposals (feasible or not, final cost) and merge duplicates.</summary>
    Review,

    /// <summary>Enter or confirm paper ballots, and mark census voters who voted on paper.</summary>
    EnterPaperBallots,
    ReportProgress,
}

/// <summary>The facts about a budget that its permissions depend on.</summary>
public sealed record BudgetFacts(BudgetPhase Phase, bool ResultsPublished, bool ProcessClosed, ProcessVisibility Visibility);

/// <summary>
/// The one place that decides who may do what with a budget; pages, API endpoints and tests ask it. Whether a person
/// may vote also depends on the census, so <see cref="Voting"/> decides that.
/// </summary>
public static class BudgetingPermissions
{
    public static bool Allows(BudgetAction action, BudgetFacts budget, ProcessAccess who) => Decide(action, budget, who).IsAllowed;

    /// <summary>
    /// Whether <paramref name="who"/> may do <paramref name="action"/> with the budget as it is now: hidden when they
    /// may not see its process; otherwise refused with the real reason (who they are, or the budget's phase).
    /// </summary>
    public static Decision Decide(BudgetAction action, BudgetFacts budget, ProcessAccess who)
    {
        if (!ProcessPermissions.Allows(ProcessAction.View, budget.Visibility, budget.ProcessClosed, who))
        {
            return Decision.Hidden;
        }
        if (action == BudgetAction.View)
        {
            return Decision.Allowed;
        }
        if (budget.ProcessClosed)
        {
            return Decision.NotNow("The process is closed: it can no longer change.", typeof(BudgetingPermissions));
        }
        var runs = who.IsPlatformAdmin || who.IsProcessTeam || who.OrganisationRole == OrganisationRole.Administrator;
        return action switch
        {
            BudgetAction.Manage => Team(runs),
            BudgetAction.Review => Team(runs).And(() => When(budget.Phase is BudgetPhase.Proposals or BudgetPhase.Review,
                "Voting has opened: proposals can no longer be reviewed or merged.")),
            BudgetAction.Propose => Resident(who).And(() => When(budget.Phase == BudgetPhase.Proposals, "This budget is not collecting proposals now.")),
            BudgetAction.Support => Resident(who).And(() => When(budget.Phase is BudgetPhase.Proposals or BudgetPhase.Review,
                "Proposals can be supported only while they are collected and reviewed; this budget has moved on.")),
            BudgetAction.Comment => Resident(who),
            BudgetAction.EditOwnComment => Resident(who).And(() => When(budget.Phase is BudgetPhase.Proposals or BudgetPhase.Review,
                "Comments can be edited while proposals are collected and reviewed; this budget has moved on. You can still delete yours.")),
            BudgetAction.EditOwnProposal => Resident(who).And(() => When(budget.Phase == BudgetPhase.Proposals,
                "Proposals can be edited by their authors only while the budget collects proposals.")),
            BudgetAction.WithdrawOwnProposal => Resident(who).And(() => When(budget.Phase is BudgetPhase.Proposals or BudgetPhase.Review,
                "Voting has opened: a proposal can no longer be withdrawn.")),
            BudgetAction.IllustrateOwnProposal => Resident(who).And(() => When(budget.Phase == BudgetPhase.Proposals,
                "Pictures can be added and removed only while the budget collects proposals.")),
            BudgetAction.TranslateOwnProposal => Resident(who),
            BudgetAction.EnterPaperBallots => Team(runs).And(() => When(budget.Phase == BudgetPhase.Voting || (budget.Phase == BudgetPhase.Results && !budget.ResultsPublished),
                "Paper ballots can be entered while voting is open and until the results are published.")),
            BudgetAction.ReportProgress => Team(runs).And(() => When(budget.ResultsPublished, "Progress can be reported once the results are published.")),
            _ => Decision.NotYours("This change is not allowed.", typeof(BudgetingPermissions)),
        };
    }

    /// <summary>Whether creating budgets in this process is allowed (the same people who manage them).</summary>
    public static bool MayCreateBudget(Process process, ProcessAccess who) => DecideCreate(process, who).IsAllowed;

    public static Decision DecideCreate(Process process, ProcessAccess who) =>
        Decide(BudgetAction.Manage, new BudgetFacts(BudgetPhase.Proposals, false, process.IsClosed, process.Visibility), who);

    private static Decision Team(bool runs) => runs
        ? Decision.Allowed
        : Decision.NotYours("Only the process's owner and facilitators, and the organisation's administrators, run its budgets.", typeof(BudgetingPermissions));

    private static Decision Resident(ProcessAccess who) => who.IsAuthenticated
        ? Decision.Allowed
        : Decision.NotYours("Sign in to take part in the budget.", typeof(BudgetingPermissions));

    private static Decision When(bool now, string reason) => now ? Decision.Allowed : Decision.NotNow(reason, typeof(BudgetingPermissions));
}
