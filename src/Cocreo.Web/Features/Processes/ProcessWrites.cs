using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// Every change to a process also moves the head of its log, and the process's version token guards it: when two
/// people change the same process at once, one save fails. The change is then tried again on fresh data, so both
/// land, in order, each with its own log entry.
/// </summary>
public static class ProcessWrites
{
    private const int Attempts = 5;

    public static async Task<T> RetryOnConflictAsync<T>(this CocreoDbContext db, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken = default)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (i < Attempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 40) * i, cancellationToken);
            }
        }
    }
}
