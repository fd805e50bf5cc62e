using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// Every change to a process also moves the head of its log, and the process's version token guards it: when two
/// people change the same process at once, one save fails (a stale version, or the unique key of a log sequence
/// number or of a membership). The change is then tried again on fresh data, so both land, in order, each with its
/// own log entry; a change that has become pointless (the person already joined) sees so on the fresh data.
/// </summary>
public static class ProcessWrites
{
    // Each round of a conflict lets one writer through, so the limit allows a crowd joining at once.
    private const int Attempts = 30;

    public static async Task<T> RetryOnConflictAsync<T>(this CocreoDbContext db, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken = default)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (DbUpdateException) when (i < Attempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 25) * Math.Min(i, 8), cancellationToken);
            }
        }
    }
}
