using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A budget with its process and who the current person is with respect to them; loaded for a change (tracked), it
/// also says who the log names: the team by name, residents by role only.
/// </summary>
public sealed record BudgetTarget(Budget Budget, Process Process, ProcessAccess Access) : IChangeTarget
{
    /// <summary>Who the log names for a resident's own change (a proposal, a support, a comment): the role, never the person.</summary>
    public static LogActor Participant { get; } = LogActor.Private("participant");

    public int? LogProcessId => Process.Id;

    public LogActor Actor { get; init; } = Participant;

    public BudgetFacts Facts => new(Budget.Phase, Budget.ResultsArePublished, Process.IsClosed, Process.Visibility);

    public Decision Decide(BudgetAction action) => BudgetingPermissions.Decide(action, Facts, Access);

    public bool Allows(BudgetAction action) => Decide(action).IsAllowed;

    /// <summary>Adding or removing a proposal's pictures: its author while proposals are collected; the team while they review.</summary>
    public Decision DecideIllustrating(Proposal proposal)
    {
        var asTeam = Decide(BudgetAction.Review);
        var decision = asTeam.IsAllowed ? asTeam
            : Access.UserId is not null && proposal.AuthorUserId == Access.UserId ? Decide(BudgetAction.IllustrateOwnProposal)
            : asTeam.Kind == DecisionKind.NotYours ? Decision.NotYours("Only the proposal's author and the budget's team add or remove its pictures.", typeof(BudgetingPermissions))
            : asTeam;
        return decision.And(() => OpenDecision(proposal));
    }

    /// <summary>
    /// Translating a proposal: its author (a resident writing in Slovenian adds English), or the budget's team (who
    /// add the other language), in any phase while the process is open. Nobody else: it would put words in its
    /// author's mouth.
    /// </summary>
    public Decision DecideTranslating(Proposal proposal)
    {
        var asTeam = Decide(BudgetAction.Manage);
        return asTeam.IsAllowed ? asTeam
            : Access.UserId is not null && proposal.AuthorUserId == Access.UserId ? Decide(BudgetAction.TranslateOwnProposal)
            : asTeam.Kind == DecisionKind.NotYours ? Decision.NotYours("Only the proposal's author and the budget's team translate it.", typeof(BudgetingPermissions))
            : asTeam;
    }

    /// <summary>Who a translation made now would be credited to: the author when they translate their own proposal, else the team.</summary>
    public ProposalTranslator TranslatorOf(Proposal proposal) =>
        Access.UserId is not null && proposal.AuthorUserId == Access.UserId ? ProposalTranslator.Author : ProposalTranslator.Team;

    /// <summary>A merged proposal lives on in the one it was merged into: it changes no more.</summary>
    public static Decision OpenDecision(Proposal proposal) =>
        proposal.IsWithdrawn ? Decision.NotNow("Its author withdrew this proposal.", typeof(BudgetingPermissions))
        : proposal.IsOpen ? Decision.Allowed : Decision.NotNow("This proposal was merged into another one.", typeof(BudgetingPermissions));
}

/// <summary>A proposal loaded for a change (tracked) with its budget.</summary>
public sealed record ProposalTarget(Proposal Proposal, BudgetTarget Budget) : IChangeTarget
{
    public int? LogProcessId => Budget.Process.Id;

    public LogActor Actor => Budget.Actor;
}

/// <summary>
/// Opens budgets and proposals for pages and changes. A page gets them only when the person may see them (else
/// nothing: not found); a change gets them loaded fresh and tracked, with who is asking and who the log names, for
/// the change runner to decide on (<see cref="BudgetingPermissions"/>) inside its retry.
/// </summary>
public sealed class BudgetAccess(CocreoDbContext db, ProcessDirectory directory, ProcessAccessReader accessReader, LogActors actors)
{
    public async Task<BudgetTarget?> ForReadAsync(int budgetId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var budget = await db.Set<Budget>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == budgetId, cancellationToken);
        return budget is null ? null : await VisibleAsync(budget, await directory.FindAsync(budget.ProcessId, cancellationToken), user, cancellationToken);
    }

    /// <summary>Opens a budget for a page that does <paramref name="action"/>; refuses (throws) otherwise.</summary>
    public async Task<BudgetTarget> ReadAsync(int budgetId, ClaimsPrincipal user, BudgetAction action, CancellationToken cancellationToken = default)
    {
        var target = RefusedException.IfMissing(await ForReadAsync(budgetId, user, cancellationToken));
        RefusedException.Unless(target.Decide(action), target.Access.IsAuthenticated);
        return target;
    }

    /// <summary>
    /// The budget tracked, its process loaded to change (its log is appended in the same save), who is asking and
    /// who the log names; null when there is no such budget. Whether the person may see it is for the change to decide.
    /// </summary>
    public async Task<BudgetTarget?> ForChangeAsync(int budgetId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var budget = await db.Set<Budget>().SingleOrDefaultAsync(b => b.Id == budgetId, cancellationToken);
        return budget is null ? null : await TargetAsync(budget, user, cancellationToken);
    }

    /// <summary>A proposal tracked, with its budget loaded for a change; null when there is no such proposal.</summary>
    public async Task<ProposalTarget?> ForProposalChangeAsync(int proposalId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var proposal = await db.Set<Proposal>().Include(p => p.Updates).SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        // A proposal of a process (no budget) is not a budget project: the Proposals capability changes it.
        var budget = proposal?.BudgetId is not { } budgetId ? null : await ForChangeAsync(budgetId, user, cancellationToken);
        return budget is null ? null : new ProposalTarget(proposal!, budget);
    }

    /// <summary>A process loaded for a change that creates a budget in it, with who is asking; null when there is no such process.</summary>
    public async Task<ProcessTarget?> ProcessForChangeAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await accessReader.ForChangeAsync(processId, user, cancellationToken);

    /// <summary>A proposal with its budget, for people who may see the budget.</summary>
    public async Task<(Proposal Proposal, BudgetTarget Target)?> ForProposalAsync(int proposalId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var proposal = await db.Set<Proposal>().AsNoTracking().Include(p => p.Updates).SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        var target = proposal?.BudgetId is not { } budgetId ? null : await ForReadAsync(budgetId, user, cancellationToken);
        return target is null ? null : (proposal!, target);
    }

    /// <summary>A process the person may see, to list or create budgets in.</summary>
    public async Task<(Process Process, ProcessAccess Access)?> ProcessAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var process = await directory.FindAsync(processId, cancellationToken);
        if (process is null)
        {
            await accessReader.RefuseIfDeletedAsync(processId, user, cancellationToken);
            return null;
        }
        var who = await accessReader.ForAsync(user, process, cancellationToken);
        return ProcessPermissions.Allows(ProcessAction.View, process, who) ? (process, who) : null;
    }

    private async Task<BudgetTarget?> TargetAsync(Budget budget, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var process = await directory.FindForChangeAsync(budget.ProcessId, user.UserId(), cancellationToken);
        if (process is null)
        {
            await accessReader.RefuseIfDeletedAsync(budget.ProcessId, user, cancellationToken);
            return null;
        }
        var access = await accessReader.ForAsync(user, process, cancellationToken);
        return new BudgetTarget(budget, process, access) { Actor = await actors.ForAsync(access, cancellationToken) };
    }

    private async Task<BudgetTarget?> VisibleAsync(Budget budget, Process? process, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (process is null)
        {
            // Every page and endpoint of a budget or proposal opens it here: under a deleted process they answer 410.
            await accessReader.RefuseIfDeletedAsync(budget.ProcessId, user, cancellationToken);
            return null;
        }
        var target = new BudgetTarget(budget, process, await accessReader.ForAsync(user, process, cancellationToken));
        return target.Allows(BudgetAction.View) ? target : null;
    }
}
