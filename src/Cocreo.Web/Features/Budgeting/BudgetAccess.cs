using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>A budget with its process and who the current person is with respect to them.</summary>
public sealed record BudgetTarget(Budget Budget, Process Process, ProcessAccess Access)
{
    public BudgetFacts Facts => new(Budget.Phase, Budget.ResultsArePublished, Process.IsClosed, Process.Visibility);

    public bool Allows(BudgetAction action) => BudgetingPermissions.Allows(action, Facts, Access);
}

/// <summary>Loads budgets for reading or changing, only for people who may see them (others get null: not found).</summary>
public sealed class BudgetAccess(CocreoDbContext db, ProcessDirectory directory, ProcessAccessReader accessReader)
{
    public async Task<BudgetTarget?> ForReadAsync(int budgetId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var budget = await db.Set<Budget>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == budgetId, cancellationToken);
        return budget is null ? null : await VisibleAsync(budget, await directory.FindAsync(budget.ProcessId, cancellationToken), user, cancellationToken);
    }

    /// <summary>The budget tracked, and its process loaded to change (its log is appended in the same save).</summary>
    public async Task<BudgetTarget?> ForChangeAsync(int budgetId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var budget = await db.Set<Budget>().SingleOrDefaultAsync(b => b.Id == budgetId, cancellationToken);
        return budget is null ? null : await VisibleAsync(budget, await directory.FindForChangeAsync(budget.ProcessId, user.UserId(), cancellationToken), user, cancellationToken);
    }

    /// <summary>A proposal with its budget (tracked when <paramref name="forChange"/>), for people who may see the budget.</summary>
    public async Task<(Proposal Proposal, BudgetTarget Target)?> ForProposalAsync(int proposalId, ClaimsPrincipal user, bool forChange, CancellationToken cancellationToken = default)
    {
        var proposals = forChange ? db.Set<Proposal>() : db.Set<Proposal>().AsNoTracking();
        var proposal = await proposals.Include(p => p.Updates).SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return null;
        }
        var target = forChange ? await ForChangeAsync(proposal.BudgetId, user, cancellationToken) : await ForReadAsync(proposal.BudgetId, user, cancellationToken);
        return target is null ? null : (proposal, target);
    }

    /// <summary>A process the person may see, to list or create budgets in.</summary>
    public async Task<(Process Process, ProcessAccess Access)?> ProcessAsync(int processId, ClaimsPrincipal user, bool forChange, CancellationToken cancellationToken = default)
    {
        var process = forChange ? await directory.FindForChangeAsync(processId, user.UserId(), cancellationToken) : await directory.FindAsync(processId, cancellationToken);
        if (process is null)
        {
            return null;
        }
        var who = await accessReader.ForAsync(user, process, cancellationToken);
        return ProcessPermissions.Allows(ProcessAction.View, process, who) ? (process, who) : null;
    }

    private async Task<BudgetTarget?> VisibleAsync(Budget budget, Process? process, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (process is null)
        {
            return null;
        }
        var target = new BudgetTarget(budget, process, await accessReader.ForAsync(user, process, cancellationToken));
        return target.Allows(BudgetAction.View) ? target : null;
    }
}
