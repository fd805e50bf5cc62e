using System.Security.Claims;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>A command about one budget.</summary>
public interface IBudgetCommand
{
    int BudgetId { get; }
}

/// <summary>A command about one proposal.</summary>
public interface IProposalCommand
{
    int ProposalId { get; }
}

/// <summary>
/// The shape of a change to a budget: the runner loads the budget named by the command, fresh and tracked, with its
/// process and who is asking, and asks <see cref="BudgetingPermissions"/> about the handler's action on that data;
/// the handler only makes the change and logs it.
/// </summary>
public abstract class BudgetChange<TCommand, TResult>(BudgetAccess budgets, BudgetAction action) : IChange<TCommand, BudgetTarget, TResult>
    where TCommand : IBudgetCommand
{
    public Task<BudgetTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        budgets.ForChangeAsync(command.BudgetId, user, cancellationToken);

    public virtual Decision Decide(BudgetTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<BudgetTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// The shape of a change to a proposal: the runner loads the proposal and its budget fresh, and asks about the
/// handler's action on the budget as it is then (its phase) and on the proposal (a merged one changes no more).
/// </summary>
public abstract class ProposalChange<TCommand, TResult>(BudgetAccess budgets, BudgetAction action) : IChange<TCommand, ProposalTarget, TResult>
    where TCommand : IProposalCommand
{
    public Task<ProposalTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        budgets.ForProposalChangeAsync(command.ProposalId, user, cancellationToken);

    public virtual Decision Decide(ProposalTarget target, TCommand command) =>
        target.Budget.Decide(action).And(() => BudgetTarget.OpenDecision(target.Proposal));

    public abstract Task<TResult> RunAsync(Change<ProposalTarget> change, TCommand command, CancellationToken cancellationToken);
}
