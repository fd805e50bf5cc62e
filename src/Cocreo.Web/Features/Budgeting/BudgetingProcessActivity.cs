using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// Budgets in a process's lifecycle: a vote open (or ballots being counted) keeps the process from being archived,
/// and a budget or proposal since (comments: the debate's activity) a phase move, or a vote open (ballots carry no time, by design), means
/// something happened in the phase.
/// </summary>
public sealed class BudgetingProcessActivity(CocreoDbContext db) : IProcessActivity
{
    public async Task<string?> RunningAsync(int processId, CancellationToken cancellationToken) =>
        await db.Set<Budget>().AnyAsync(b => b.ProcessId == processId && (b.Phase == BudgetPhase.Voting || (b.Phase == BudgetPhase.Results && b.ResultsPublishedAt == null)), cancellationToken)
            ? "VotingOpen"
            : null;

    public async Task<bool> AnythingSinceAsync(int processId, DateTime since, CancellationToken cancellationToken)
    {
        var budgets = db.Set<Budget>().Where(b => b.ProcessId == processId);
        var proposals = db.Set<Proposal>().Where(p => budgets.Any(b => b.Id == p.BudgetId));
        return await budgets.AnyAsync(b => b.CreatedAt >= since || b.Phase == BudgetPhase.Voting, cancellationToken)
            || await proposals.AnyAsync(p => p.SubmittedAt >= since, cancellationToken);
    }

    /// <summary>A proposal (comments are on proposals), or a vote that opened (ballots carry no time nor name).</summary>
    public async Task<bool> HasInputAsync(int processId, CancellationToken cancellationToken)
    {
        var budgets = db.Set<Budget>().Where(b => b.ProcessId == processId);
        return await budgets.AnyAsync(b => b.Phase >= BudgetPhase.Voting, cancellationToken)
            || await db.Set<Proposal>().AnyAsync(p => budgets.Any(b => b.Id == p.BudgetId), cancellationToken);
    }
}
