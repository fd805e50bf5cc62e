using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace Cocreo.Web.Data;

/// <summary>
/// Totals that are costly to count (a list of 10,000 proposals, a debate of 10,000 comments), kept in memory under a
/// stamp in the database that moves whenever what they count changes (<see cref="StampingInterceptor{TKey}"/>).
/// Every instance keeps its own and reads the shared stamp, so a change made on any instance is counted on the next
/// read. A total is kept at most <see cref="MaxAge"/>, which bounds what a stamp not moved (a crash between a save
/// and its stamp) could leave behind.
/// </summary>
public sealed class StampedTotals(IMemoryCache cache)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The total kept for <paramref name="key"/> under <paramref name="stamp"/>, else counted now. Read the stamp
    /// before calling: a total kept under a stamp is then never older than the stamp.
    /// </summary>
    public async Task<T> GetAsync<T>(object key, long stamp, Func<CancellationToken, Task<T>> count, CancellationToken cancellationToken)
    {
        var entry = (nameof(StampedTotals), key, stamp);
        if (cache.TryGetValue<T>(entry, out var total) && total is not null)
        {
            return total;
        }
        total = await count(cancellationToken);
        cache.Set(entry, total, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaxAge, Size = 1 });
        return total;
    }
}

/// <summary>
/// Moves stamps after every save that changes what they stand for, whoever saves (a change, a merge, the demo, a
/// test's seed): the keys are read from the change tracker before the save, the stamps moved after it, with one
/// statement each (no read, so two saves at once both count). Inside a transaction the move is part of it; a reader
/// that sees the new stamp therefore sees the new rows, and no total of the old rows is kept under the new stamp.
/// </summary>
public abstract class StampingInterceptor<TKey> : SaveChangesInterceptor where TKey : notnull
{
    private readonly ConditionalWeakTable<DbContext, HashSet<TKey>> pending = new();

    /// <summary>The stamps this save moves.</summary>
    protected abstract IEnumerable<TKey> Touched(ChangeTracker changes);

    /// <summary>One statement (SQLite and PostgreSQL alike) that moves the stamp of <paramref name="key"/>, or starts it at 1.</summary>
    protected abstract FormattableString Move(TKey key);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CocreoDbContext db && pending.TryGetValue(db, out var keys))
        {
            pending.Remove(db);
            foreach (var key in keys)
            {
                await db.Database.ExecuteSqlAsync(Move(key), cancellationToken);
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            pending.Remove(db);
        }
    }

    private void Note(DbContext? db)
    {
        if (db is not CocreoDbContext)
        {
            return;
        }
        var keys = Touched(db.ChangeTracker).ToList();
        if (keys.Count > 0)
        {
            pending.GetOrCreateValue(db).UnionWith(keys);
        }
    }
}
