using System.Runtime.CompilerServices;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Caching.Memory;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// A number that moves whenever a proposal of the process is added, removed, or changes what the list filters on
/// (status, category, withdrawal, budget): the totals kept for the process's list are valid while it stands still.
/// </summary>
public sealed class ProposalListStamp
{
    public int ProcessId { get; init; }

    public long Stamp { get; init; }
}

public sealed class ProposalListStampConfiguration : IEntityTypeConfiguration<ProposalListStamp>
{
    public void Configure(EntityTypeBuilder<ProposalListStamp> stamp)
    {
        stamp.ToTable("ProposalListStamps");
        stamp.HasKey(s => s.ProcessId);
        stamp.Property(s => s.ProcessId).ValueGeneratedNever();
    }
}

/// <summary>
/// The total of each filtered proposal list, kept in memory under the process's <see cref="ProposalListStamp"/>:
/// counting 10,000 proposals was half of the database's work for a page of the list; reading the stamp is one row.
/// Every instance keeps its own totals and reads the shared stamp, so a change made on another instance is seen on
/// the next page. A total is kept at most <see cref="MaxAge"/>, which bounds what a stamp not moved (a crash between a
/// save and its stamp) could leave behind.
/// </summary>
public sealed class ProposalListTotals(IMemoryCache cache)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>The total of <paramref name="query"/>, the list of the process filtered by <paramref name="filter"/> (a value with equality).</summary>
    public async Task<int> CountAsync(CocreoDbContext db, int processId, object filter, IQueryable<Proposal> query, CancellationToken cancellationToken)
    {
        // The stamp first, then the count: a count kept under a stamp is never older than the stamp.
        var stamp = await db.Set<ProposalListStamp>().AsNoTracking().Where(s => s.ProcessId == processId).Select(s => (long?)s.Stamp).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var key = (nameof(ProposalListTotals), processId, stamp, filter);
        if (cache.TryGetValue<int>(key, out var total))
        {
            return total;
        }
        total = await query.CountAsync(cancellationToken);
        cache.Set(key, total, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaxAge, Size = 1 });
        return total;
    }
}

/// <summary>
/// Moves a process's <see cref="ProposalListStamp"/> after every save that adds or removes one of its proposals or
/// changes what the list filters on, whoever saves (a change, a merge, the demo, a test's seed). After the save and,
/// inside a transaction, in it: a reader that sees the new stamp sees the new proposals, so no total of the old ones
/// is ever kept under the new stamp.
/// </summary>
public sealed class ProposalListStamping : SaveChangesInterceptor
{
    private static readonly string[] Filtered = [nameof(Proposal.Status), nameof(Proposal.Category), nameof(Proposal.WithdrawnAt), nameof(Proposal.BudgetId), nameof(Proposal.ProcessId)];

    private readonly ConditionalWeakTable<DbContext, HashSet<int>> pending = new();

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
        if (eventData.Context is CocreoDbContext db && pending.TryGetValue(db, out var processes))
        {
            pending.Remove(db);
            foreach (var processId in processes)
            {
                // One statement on both databases (SQLite and PostgreSQL both take ON CONFLICT): no read, no lost bump.
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "ProposalListStamps" ("ProcessId", "Stamp") VALUES ({processId}, 1) ON CONFLICT ("ProcessId") DO UPDATE SET "Stamp" = "ProposalListStamps"."Stamp" + 1""",
                    cancellationToken);
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
        HashSet<int>? processes = null;
        foreach (var entry in db.ChangeTracker.Entries<Proposal>())
        {
            var moved = entry.State is EntityState.Added or EntityState.Deleted
                || (entry.State == EntityState.Modified && Filtered.Any(name => entry.Property(name).IsModified));
            if (!moved)
            {
                continue;
            }
            processes ??= pending.GetOrCreateValue(db);
            processes.Add(entry.Entity.ProcessId);
            if (entry.State == EntityState.Modified && entry.Property(nameof(Proposal.ProcessId)).OriginalValue is int before)
            {
                processes.Add(before);
            }
        }
    }
}
