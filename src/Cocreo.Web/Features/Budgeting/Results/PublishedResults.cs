using System.Text.Json;
using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The published results of a budget (see <see cref="PublishResults"/>), as counted.</summary>
public sealed class PublishedResults(CocreoDbContext db)
{
    public async Task<(BudgetResult Result, ResultsDocument Document)?> FindAsync(int budgetId, CancellationToken cancellationToken = default)
    {
        var result = await db.Set<BudgetResult>().AsNoTracking().SingleOrDefaultAsync(r => r.BudgetId == budgetId, cancellationToken);
        return result is null ? null : (result, JsonSerializer.Deserialize<ResultsDocument>(result.Document, Counting.Json)!);
    }
}
