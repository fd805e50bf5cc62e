using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;

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

    /// <summary>Add or remove pictures of one's own proposal (staff do it for any proposal while they may review).</summary>
    IllustrateOwnProposal,

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
    public static bool Allows(BudgetAction action, BudgetFacts budget, ProcessAccess who)
    {
        var canSee = ProcessPermissions.Allows(ProcessAction.View, budget.Visibility, budget.ProcessClosed, who);
        var runs = who.IsPlatformAdmin || who.IsProcessTeam || who.OrganisationRole == OrganisationRole.Administrator;
        var open = !budget.ProcessClosed;
        var resident = canSee && who.IsAuthenticated && open;
        return action switch
        {
            BudgetAction.View => canSee,
            BudgetAction.Manage => runs && open,
            BudgetAction.Review => runs && open && budget.Phase is BudgetPhase.Proposals or BudgetPhase.Review,
            BudgetAction.Propose => resident && budget.Phase == BudgetPhase.Proposals,
            BudgetAction.Support => resident && budget.Phase is BudgetPhase.Proposals or BudgetPhase.Review,
            BudgetAction.Comment => resident,
            BudgetAction.IllustrateOwnProposal => resident && budget.Phase == BudgetPhase.Proposals,
            BudgetAction.EnterPaperBallots => runs && open && (budget.Phase == BudgetPhase.Voting || (budget.Phase == BudgetPhase.Results && !budget.ResultsPublished)),
            BudgetAction.ReportProgress => runs && open && budget.ResultsPublished,
            _ => false,
        };
    }

    /// <summary>Whether creating budgets in this process is allowed (the same people who manage them).</summary>
    public static bool MayCreateBudget(Process process, ProcessAccess who) =>
        Allows(BudgetAction.Manage, new BudgetFacts(BudgetPhase.Proposals, false, process.IsClosed, process.Visibility), who);
}
