using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The paper ballots entered for a budget (<see cref="EnterPaperBallot"/>): those waiting for their second entry first.</summary>
public sealed class PaperBallots(CocreoDbContext db)
{
    public async Task<List<PaperBallotEntry>> EntriesAsync(int budgetId, CancellationToken cancellationToken = default) =>
        await db.Set<PaperBallotEntry>().AsNoTracking().Where(e => e.BudgetId == budgetId).OrderBy(e => e.Counted).ThenBy(e => e.Serial).ToListAsync(cancellationToken);
}
